import type { RedisClientType } from 'redis';
import { RateLimitedError } from './errors';
import type { ErrorCode } from '@omni/shared-types';

/** Counts hits per key in fixed windows. */
export interface RateLimiter {
  /** Counts one hit; returns how many hits the key had in the current window. */
  hit(key: string, windowS: number): Promise<{ count: number; resetInS: number }>;
}

/** One process's counters (dev, single instance). */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  async hit(key: string, windowS: number): Promise<{ count: number; resetInS: number }> {
    const now = Date.now();
    const bucket = Math.floor(now / (windowS * 1000));
    const k = `${key}:${bucket}`;
    const w = this.windows.get(k) ?? { start: bucket * windowS * 1000, count: 0 };
    w.count++;
    this.windows.set(k, w);
    if (this.windows.size > 50_000) {
      for (const [key2, v] of this.windows) if (now - v.start > 3_600_000) this.windows.delete(key2);
    }
    return { count: w.count, resetInS: Math.max(1, Math.ceil((w.start + windowS * 1000 - now) / 1000)) };
  }
}

/** Counters shared by every instance through Redis (INCR + EXPIRE). */
export class RedisRateLimiter implements RateLimiter {
  constructor(private readonly redis: RedisClientType) {}

  async hit(key: string, windowS: number): Promise<{ count: number; resetInS: number }> {
    const bucket = Math.floor(Date.now() / (windowS * 1000));
    const k = `rl:${key}:${bucket}`;
    const [count] = (await this.redis
      .multi()
      .incr(k)
      .expire(k, windowS + 1)
      .exec()) as unknown as [number];
    return { count: Number(count), resetInS: windowS - (Math.floor(Date.now() / 1000) % windowS) };
  }
}

/** Throws 429 when `key` exceeded `limit` hits in `windowS` seconds. */
export async function enforceLimit(
  limiter: RateLimiter,
  key: string,
  limit: number,
  windowS: number,
  code: ErrorCode = 'RATE_LIMITED',
): Promise<void> {
  const { count, resetInS } = await limiter.hit(key, windowS);
  if (count > limit) throw new RateLimitedError(code, '操作太频繁，请稍后再试', resetInS);
}
