import { dummyPasswordHash, hashPassword, verifyPassword } from './password';

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const h = await hashPassword('correct horse battery');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(h, 'correct horse batterY')).toBe(false);
  });

  it('treats a malformed hash as a mismatch', async () => {
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });

  it('keeps one dummy hash that no password opens', async () => {
    const d = await dummyPasswordHash();
    expect(await dummyPasswordHash()).toBe(d);
    expect(await verifyPassword(d, '')).toBe(false);
  });
});
