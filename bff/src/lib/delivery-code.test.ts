import { deliveryCode } from './delivery-code';

describe('deliveryCode', () => {
  it('gives each order a stable 4-digit code that depends on the secret', () => {
    const codes = Array.from({ length: 200 }, (_, i) => deliveryCode('secret-a', i + 1));
    expect(codes.every((c) => /^\d{4}$/.test(c))).toBe(true);
    expect(deliveryCode('secret-a', 42)).toBe(codes[41]);
    expect(new Set(codes).size).toBeGreaterThan(180);
    const other = Array.from({ length: 200 }, (_, i) => deliveryCode('secret-b', i + 1));
    expect(other.filter((c, i) => c === codes[i]).length).toBeLessThan(5);
  });
});
