import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { RedisClientType } from 'redis';
import { RateLimitedError } from '../../http/errors';

/** How often codes may be sent. */
export interface SmsLimitSettings {
  /** Seconds before the same phone may be sent another code. */
  resendAfterS: number;
  /** Codes per phone per 24 hours. */
  perPhonePerDay: number;
  /** Codes per client IP per hour. */
  perIpPerHour: number;
}

/** 60 s between codes to one phone, 10 per phone a day, 20 per IP an hour. */
export const SMS_LIMIT_DEFAULTS: SmsLimitSettings = {
  resendAfterS: 60,
  perPhonePerDay: 10,
  perIpPerHour: 20,
};

/**
 * Counts SMS sends per phone and per IP (rate-limiter-flexible): in Redis when configured, so
 * every instance sees the same counts, else in this process's memory.
 */
export class SmsLimits {
  /** Null when `resendAfterS` is 0 (a limiter of duration 0 would never reset). */
  private readonly cooldown: RateLimiterAbstract | null;
  private readonly phoneDay: RateLimiterAbstract;
  private readonly ipHour: RateLimiterAbstract;

  constructor(
    deps: { redis: RedisClientType | null },
    readonly settings: SmsLimitSettings = SMS_LIMIT_DEFAULTS,
  ) {
    const make = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract =>
      deps.redis
        ? new RateLimiterRedis({
            keyPrefix,
            points,
            duration,
            storeClient: deps.redis,
            useRedisPackage: true,
          })
        : new RateLimiterMemory({ keyPrefix, points, duration });
    this.cooldown = settings.resendAfterS > 0 ? make('sms_cooldown', 1, settings.resendAfterS) : null;
    this.phoneDay = make('sms_phone_day', settings.perPhonePerDay, 86_400);
    this.ipHour = make('sms_ip_hour', settings.perIpPerHour, 3600);
  }

  /** Counts one send for `phone` from `ip`, or throws 429 SMS_RATE_LIMITED (nothing counted then). */
  async take(phone: string, ip: string): Promise<void> {
    const steps: Array<[RateLimiterAbstract | null, string, string]> = [
      [this.cooldown, phone, '验证码已发送，请稍后再获取'],
      [this.phoneDay, phone, '该手机号今日获取验证码次数已达上限'],
      [this.ipHour, ip, '获取验证码太频繁，请稍后再试'],
    ];
    const taken: Array<[RateLimiterAbstract, string]> = [];
    for (const [limiter, key, message] of steps) {
      if (!limiter) continue;
      try {
        await limiter.consume(key);
        taken.push([limiter, key]);
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        // A refused send counts against nothing, or a 429 on one limit would burn the others.
        await Promise.all(taken.map(([l, k]) => l.reward(k, 1)));
        throw new RateLimitedError(
          'SMS_RATE_LIMITED',
          message,
          Math.max(1, Math.ceil(err.msBeforeNext / 1000)),
        );
      }
    }
  }

  /** A send the provider refused: the phone may ask again at once (the daily and IP counts stay). */
  async sendFailed(phone: string): Promise<void> {
    await this.cooldown?.delete(phone);
  }
}
