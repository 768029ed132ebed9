import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBills } from './pay-bill';
import {
  type Answer,
  digits,
  fail,
  isFen,
  isNotifyUrl,
  isText,
  jsonObject,
  postNotify,
  readBody,
  rfc3339,
} from './pay-common';
import { paymentNotifyBody, randomAlnum, signedPayHeaders, verifyPayMessage } from './pay-keys';
import { createRefunds, holdsMoney } from './pay-refunds';
import type {
  MockBillFaults,
  MockPayNotify,
  MockPayTransaction,
  WechatPayMock,
  WechatPayMockCall,
  WechatPayMockMode,
  WechatPayMockOptions,
} from './pay-types';

export type {
  MockBillFaults,
  MockPayNotify,
  MockPayRefund,
  MockPayTransaction,
  MockRefundOutcome,
  MockRefundStatus,
  WechatPayMock,
  WechatPayMockCall,
  WechatPayMockMode,
  WechatPayMockOptions,
} from './pay-types';

const SCHEME = 'WECHATPAY2-SHA256-RSA2048';

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
  if (!isNotifyUrl(b.notify_url)) return 'notify_url 必须是不带参数的 http(s) 地址';
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

/**
 * Starts a WeChat Pay APIv3 mock: JSAPI prepay, query and close by out_trade_no, refunds (request, query,
 * notifies on `settleRefund`), trade bills with their download, and payment notifies on `pay`.
 */
export async function startWechatPayMock(opts: WechatPayMockOptions): Promise<WechatPayMock> {
  const now = opts.now ?? (() => new Date());
  const calls: WechatPayMockCall[] = [];
  const transactions = new Map<string, MockPayTransaction>();
  let mode: WechatPayMockMode = {};
  let billFaults: MockBillFaults = {};
  let baseUrl = '';

  const refunds = createRefunds({
    opts,
    now,
    transactions,
    initialStatus: () => mode.refundStatus ?? opts.refundStatus ?? 'SUCCESS',
  });
  const bills = createBills({
    mchid: opts.mchid,
    now,
    transactions,
    baseUrl: () => baseUrl,
    faults: () => billFaults,
  });

  const expired = (t: MockPayTransaction): boolean =>
    !t.transactionId && t.timeExpire !== null && now().getTime() > Date.parse(t.timeExpire);
  const closed = (t: MockPayTransaction): boolean => !t.transactionId && (t.closed || expired(t));

  const transactionJson = (t: MockPayTransaction, state?: string): Record<string, unknown> => {
    const tradeState =
      state ??
      (t.refunds.some(holdsMoney) ? 'REFUND' : t.transactionId ? 'SUCCESS' : closed(t) ? 'CLOSED' : 'NOTPAY');
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
      closed: false,
      refunds: [],
    };
    transactions.set(t.outTradeNo, t);
    return { status: 200, body: { prepay_id: t.prepayId } };
  };

  /** `POST .../out-trade-no/{out_trade_no}/close`: 204 (again when already closed), or why not. */
  const closeOrder = (outTradeNo: string, b: Record<string, unknown>): Answer => {
    if (b.mchid !== opts.mchid) return fail(400, 'PARAM_ERROR', 'mchid 与请求头不一致');
    const t = transactions.get(outTradeNo);
    if (!t) return fail(404, 'ORDER_NOT_EXIST', '订单不存在');
    if (t.transactionId) return fail(400, 'ORDERPAID', '订单已支付');
    t.closed = true;
    return { status: 204 };
  };

  const route = (method: string, url: URL, raw: string): Answer => {
    const path = url.pathname;
    const order = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/.exec(path);
    const refund = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(path);
    if (method === 'GET' && order && !order[2]) {
      if (url.searchParams.get('mchid') !== opts.mchid) return fail(400, 'PARAM_ERROR', 'mchid 不正确');
      const t = transactions.get(decodeURIComponent(order[1]));
      return t ? { status: 200, body: transactionJson(t) } : fail(404, 'ORDER_NOT_EXIST', '订单不存在');
    }
    if (method === 'GET' && refund) return refunds.query(decodeURIComponent(refund[1]));
    if (method === 'GET' && path === '/v3/bill/tradebill') return bills.tradeBill(url);
    if (method === 'GET' && path === '/v3/billdownload/file') return bills.download(url);
    const isPrepay = path === '/v3/pay/transactions/jsapi';
    const isRefund = path === '/v3/refund/domestic/refunds';
    const isClose = Boolean(order?.[2]);
    if (method !== 'POST' || !(isPrepay || isRefund || isClose)) {
      return fail(404, 'NOT_FOUND', `没有这个接口: ${method} ${path}`);
    }
    const b = jsonObject(raw);
    if (!b.ok) return b.answer;
    if (isClose) return closeOrder(decodeURIComponent(order![1]), b.value);
    return isPrepay ? prepay(b.value) : refunds.create(b.value);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req);
    const target = req.url ?? '/';
    const method = req.method ?? 'GET';
    const url = new URL(target, 'http://mock');
    let answer: Answer;
    const scripted = !mode.failPath || url.pathname.startsWith(mode.failPath);
    if ((mode.systemErrorNext ?? 0) > 0 && scripted) {
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
    if (answer.file) {
      // Bill files are not platform-signed (WeChat's rule): the client checks their SHA1 instead.
      res.writeHead(answer.status, { 'Content-Type': answer.file.contentType, 'Request-ID': randomUUID() });
      res.end(answer.file.text);
      return;
    }
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
    if (closed(t)) {
      const why = t.closed ? 'closed by the merchant' : 'time_expire passed';
      throw new Error(`WeChat Pay mock: order ${t.outTradeNo} is closed (${why})`);
    }
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
  baseUrl = `http://${host}:${port}`;
  return {
    url: baseUrl,
    calls,
    transactions,
    buildNotify,
    pay: async (key, o = {}) => postNotify(buildNotify(key, { amountFen: o.amountFen })),
    settleRefund: (outRefundNo, status, o) => refunds.settle(outRefundNo, status, o),
    buildRefundNotify: (outRefundNo, o) => refunds.buildNotify(outRefundNo, o),
    setBillFaults(f) {
      billFaults = { ...f };
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
