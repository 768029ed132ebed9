import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from './pay-common';
import { fieldValueProblem, MP_FIELD_KEY } from './mp-fields';
import { shippingOrderKey, shippingPaymentId, shippingProblem } from './mp-shipping';
import { createTokens, type MpError } from './mp-token';

import type {
  MockShipment,
  MockSubscribeMessage,
  MpApiName,
  MpFaultKind,
  WechatMpControls,
  WechatMpOptions,
} from './mp-types';

export type {
  MockShipment,
  MockSubscribeMessage,
  MpApiName,
  MpFaultKind,
  MpStats,
  WechatMpControls,
  WechatMpOptions,
} from './mp-types';

const SYSTEM_ERROR: MpError = { errcode: -1, errmsg: 'system error' };
const FORMAT: MpError = { errcode: 47001, errmsg: 'data format error' };
const FAULT_ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  42001: 'access_token expired',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit',
  47003: 'argument invalid!',
  10060012: '系统错误',
  10060019: '系统错误',
};
const OPENID = /^[A-Za-z0-9_-]{1,64}$/;
const PAGE = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*(\?[^\s#]*)?$/;
const STATES = ['developer', 'trial', 'formal'];
const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'];
const APIS: readonly MpApiName[] = ['send', 'shipping', 'token'];
const KINDS: readonly MpFaultKind[] = ['errcode', 'http5xx', 'timeout', 'garbage', 'close'];

/** `path?query` with the values of `access_token` and `secret` masked, for the mock's call log. */
export function redactedCall(url: URL): string {
  const q = new URLSearchParams(url.search);
  for (const k of ['access_token', 'secret']) if (q.has(k)) q.set(k, '***');
  const s = q.toString();
  return url.pathname + (s ? `?${s}` : '');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function parse(raw: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The mini-program server APIs of the mock: `POST /cgi-bin/stable_token`, `GET /cgi-bin/token`,
 * `POST /cgi-bin/message/subscribe/send`, `POST /wxa/sec/order/upload_shipping_info`, and the
 * `/__mock/…` controls. `route` answers a request it knows and returns true, or returns false.
 */
export function createMpApi(o: WechatMpOptions & { appid: string; secret: string }) {
  const now = o.now ?? (() => new Date());
  const tokens = createTokens({ ttlS: o.tokenTtlS ?? 7200, nowMs: () => now().getTime() });
  const templates = new Map<string, string[]>();
  const messages: MockSubscribeMessage[] = [];
  const shipments: MockShipment[] = [];
  const shipped = new Set<string>();
  const missing = new Set<string>();
  const refusals = new Set<string>();
  const faults: Record<MpApiName, Array<{ kind: MpFaultKind; errcode: number }>> = {
    send: [],
    shipping: [],
    token: [],
  };
  const held = new Set<ServerResponse>();
  let rejected: Record<string, number> = {};
  let msgid = 3_000_000_000;

  const registerTemplate = (id: string, keys: string[]): void => {
    const bad = keys.find((k) => !MP_FIELD_KEY.test(k));
    if (!id || keys.length === 0 || bad !== undefined)
      throw new Error(`invalid template ${id}: ${bad ?? 'no keys'}`);
    templates.set(id, [...keys]);
  };
  for (const [id, keys] of Object.entries(o.templates ?? {})) registerTemplate(id, keys);

  const controls: WechatMpControls = {
    messages,
    shipments,
    fault(api, kind, times, errcode) {
      if (
        !APIS.includes(api) ||
        !KINDS.includes(kind) ||
        !Number.isInteger(times) ||
        times < 1 ||
        times > 1000
      ) {
        throw new Error('fault(api: send|shipping|token, kind, times 1–1000, errcode?)');
      }
      for (let i = 0; i < times; i++) faults[api].push({ kind, errcode: errcode ?? -1 });
    },
    expireToken: () => tokens.expire(),
    invalidateToken: () => tokens.invalidate(),
    refuse: (openid, templateId) => void refusals.add(`${openid}\n${templateId}`),
    registerTemplate,
    stats: () => ({
      tokensIssued: tokens.issued(),
      sends: messages.length,
      uploads: shipments.length,
      rejected: { ...rejected },
      held: held.size,
    }),
    reset() {
      messages.length = 0;
      shipments.length = 0;
      shipped.clear();
      missing.clear();
      refusals.clear();
      for (const api of APIS) faults[api].length = 0;
      rejected = {};
    },
  };

  /** Answers a WeChat API call: faults first, then `work`, counting refusals. */
  async function call(
    api: MpApiName,
    req: IncomingMessage,
    res: ServerResponse,
    work: (raw: string) => unknown,
  ) {
    const raw = await readBody(req);
    const f = faults[api].shift();
    if (f?.kind === 'close') return void req.socket.destroy();
    if (f?.kind === 'timeout') {
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    if (f?.kind === 'http5xx') {
      res.writeHead(503, { 'Content-Type': 'text/html' });
      return void res.end('<html><head><title>503 Service Unavailable</title></head><body>503</body></html>');
    }
    if (f?.kind === 'garbage') {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      return void res.end('{"errcode":0,"errmsg":"ok","msgid":');
    }
    const body = f ? { errcode: f.errcode, errmsg: FAULT_ERRMSG[f.errcode] ?? 'mock fault' } : work(raw);
    const code = (body as Partial<MpError>).errcode;
    if (code) rejected[code] = (rejected[code] ?? 0) + 1;
    json(res, 200, body);
  }

  function credentials(q: { grant_type?: unknown; appid?: unknown; secret?: unknown }): MpError | null {
    if (q.appid !== o.appid) return { errcode: 40013, errmsg: 'invalid appid' };
    if (q.secret !== o.secret) return { errcode: 40125, errmsg: 'invalid appsecret' };
    if (q.grant_type !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
    return null;
  }

  function stableToken(raw: string): unknown {
    const b = parse(raw);
    if (!b || (b.force_refresh !== undefined && typeof b.force_refresh !== 'boolean')) return FORMAT;
    return credentials(b) ?? tokens.stable(b.force_refresh === true);
  }

  function subscribeSend(url: URL, raw: string): unknown {
    const denied = tokens.check(url.searchParams.get('access_token'));
    if (denied) return denied;
    const b = parse(raw);
    if (!b) return FORMAT;
    if (typeof b.touser !== 'string' || !OPENID.test(b.touser)) {
      return { errcode: 40003, errmsg: 'invalid openid' };
    }
    const tid = b.template_id;
    // No template registered at all: any template id is taken (dev convenience), its keys are whatever
    // the body sends, each checked against its prefix's rule.
    const keys =
      typeof tid === 'string' && tid
        ? templates.size
          ? templates.get(tid)
          : Object.keys(b.data ?? {})
        : undefined;
    if (!keys) return { errcode: 40037, errmsg: 'invalid template_id' };
    if (b.page !== undefined && (typeof b.page !== 'string' || !PAGE.test(b.page))) {
      return { errcode: 41030, errmsg: 'invalid page' };
    }
    if (b.miniprogram_state !== undefined && !STATES.includes(b.miniprogram_state as string)) return FORMAT;
    if (b.lang !== undefined && !LANGS.includes(b.lang as string)) return FORMAT;
    const data = b.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return FORMAT;
    if (keys.length === 0) return { errcode: 47003, errmsg: 'argument invalid! data is empty' };
    for (const key of keys) {
      const field = (data as Record<string, unknown>)[key];
      const value =
        typeof field === 'object' && field !== null ? (field as { value?: unknown }).value : undefined;
      const problem = fieldValueProblem(key, value);
      if (problem) {
        return {
          errcode: 47003,
          errmsg: `argument invalid! data.${key}.value ${problem === 'empty' ? 'is empty' : 'invalid'}`,
        };
      }
    }
    if (refusals.has(`${b.touser}\n${tid as string}`)) {
      return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    }
    const id = ++msgid;
    messages.push({
      msgid: id,
      touser: b.touser,
      template_id: tid as string,
      page: (b.page as string | undefined) ?? null,
      data: data as Record<string, { value: string }>,
      miniprogram_state: (b.miniprogram_state as string | undefined) ?? null,
      lang: (b.lang as string | undefined) ?? null,
      at: now().toISOString(),
    });
    return { errcode: 0, errmsg: 'ok', msgid: id };
  }

  function uploadShipping(url: URL, raw: string): unknown {
    const denied = tokens.check(url.searchParams.get('access_token'));
    if (denied) return denied;
    const b = parse(raw);
    const problem = shippingProblem(b);
    if (problem || !b) return problem ?? FORMAT;
    const payment = shippingPaymentId(b);
    if (payment.startsWith('missing') || missing.has(payment))
      return { errcode: 10060001, errmsg: '支付单不存在' };
    // WeChat allows one re-ship of a shipped payment (10060003 after it); the mock answers the first repeat
    // as "already shipped", which is what an outbox that retries an accepted upload must take as done.
    const key = shippingOrderKey(b);
    if (shipped.has(key)) return { errcode: 10060002, errmsg: '支付单已完成发货，无法继续发货' };
    shipped.add(key);
    shipments.push({ ...b, at: now().toISOString() });
    return { errcode: 0, errmsg: 'ok' };
  }

  /** The `/__mock/…` controls; a bad body answers 400 `{ error }`. */
  function control(method: string, path: string, raw: string): { status: number; body: unknown } | null {
    const b = parse(raw) ?? {};
    const ok = { status: 200, body: { ok: true } };
    const bad = (error: string) => ({ status: 400, body: { error } });
    if (method === 'GET' && path === '/__mock/messages') return { status: 200, body: { items: messages } };
    if (method === 'GET' && path === '/__mock/shipping') return { status: 200, body: { items: shipments } };
    if (method === 'GET' && path === '/__mock/stats') return { status: 200, body: controls.stats() };
    if (method !== 'POST' && method !== 'PUT') return null;
    const tpl = /^\/__mock\/templates\/([A-Za-z0-9_-]{1,64})$/.exec(path);
    if (method === 'PUT' && tpl) {
      const keys = b.keys;
      if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) return bad('keys: string[]');
      try {
        registerTemplate(tpl[1]!, keys as string[]);
      } catch (e) {
        return bad((e as Error).message);
      }
      return ok;
    }
    if (method !== 'POST') return null;
    switch (path) {
      case '/__mock/faults':
        try {
          controls.fault(
            b.api as MpApiName,
            b.kind as MpFaultKind,
            b.times as number,
            b.errcode as number | undefined,
          );
        } catch (e) {
          return bad((e as Error).message);
        }
        return ok;
      case '/__mock/expire-token':
        controls.expireToken();
        return ok;
      case '/__mock/invalidate-token':
        controls.invalidateToken();
        return ok;
      case '/__mock/reset':
        controls.reset();
        return ok;
      case '/__mock/refuse':
        if (typeof b.openid !== 'string' || typeof b.templateId !== 'string')
          return bad('openid, templateId');
        controls.refuse(b.openid, b.templateId);
        return ok;
      case '/__mock/shipping/missing':
        if (typeof b.transaction_id !== 'string' || !b.transaction_id) return bad('transaction_id');
        missing.add(b.transaction_id);
        return ok;
      default:
        return null;
    }
  }

  function route(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
    const method = req.method ?? 'GET';
    const p = url.pathname;
    let done: Promise<unknown>;
    if (method === 'POST' && p === '/cgi-bin/stable_token') done = call('token', req, res, stableToken);
    else if (method === 'GET' && p === '/cgi-bin/token') {
      done = call(
        'token',
        req,
        res,
        () => credentials(Object.fromEntries(url.searchParams)) ?? tokens.legacy(),
      );
    } else if (method === 'POST' && p === '/cgi-bin/message/subscribe/send') {
      done = call('send', req, res, (raw) => subscribeSend(url, raw));
    } else if (method === 'POST' && p === '/wxa/sec/order/upload_shipping_info') {
      done = call('shipping', req, res, (raw) => uploadShipping(url, raw));
    } else if (p.startsWith('/__mock/')) {
      done = readBody(req).then((raw) => {
        const a = control(method, p, raw);
        json(res, a?.status ?? 404, a?.body ?? { error: 'not found' });
      });
    } else return false;
    done.catch(() => {
      if (!res.headersSent) json(res, 500, SYSTEM_ERROR);
    });
    return true;
  }

  return { route, controls };
}
