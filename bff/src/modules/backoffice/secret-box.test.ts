import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox('test-secret-0123456789abcdef');

  it('opens what it sealed, and never stores the plain text', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('seals the same text differently each time (random IV)', () => {
    expect(box.seal('abc')).not.toBe(box.seal('abc'));
  });

  it('refuses a secret sealed under another master secret', () => {
    const other = new SecretBox('another-secret-0123456789');
    expect(() => other.open(box.seal('abc'))).toThrow();
  });

  it('refuses an altered secret', () => {
    const sealed = box.seal('abcdef');
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(() => box.open(`v1.${raw.toString('base64url')}`)).toThrow();
  });
});
