import { formatFen } from './money';

describe('formatFen', () => {
  it.each([
    [1290, '¥12.90'],
    [0, '¥0.00'],
    [5, '¥0.05'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [129900, '¥1299.00'],
    [-50, '-¥0.50'],
  ])('shows %i fen as %s', (fen, shown) => {
    expect(formatFen(fen)).toBe(shown);
  });

  it('rounds a fractional amount to the nearest fen instead of printing float noise', () => {
    expect(formatFen(1289.6)).toBe('¥12.90');
  });
});
