import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import type { Clock } from '../../clock';
import { AppError, ConflictError, NotFoundError } from '../../http/errors';
import { authorizationHeader, checkWechatSignature, makeNonce, unixS } from './wechat-pay-crypto';
import { ErrorAnswer } from './wechat-pay-parse';

/** A 2xx answer whose platform signature held, or WeChat's `{ code, message }` error answer. */
export type WechatPayAnswer =
  { ok: true; body: unknown } | { ok: false; status: number; code: string; message: string };

const UNAVAILABLE = '微信支付暂时不可用，请稍后再试';

/** A PAYMENT_UNAVAILABLE error (502 by default) whose `cause` keeps the technical reason for the log. */
export function paymentUnavailable(reason: string, details?: unknown, status = 502): AppError {
  const err = new AppError(status, 'PAYMENT_UNAVAILABLE', UNAVAILABLE, details);
  err.cause = reason;
  return err;
}

/** Maps a WeChat error answer to one of our typed errors (WeChat's code kept in `details.wechatCode`). */
export function rejectedBy(r: Extract<WechatPayAnswer, { ok: false }>): AppError {
  const details = { wechatCode: r.code };
  switch (r.code) {
    case 'ORDERPAID':
      return new ConflictError('INVALID_STATE', '该订单已支付', details);
    case 'ORDER_CLOSED':
      return new ConflictError('INVALID_STATE', '该订单已关闭，请重新下单', details);
    case 'ORDER_NOT_EXIST':
    case 'RESOURCE_NOT_EXISTS':
      return new NotFoundError('ORDER_NOT_FOUND', '微信支付中没有这笔订单');
    default: {
      // Our own mistakes (PARAM_ERROR, SIGN_ERROR, APPID_MCHID_NOT_MATCH...) are 502; WeChat's busy or
      // broken moments (5xx, SYSTEM_ERROR, FREQUENCY_LIMITED, NOT_ENOUGH) are 503: worth a later retry.
      const transient =
        r.status >= 500 || ['SYSTEM_ERROR', 'FREQUENCY_LIMITED', 'NOT_ENOUGH'].includes(r.code);
      return paymentUnavailable(`${r.status} ${r.code} ${r.message}`, details, transient ? 503 : 502);
    }
  }
}

/** Parses a verified answer body, or fails with PAYMENT_UNAVAILABLE when WeChat's shape surprises us. */
export function parseAnswer<T>(schema: z.ZodType<T>, v: unknown): T {
  const r = schema.safeParse(v);
  if (!r.success)
    throw paymentUnavailable(`answer has an unexpected shape: ${r.error.message.slice(0, 200)}`);
  return r.data;
}

/** Sends merchant-signed APIv3 requests and trusts 2xx answers only once the platform signature holds. */
export class WechatPayClient {
  constructor(
    private readonly deps: {
      apiBase: string;
      mchid: string;
      merchantSerialNo: string;
      merchantKey: KeyObject;
      platformKeys: ReadonlyMap<string, KeyObject>;
      clock: Clock;
      fetch?: typeof fetch;
      timeoutMs?: number;
    },
  ) {}

  /**
   * GETs a file (a bill) from an absolute `download_url`: the request is merchant-signed, the answer is
   * not platform-signed (WeChat's rule), so the caller checks its hash. Throws 503 PAYMENT_UNAVAILABLE.
   */
  async download(absoluteUrl: string): Promise<Buffer> {
    const url = new URL(absoluteUrl);
    const authorization = authorizationHeader({
      mchid: this.deps.mchid,
      serialNo: this.deps.merchantSerialNo,
      key: this.deps.merchantKey,
      method: 'GET',
      pathWithQuery: url.pathname + url.search,
      body: '',
      timestampS: unixS(this.deps.clock.now()),
      nonce: makeNonce(),
    });
    try {
      const res = await (this.deps.fetch ?? fetch)(url, {
        headers: { Authorization: authorization, 'User-Agent': 'omni-bff/0.1 (node)' },
        signal: AbortSignal.timeout(this.deps.timeoutMs ?? 30_000),
      });
      const bytes = Buffer.from(await res.arrayBuffer());
      if (!res.ok) throw new Error(`HTTP ${res.status} ${bytes.toString('utf8').slice(0, 200)}`);
      return bytes;
    } catch (e) {
      throw paymentUnavailable(`download ${url.pathname} failed: ${(e as Error).message}`, undefined, 503);
    }
  }

  /** Calls `method pathWithQuery` with `payload` as JSON; network failures throw a 503 PAYMENT_UNAVAILABLE. */
  async call(method: 'GET' | 'POST', pathWithQuery: string, payload?: unknown): Promise<WechatPayAnswer> {
    const url = new URL(pathWithQuery, this.deps.apiBase);
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const authorization = authorizationHeader({
      mchid: this.deps.mchid,
      serialNo: this.deps.merchantSerialNo,
      key: this.deps.merchantKey,
      method,
      pathWithQuery: url.pathname + url.search,
      body,
      timestampS: unixS(this.deps.clock.now()),
      nonce: makeNonce(),
    });
    let res: Response;
    let text: string;
    try {
      res = await (this.deps.fetch ?? fetch)(url, {
        method,
        headers: {
          Authorization: authorization,
          Accept: 'application/json',
          'User-Agent': 'omni-bff/0.1 (node)',
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(body ? { body } : {}),
        signal: AbortSignal.timeout(this.deps.timeoutMs ?? 10_000),
      });
      text = await res.text();
    } catch (e) {
      throw paymentUnavailable(`${method} ${url.pathname} failed: ${(e as Error).message}`, undefined, 503);
    }
    if (!res.ok) {
      const err = tryJson(ErrorAnswer, text);
      return {
        ok: false,
        status: res.status,
        code: err?.code ?? `HTTP_${res.status}`,
        message: err?.message ?? '',
      };
    }
    const refused = checkWechatSignature({
      timestamp: res.headers.get('wechatpay-timestamp') ?? undefined,
      nonce: res.headers.get('wechatpay-nonce') ?? undefined,
      signature: res.headers.get('wechatpay-signature') ?? undefined,
      serial: res.headers.get('wechatpay-serial') ?? undefined,
      body: text,
      keys: this.deps.platformKeys,
      nowS: unixS(this.deps.clock.now()),
    });
    if (refused) throw paymentUnavailable(`answer of ${method} ${url.pathname} refused: ${refused}`);
    if (!text) return { ok: true, body: null };
    try {
      return { ok: true, body: JSON.parse(text) };
    } catch {
      throw paymentUnavailable(`answer of ${method} ${url.pathname} is not JSON`);
    }
  }
}

function tryJson<T>(schema: z.ZodType<T>, text: string): T | null {
  try {
    const r = schema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
