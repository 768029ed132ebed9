// WeChat's server API for the mini-program: the shared access_token (`stable_token`), subscription
// messages (`subscribe/send`) and shipping information (`upload_shipping_info`). One token per
// appid, shared by every instance through Redis (or the database), refreshed before it expires and
// once (single-flight) when WeChat calls it invalid.
import type { DataSource } from 'typeorm';
import type { RedisConnection } from '../redis';
import type { Clock } from '../../clock';
import type { Logger } from '../../logger';
import { WechatTokenEntity } from '../../modules/notifications/notify.entity';

/** What a call ended in. `transient`: worth retrying; `token`: the token was refused. */
export type MpOutcome =
  | { ok: true; errcode: 0; msgid?: number; raw: unknown }
  | { ok: false; kind: 'transient' | 'final' | 'token'; errcode: number | null; message: string };

/** Errors that mean the token is bad: expired (42001), not the latest (40001), malformed (40014). */
export const TOKEN_ERRORS = [40001, 40014, 42001];
/** WeChat busy / rate limits: try again later. */
const TRANSIENT_ERRORS = [-1, 45009, 45011, 10060012, 10060019];

export interface MpApiDeps {
  apiBase: string;
  appid: string;
  secret: string;
  db: DataSource;
  redis: RedisConnection | null;
  clock: Clock;
  log: Logger;
  timeoutMs?: number;
  /** Refresh this long before WeChat's expiry (default 5 min). */
  refreshBeforeS?: number;
}

interface Cached {
  token: string;
  expiresAt: number;
}

/** The mini-program's server API with one shared access_token. */
export class WechatMpApi {
  private local: Cached | null = null;
  private inflight: Promise<Cached> | null = null;
  /** How many tokens this instance fetched, and API calls it made (metrics, tests). */
  fetched = 0;
  calls = 0;

  constructor(private readonly deps: MpApiDeps) {}

  private get key(): string {
    return `omni:wechat:token:${this.deps.appid}`;
  }

  /** A token valid for at least `refreshBeforeS` more: ours, the shared one, or a fresh one. */
  async token(): Promise<string> {
    const now = this.deps.clock.now().getTime();
    const margin = (this.deps.refreshBeforeS ?? 300) * 1000;
    if (this.local && this.local.expiresAt - margin > now) return this.local.token;
    const shared = await this.readShared();
    if (shared && shared.expiresAt - margin > now) {
      this.local = shared;
      return shared.token;
    }
    return (await this.refresh(null)).token;
  }

  /**
   * A new token after WeChat refused `bad`. Single-flight here; across instances the shared cache
   * is read first, so an instance that already refreshed is believed instead of asking again.
   */
  async refresh(bad: string | null): Promise<Cached> {
    if (this.inflight) return this.inflight;
    this.inflight = (async () => {
      try {
        const shared = await this.readShared();
        const now = this.deps.clock.now().getTime();
        if (shared && shared.token !== bad && shared.expiresAt > now + 60_000) {
          this.local = shared;
          return shared;
        }
        // stable_token in normal mode: the same token to every caller while WeChat holds it valid,
        // a new one once it has expired or was invalidated — never invalidates another instance's.
        const got = await this.stableToken(false);
        const fresh =
          got.token === bad
            ? // WeChat handed back the token it just refused: force a new one (this invalidates it).
              await this.stableToken(true)
            : got;
        await this.writeShared(fresh);
        this.local = fresh;
        return fresh;
      } finally {
        this.inflight = null;
      }
    })();
    return this.inflight;
  }

