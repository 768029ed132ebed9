import { createHash, randomBytes } from 'node:crypto';
import type { RedisClientType } from 'redis';
import { create as createSvgCaptcha } from 'svg-captcha';
import type { CaptchaResponse } from '@omni/shared-types';

/** Makes one captcha: the text to type and its picture. */
export type CaptchaMaker = () => { text: string; svg: string };

/** svg-captcha: 4 characters without look-alikes, some noise lines. */
export const svgCaptchaMaker: CaptchaMaker = () => {
  const c = createSvgCaptcha({ size: 4, noise: 2, ignoreChars: '0oO1iIlL', width: 120, height: 44 });
  return { text: c.text, svg: c.data };
};

/** How long a captcha's answer is accepted, seconds. */
export const CAPTCHA_TTL_S = 120;

const hashOf = (id: string, answer: string): string =>
  createHash('sha256').update(`${id}:${answer.trim().toLowerCase()}`).digest('hex');

/**
 * Issues captchas and checks answers once: only a hash of the answer is kept, for two minutes, in
 * Redis when configured (any instance can check it) or in this process.
 */
export class CaptchaService {
  private readonly memory = new Map<string, { hash: string; expiresAtMs: number }>();

  constructor(private readonly deps: { redis: RedisClientType | null; make?: CaptchaMaker; ttlS?: number }) {}

  /** A new captcha. */
  async issue(): Promise<CaptchaResponse> {
    const { text, svg } = (this.deps.make ?? svgCaptchaMaker)();
    const captchaId = randomBytes(16).toString('base64url');
    const ttlS = this.deps.ttlS ?? CAPTCHA_TTL_S;
    const hash = hashOf(captchaId, text);
    if (this.deps.redis) await this.deps.redis.set(`bo_captcha:${captchaId}`, hash, { EX: ttlS });
    else {
      this.sweep();
      this.memory.set(captchaId, { hash, expiresAtMs: Date.now() + ttlS * 1000 });
    }
    return { captchaId, svg, expiresInS: ttlS };
  }

  /** Whether `answer` (case-insensitive) is right; the captcha is spent either way. */
  async check(captchaId: string, answer: string): Promise<boolean> {
    let stored: string | null = null;
    if (this.deps.redis) stored = await this.deps.redis.getDel(`bo_captcha:${captchaId}`);
    else {
      const m = this.memory.get(captchaId);
      this.memory.delete(captchaId);
      stored = m && m.expiresAtMs > Date.now() ? m.hash : null;
    }
    return stored !== null && stored === hashOf(captchaId, answer);
  }

  private sweep(): void {
    if (this.memory.size < 10_000) return;
    const now = Date.now();
    for (const [k, v] of this.memory) if (v.expiresAtMs <= now) this.memory.delete(k);
  }
}
