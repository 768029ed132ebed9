import { randomInt, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { paymentNotifyBody, randomAlnum, signedPayHeaders, verifyPayMessage } from './pay-keys';

/** The merchant the mock serves, the keys it checks and signs with, and where it listens (port 0 = random). */
export interface WechatPayMockOptions {
  mchid: string;
  appid: string;
  merchantPublicKeyPem: string;
  merchantSerialNo: string;
  platformPrivateKeyPem: string;
  platformSerialNo: string;
  apiV3Key: string;
  port?: number;
  host?: string;
  /** The mock's clock (default: the wall clock); share it with the adapter when a test moves time. */
  now?: () => Date;
  /** What refund answers say (default 'SUCCESS'; real WeChat usually says 'PROCESSING'). */
  refundStatus?: 'SUCCESS' | 'PROCESSING';
}

/** Scripted trouble; replaced as a whole by `setMode`. */
export interface WechatPayMockMode {
  /** The next N requests answer 500 SYSTEM_ERROR. */
  systemErrorNext?: number;
  /** Every answer is held back this many milliseconds (to provoke client timeouts). */
  delayMs?: number;
}

/** One refund the mock accepted; amounts in fen. */
export interface MockPayRefund {
  refundId: string;
  outRefundNo: string;
  refundFen: number;
  status: 'SUCCESS' | 'PROCESSING';
  createTime: string;
}

/** One order the mock knows, created by a prepay; amounts in fen, times RFC 3339 (+08:00). */
export interface MockPayTransaction {
  prepayId: string;
  outTradeNo: string;
  appid: string;
  description: string;
  notifyUrl: string;
  timeExpire: string | null;
  totalFen: number;
  openid: string;
  /** Set once paid; `paidFen` differs from `totalFen` only when `pay` was told another amount. */
  transactionId: string | null;
  successTime: string | null;
  paidFen: number | null;
  notifyId: string | null;
  refunds: MockPayRefund[];
}

/** One request the mock received and how it answered. */
export interface WechatPayMockCall {
  method: string;
  path: string;
  status: number;
  code?: string;
}

/** A notify as WeChat would send it: target URL, headers (signed by the platform key) and raw body. */
export interface MockPayNotify {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A running WeChat Pay APIv3 mock. */
export interface WechatPayMock {
  url: string;
  calls: WechatPayMockCall[];
  /** Orders by out_trade_no. */
  transactions: ReadonlyMap<string, MockPayTransaction>;
  /** Simulates the user paying (`amountFen` simulates a wrong amount) and POSTs the notify to the prepay's notify_url. */
  pay(prepayIdOrOutTradeNo: string, opts?: { amountFen?: number }): Promise<{ status: number; body: string }>;
  /** Marks the order paid like `pay` and returns the notify without sending it; `now` back-dates its timestamp. */
  buildNotify(prepayIdOrOutTradeNo: string, opts?: { amountFen?: number; now?: Date }): MockPayNotify;
  setMode(mode: WechatPayMockMode): void;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body?: unknown;
}

const SCHEME = 'WECHATPAY2-SHA256-RSA2048';
const fail = (status: number, code: string, message: string): Answer => ({ status, body: { code, message } });
const digits = (n: number): string => Array.from({ length: n }, () => randomInt(10)).join('');
const isFen = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
const isText = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length > 0 && [...v].length <= max;

/** RFC 3339 in Beijing time, as WeChat writes times. */
function rfc3339(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Why the prepay body is refused (PARAM_ERROR), or null; field rules as in WeChat's JSAPI reference. */
function prepayProblem(b: Record<string, unknown>, o: WechatPayMockOptions): string | null {
  const amount = (b.amount ?? {}) as Record<string, unknown>;
  const payer = (b.payer ?? {}) as Record<string, unknown>;
  if (b.appid !== o.appid) return 'appid 与商户号不匹配';
  if (b.mchid !== o.mchid) return 'mchid 与请求头不一致';
  if (!isText(b.description, 127)) return '输入源“/body/description”映射到字段“商品描述”必填性规则校验失败';
  if (typeof b.out_trade_no !== 'string' || !/^[A-Za-z0-9_*|-]{6,32}$/.test(b.out_trade_no)) {
    return 'out_trade_no 必须是 6-32 位字母、数字、_-*|';
  }
  if (typeof b.notify_url !== 'string' || !/^https?:\/\/[^?#\s]+$/.test(b.notify_url)) {
    return 'notify_url 必须是不带参数的 http(s) 地址';
  }
  if (
    b.time_expire !== undefined &&
    (typeof b.time_expire !== 'string' ||
      !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/.test(b.time_expire))
  ) {
    return 'time_expire 必须是 RFC 3339 格式（yyyy-MM-DDTHH:mm:ss+TIMEZONE）';
  }
  if (!isFen(amount.total)) return 'amount.total 必须是正整数（分）';
  if (amount.currency !== undefined && amount.currency !== 'CNY') return 'amount.currency 只支持 CNY';
  if (!isText(payer.openid, 128)) return 'payer.openid 必填';
  return null;
}

/** Starts a WeChat Pay APIv3 mock: JSAPI prepay, query by out_trade_no, refund, and notifies on `pay`. */
export async function startWechatPayMock(opts: WechatPayMockOptions): Promise<WechatPayMock> {
  const now = opts.now ?? (() => new Date());
  const calls: WechatPayMockCall[] = [];
  const transactions = new Map<string, MockPayTransaction>();
  let mode: WechatPayMockMode = {};

  const closed = (t: MockPayTransaction): boolean =>
    !t.transactionId && t.timeExpire !== null && now().getTime() > Date.parse(t.timeExpire);

  const transactionJson = (t: MockPayTransaction, state?: string): Record<string, unknown> => {
    const tradeState =
      state ?? (t.refunds.length ? 'REFUND' : t.transactionId ? 'SUCCESS' : closed(t) ? 'CLOSED' : 'NOTPAY');
    const desc: Record<string, string> = {
      SUCCESS: '支付成功',
      REFUND: '转入退款',
      NOTPAY: '订单未支付',
      CLOSED: '订单已关闭',
    };
    const head = { appid: t.appid, mchid: opts.mchid, out_trade_no: t.outTradeNo, attach: '' };
    if (!t.transactionId || t.paidFen === null) {
      return {
        ...head,
        trade_state: tradeState,
        trade_state_desc: desc[tradeState],
        amount: { total: t.totalFen, payer_currency: 'CNY' },
      };
    }
    return {
      ...head,
      transaction_id: t.transactionId,
      trade_type: 'JSAPI',
      trade_state: tradeState,
      trade_state_desc: desc[tradeState],
      bank_type: 'OTHERS',
      success_time: t.successTime,
      payer: { openid: t.openid },
      amount: { total: t.paidFen, payer_total: t.paidFen, currency: 'CNY', payer_currency: 'CNY' },
    };
  };

  const refundJson = (t: MockPayTransaction, r: MockPayRefund): Record<string, unknown> => ({
    refund_id: r.refundId,
    out_refund_no: r.outRefundNo,
    transaction_id: t.transactionId,
    out_trade_no: t.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(r.status === 'SUCCESS' ? { success_time: r.createTime } : {}),
    create_time: r.createTime,
    status: r.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: t.paidFen,
      refund: r.refundFen,
      payer_total: t.paidFen,
      payer_refund: r.refundFen,
      currency: 'CNY',
    },
  });

  /** Why the request's `Authorization` is refused (SIGN_ERROR), or null when the merchant signed it. */
  const authProblem = (
    method: string,
    target: string,
    body: string,
    header: string | undefined,
  ): string | null => {
    if (!header?.startsWith(`${SCHEME} `)) return `Authorization 必须以 ${SCHEME} 开头`;
    const p = Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (p.mchid !== opts.mchid) return 'Authorization 中的 mchid 不正确';
    if (p.serial_no !== opts.merchantSerialNo) return '商户证书序列号不正确';
    if (!p.nonce_str || !p.signature || !/^\d+$/.test(p.timestamp ?? '')) return 'Authorization 缺少字段';
    if (Math.abs(now().getTime() / 1000 - Number(p.timestamp)) > 300)
      return '请求时间戳与当前时间相差超过 5 分钟';
    const parts = [method, target, p.timestamp, p.nonce_str, body];
    return verifyPayMessage(opts.merchantPublicKeyPem, parts, p.signature) ? null : '签名错误';
  };

  const prepay = (b: Record<string, unknown>): Answer => {
    const problem = prepayProblem(b, opts);
    if (problem) return fail(400, 'PARAM_ERROR', problem);
    const amount = b.amount as { total: number };
    const openid = (b.payer as { openid: string }).openid;
    const known = transactions.get(b.out_trade_no as string);
    if (known) {
      if (known.transactionId) return fail(403, 'ORDERPAID', '该订单已支付');
      if (closed(known)) return fail(400, 'ORDER_CLOSED', '订单已关闭');
      const same =
        known.totalFen === amount.total && known.openid === openid && known.description === b.description;
      return same
        ? { status: 200, body: { prepay_id: known.prepayId } }
        : fail(400, 'INVALID_REQUEST', '201 商户订单号重复');
    }
    const t: MockPayTransaction = {
      prepayId: `wx${rfc3339(now()).replace(/\D/g, '').slice(0, 14)}${randomAlnum(20).toLowerCase()}`,
      outTradeNo: b.out_trade_no as string,
      appid: b.appid as string,
      description: b.description as string,
      notifyUrl: b.notify_url as string,
      timeExpire: (b.time_expire as string | undefined) ?? null,
      totalFen: amount.total,
      openid,
      transactionId: null,
      successTime: null,
      paidFen: null,
      notifyId: null,
      refunds: [],
    };
    transactions.set(t.outTradeNo, t);
    return { status: 200, body: { prepay_id: t.prepayId } };
  };

  const refund = (b: Record<string, unknown>): Answer => {
    const amount = (b.amount ?? {}) as Record<string, unknown>;
    if (!isText(b.out_refund_no, 64)) return fail(400, 'PARAM_ERROR', 'out_refund_no 必填');
    if (!isFen(amount.refund) || !isFen(amount.total))
      return fail(400, 'PARAM_ERROR', 'amount.refund、amount.total 必须是正整数（分）');
    if (amount.currency !== 'CNY') return fail(400, 'PARAM_ERROR', 'amount.currency 必须是 CNY');
    const t =
      typeof b.out_trade_no === 'string'
        ? transactions.get(b.out_trade_no)
        : [...transactions.values()].find(
            (x) => x.transactionId !== null && x.transactionId === b.transaction_id,
          );
    if (!t) return fail(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    if (!t.transactionId || t.paidFen === null) return fail(400, 'INVALID_REQUEST', '订单未支付，不能退款');
    const again = t.refunds.find((r) => r.outRefundNo === b.out_refund_no);
    if (again) return { status: 200, body: refundJson(t, again) };
    if (amount.total !== t.paidFen) return fail(400, 'PARAM_ERROR', '订单金额与原订单不一致');
    const refundedFen = t.refunds.reduce((sum, r) => sum + r.refundFen, 0);
    if (refundedFen + amount.refund > t.paidFen)
      return fail(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
    const r: MockPayRefund = {
      refundId: `50300${digits(24)}`,
      outRefundNo: b.out_refund_no,
      refundFen: amount.refund,
      status: opts.refundStatus ?? 'SUCCESS',
      createTime: rfc3339(now()),
    };
    t.refunds.push(r);
    return { status: 200, body: refundJson(t, r) };
  };

  const route = (method: string, url: URL, raw: string): Answer => {
    const query = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(url.pathname);
    if (method === 'GET' && query) {
      if (url.searchParams.get('mchid') !== opts.mchid) return fail(400, 'PARAM_ERROR', 'mchid 不正确');
      const t = transactions.get(decodeURIComponent(query[1]));
      return t ? { status: 200, body: transactionJson(t) } : fail(404, 'ORDER_NOT_EXIST', '订单不存在');
    }
    const isPrepay = url.pathname === '/v3/pay/transactions/jsapi';
    if (method !== 'POST' || (!isPrepay && url.pathname !== '/v3/refund/domestic/refunds')) {
      return fail(404, 'NOT_FOUND', `没有这个接口: ${method} ${url.pathname}`);
    }
    let b: unknown;
    try {
      b = JSON.parse(raw);
    } catch {
      return fail(400, 'PARAM_ERROR', '请求体不是合法的 JSON');
    }
    if (typeof b !== 'object' || b === null) return fail(400, 'PARAM_ERROR', '请求体必须是 JSON 对象');
    return isPrepay ? prepay(b as Record<string, unknown>) : refund(b as Record<string, unknown>);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req);
    const target = req.url ?? '/';
    const method = req.method ?? 'GET';
    const url = new URL(target, 'http://mock');
    let answer: Answer;
    if ((mode.systemErrorNext ?? 0) > 0) {
      mode = { ...mode, systemErrorNext: (mode.systemErrorNext ?? 0) - 1 };
      answer = fail(500, 'SYSTEM_ERROR', '系统错误');
    } else {
      const problem = authProblem(method, target, raw, req.headers.authorization);
      answer = problem ? fail(401, 'SIGN_ERROR', problem) : route(method, url, raw);
    }
    const code = (answer.body as { code?: string } | undefined)?.code;
    calls.push({
      method,
      path: target,
      status: answer.status,
      ...(answer.status >= 400 && code ? { code } : {}),
    });
    if (mode.delayMs) await new Promise((ok) => setTimeout(ok, mode.delayMs));
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Request-ID': randomUUID(),
      ...signedPayHeaders(opts.platformPrivateKeyPem, opts.platformSerialNo, text, now()),
    });
    res.end(text);
  };

  const find = (key: string): MockPayTransaction => {
    const t = transactions.get(key) ?? [...transactions.values()].find((x) => x.prepayId === key);
    if (!t) throw new Error(`WeChat Pay mock: no prepay for ${key}`);
    return t;
  };

  const buildNotify = (key: string, o: { amountFen?: number; now?: Date } = {}): MockPayNotify => {
    const t = find(key);
    if (closed(t)) throw new Error(`WeChat Pay mock: order ${t.outTradeNo} is closed (time_expire passed)`);
    if (!t.transactionId) {
      t.transactionId = `42000${digits(23)}`;
      t.successTime = rfc3339(now());
      t.notifyId = randomUUID();
    }
    t.paidFen = o.amountFen ?? t.paidFen ?? t.totalFen;
    const body = paymentNotifyBody(opts.apiV3Key, {
      id: t.notifyId ?? randomUUID(),
      createTime: t.successTime ?? rfc3339(now()),
      transaction: transactionJson(t, 'SUCCESS'),
    });
    const headers = {
      'Content-Type': 'application/json',
      'User-Agent': 'Mozilla/4.0',
      ...signedPayHeaders(opts.platformPrivateKeyPem, opts.platformSerialNo, body, o.now ?? now()),
    };
    return { url: t.notifyUrl, headers, body };
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ code: 'SYSTEM_ERROR', message: '系统错误' }));
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((ok) => server.listen(opts.port ?? 0, host, ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    calls,
    transactions,
    buildNotify,
    async pay(key, o = {}) {
      const n = buildNotify(key, { amountFen: o.amountFen });
      const res = await fetch(n.url, {
        method: 'POST',
        headers: n.headers,
        body: n.body,
        signal: AbortSignal.timeout(10_000),
      });
      return { status: res.status, body: await res.text() };
    },
    setMode(m) {
      mode = { ...m };
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