  private async stableToken(force: boolean): Promise<Cached> {
    const res = await this.post('/cgi-bin/stable_token', null, {
      grant_type: 'client_credential',
      appid: this.deps.appid,
      secret: this.deps.secret,
      force_refresh: force,
    });
    const body = res as { access_token?: unknown; expires_in?: unknown; errcode?: number; errmsg?: string };
    if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
      throw new Error(`stable_token: ${body.errcode ?? '?'} ${body.errmsg ?? 'unrecognised answer'}`);
    }
    this.fetched++;
    this.deps.log.info({ force, expiresInS: body.expires_in }, 'wechat access_token fetched');
    return {
      token: body.access_token,
      expiresAt: this.deps.clock.now().getTime() + body.expires_in * 1000,
    };
  }

  private async readShared(): Promise<Cached | null> {
    try {
      if (this.deps.redis) {
        const raw = await this.deps.redis.pub.get(this.key);
        if (!raw) return null;
        const v = JSON.parse(raw) as Cached;
        return typeof v.token === 'string' && typeof v.expiresAt === 'number' ? v : null;
      }
      const row = await this.deps.db.getRepository(WechatTokenEntity).findOneBy({ appid: this.deps.appid });
      return row ? { token: row.accessToken, expiresAt: row.expiresAt.getTime() } : null;
    } catch (err) {
      this.deps.log.warn({ err }, 'shared access_token unreadable');
      return null;
    }
  }

  private async writeShared(c: Cached): Promise<void> {
    try {
      if (this.deps.redis) {
        const ttlMs = Math.max(1000, c.expiresAt - this.deps.clock.now().getTime());
        await this.deps.redis.pub.set(this.key, JSON.stringify(c), { PX: ttlMs });
        return;
      }
      await this.deps.db
        .getRepository(WechatTokenEntity)
        .save({ appid: this.deps.appid, accessToken: c.token, expiresAt: new Date(c.expiresAt) });
    } catch (err) {
      this.deps.log.warn({ err }, 'shared access_token not stored');
    }
  }

  /** `POST {path}?access_token=` with JSON; the parsed answer, or throws on no/garbled answer. */
  private async post(path: string, token: string | null, body: unknown): Promise<unknown> {
    const url = new URL(path, this.deps.apiBase);
    if (token) url.searchParams.set('access_token', token);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.deps.timeoutMs ?? 5000),
    });
    const text = await res.text();
    if (res.status >= 500) throw new HttpStatusError(res.status);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new Error(`WeChat answered HTTP ${res.status} with a body that is not JSON`);
    }
  }

  /**
   * Calls `path` with the shared token; a token error refreshes once and tries again. `done` lists
   * error codes that mean the work is already done (e.g. shipping info already uploaded).
   */
  async call(path: string, body: unknown, opts: { done?: number[] } = {}): Promise<MpOutcome> {
    let token: string;
    try {
      token = await this.token();
    } catch (err) {
      return {
        ok: false,
        kind: 'transient',
        errcode: null,
        message: `access_token: ${(err as Error).message}`,
      };
    }
    for (let attempt = 0; ; attempt++) {
      this.calls++;
      let answer: { errcode?: unknown; errmsg?: unknown; msgid?: unknown };
      try {
        answer = (await this.post(path, token, body)) as typeof answer;
      } catch (err) {
        const e = err as Error;
        const message =
          e instanceof HttpStatusError
            ? `微信返回 HTTP ${e.status}`
            : e.name === 'TimeoutError' || e.name === 'AbortError'
              ? '微信接口超时'
              : `微信接口不可用: ${e.message}`;
        return { ok: false, kind: 'transient', errcode: null, message };
      }
      const errcode =
        typeof answer?.errcode === 'number' ? answer.errcode : answer?.errcode === undefined ? 0 : NaN;
      const errmsg = typeof answer?.errmsg === 'string' ? answer.errmsg : '';
      if (Number.isNaN(errcode) || typeof answer !== 'object' || answer === null) {
        return { ok: false, kind: 'transient', errcode: null, message: '微信返回了无法识别的结果' };
      }
      if (errcode === 0 || opts.done?.includes(errcode)) {
        return {
          ok: true,
          errcode: 0,
          ...(typeof answer.msgid === 'number' ? { msgid: answer.msgid } : {}),
          raw: answer,
        };
      }
      if (TOKEN_ERRORS.includes(errcode)) {
        if (attempt > 0) return { ok: false, kind: 'token', errcode, message: `${errcode} ${errmsg}` };
        try {
          token = (await this.refresh(token)).token;
        } catch (err) {
          return {
            ok: false,
            kind: 'transient',
            errcode,
            message: `access_token: ${(err as Error).message}`,
          };
        }
        continue;
      }
      const kind = TRANSIENT_ERRORS.includes(errcode) ? 'transient' : 'final';
      return { ok: false, kind, errcode, message: `${errcode} ${errmsg}`.trim() };
    }
  }

  /** `POST /cgi-bin/message/subscribe/send`. */
  sendSubscribe(msg: {
    touser: string;
    template_id: string;
    page?: string;
    data: Record<string, { value: string }>;
    miniprogram_state?: 'developer' | 'trial' | 'formal';
    lang?: 'zh_CN';
  }): Promise<MpOutcome> {
    return this.call('/cgi-bin/message/subscribe/send', msg);
  }

  /** `POST /wxa/sec/order/upload_shipping_info`; 10060002 (already shipped) counts as done. */
  uploadShipping(body: unknown): Promise<MpOutcome> {
    return this.call('/wxa/sec/order/upload_shipping_info', body, { done: [10060002] });
  }
}

class HttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}
