import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Seconds an authorisation state stays acceptable. */
export const OAUTH_STATE_TTL_S = 600;

/**
 * The `state` of a web-authorisation round trip: `<expiry s, 10 digits><nonce, 16 hex><HMAC, 32
 * hex>`, only [0-9a-f] as WeChat allows (≤128 bytes). The server accepts only states it signed
 * and that have not expired; the H5 page also keeps the state it was given and refuses a return
 * carrying another one, which ties the round trip to the browser that started it (CSRF).
 */
export class OAuthStates {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('omni:oauth-state:v1').digest();
  }

  /** A fresh state valid until `now` + 10 minutes. */
  issue(now: Date): { state: string; expiresAt: Date } {
    const expS = Math.floor(now.getTime() / 1000) + OAUTH_STATE_TTL_S;
    const body = `${String(expS).padStart(10, '0')}${randomBytes(8).toString('hex')}`;
    return { state: body + this.sign(body), expiresAt: new Date(expS * 1000) };
  }

  /** Whether `state` was issued here and is still valid at `now`. */
  check(state: string, now: Date): boolean {
    if (!/^[0-9]{10}[0-9a-f]{48}$/.test(state)) return false;
    const body = state.slice(0, 26);
    const ok = timingSafeEqual(Buffer.from(state.slice(26), 'hex'), Buffer.from(this.sign(body), 'hex'));
    return ok && Number(body.slice(0, 10)) * 1000 > now.getTime();
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('hex').slice(0, 32);
  }
}
