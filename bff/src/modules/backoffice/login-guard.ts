import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
  type RateLimiterRes,
} from 'rate-limiter-flexible';
import type { RedisClientType } from 'redis';

/** Failure limits of back-office logins. */
export interface LoginGuardSettings {
  /** Failures per username or per IP within `windowS` after which logins are refused (429). */
  maxFailures: number;
  /** Failures after which a captcha is required. */
  captchaAfter: number;
  windowS: number;
}

/** 5 failures per username or IP in 15 minutes lock; a captcha from the 3rd. */
export const LOGIN_GUARD_DEFAULTS: LoginGuardSettings = { maxFailures: 5, captchaAfter: 3, windowS: 900 };

/** What a login attempt must clear before its password is checked. */
export interface LoginGate {
  /** Seconds until the lock lifts; null when not locked. */
  lockedForS: number | null;
  captchaRequired: boolean;
}

/**
 * Counts failed back-office logins per username and per IP (rate-limiter-flexible): in Redis when
 * one is configured, so every instance sees the same counts, else in this process's memory.
 */
export class LoginGuard {
  private readonly byUser: RateLimiterAbstract;
  private readonly byIp: RateLimiterAbstract;

  constructor(
    deps: { redis: RedisClientType | null },
    private readonly settings: LoginGuardSettings = LOGIN_GUARD_DEFAULTS,
  ) {
    const make = (keyPrefix: string): RateLimiterAbstract => {
      const opts = { keyPrefix, points: settings.maxFailures, duration: settings.windowS };
      return deps.redis
        ? new RateLimiterRedis({ ...opts, storeClient: deps.redis, useRedisPackage: true })
        : new RateLimiterMemory(opts);
    };
    this.byUser = make('bo_login_user');
    this.byIp = make('bo_login_ip');
  }

  /** Whether `username` (lower-cased) or `ip` is locked, or needs a captcha. */
  async gate(username: string, ip: string): Promise<LoginGate> {
    const [u, i] = await Promise.all([this.byUser.get(username), this.byIp.get(ip)]);
    const locked = [u, i].filter(
      (r): r is RateLimiterRes => !!r && r.consumedPoints >= this.settings.maxFailures,
    );
    const most = Math.max(u?.consumedPoints ?? 0, i?.consumedPoints ?? 0);
    return {
      lockedForS: locked.length
        ? Math.max(1, Math.ceil(Math.max(...locked.map((r) => r.msBeforeNext)) / 1000))
        : null,
      captchaRequired: most >= this.settings.captchaAfter,
    };
  }

  /** Counts one failure for both; answers whether the next attempt needs a captcha. */
  async failed(username: string, ip: string): Promise<{ captchaRequired: boolean }> {
    const [u, i] = await Promise.all([this.byUser.penalty(username, 1), this.byIp.penalty(ip, 1)]);
    return { captchaRequired: Math.max(u.consumedPoints, i.consumedPoints) >= this.settings.captchaAfter };
  }

  /** A successful login clears its username's failures (the IP's stay). */
  async succeeded(username: string): Promise<void> {
    await this.byUser.delete(username);
  }
}
