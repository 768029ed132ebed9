import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX = 'v1.';

/**
 * Seals short secrets (TOTP seeds) for storage: AES-256-GCM under a key derived from the app's
 * master secret (JWT_SECRET) with HKDF-SHA256, so a database dump alone does not reveal them.
 * Changing JWT_SECRET makes sealed secrets unreadable: those users enrol their TOTP again.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(masterSecret: string, purpose = 'omni/backoffice/totp-secret/v1') {
    this.key = Buffer.from(hkdfSync('sha256', masterSecret, 'omni-secret-box', purpose, 32));
  }

  /** `v1.` + base64url(iv ‖ tag ‖ ciphertext). */
  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The plain text of `sealed`; throws when it was not sealed with this key or was altered. */
  open(sealed: string): string {
    if (!sealed.startsWith(PREFIX)) throw new Error('unknown sealed secret format');
    const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('sealed secret too short');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  }
}
