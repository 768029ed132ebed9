import { createDecipheriv } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generatePayKeys, signPayMessage, verifyPayMessage, type PayKeys } from './pay-keys';
import { startWechatPayMock } from './pay-mock';
import type { WechatPayMock, WechatPayMockOptions } from './pay-types';

// Test-only: the pay mock on a random port driven over real HTTP by a merchant-signed client,
// a notify receiver that records what WeChat POSTs, and a clock the test moves.

/** The merchant of the mock tests. */
export const KIT_MCHID = '1900000109';
/** The mini-program of the mock tests. */
export const KIT_APPID = 'wxmockappid0000001';

/** A merchant-signed answer: status, parsed JSON body (or {}), headers and raw text. */
export interface KitAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
  text: string;
}

/** One notify the receiver got. */
export interface ReceivedNotify {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A running mock with its keys, a notify receiver, a movable clock and helpers. */
export interface PayKit {
  keys: PayKeys;
  mock: WechatPayMock;
  /** The receiver's base URL; notifies to `${receiverUrl}/anything` are recorded. */
  receiverUrl: string;
  notifies: ReceivedNotify[];
  /** The HTTP status the receiver answers (default 204). */
  answerWith(status: number): void;
  /** Sets the mock's clock (and the signer's); `null` goes back to the wall clock. */
  setNow(at: Date | string | null): void;
  now(): Date;
  /** A merchant-signed request with the path (and query) `pathWithQuery`, or an absolute URL of the mock. */
  call(method: 'GET' | 'POST', pathWithQuery: string, payload?: unknown): Promise<KitAnswer>;
  /** A fresh out_trade_no. */
  tradeNo(): string;
  /** Prepays an order of `totalFen` (default 3990) and returns its out_trade_no. */
  prepay(over?: Record<string, unknown>): Promise<string>;
  /** Prepays and pays an order; its out_trade_no. */
  paidOrder(totalFen?: number): Promise<string>;
  /** Requests a refund of `refundFen` of a paid order (total taken from the mock). */
  refund(
    outTradeNo: string,
    outRefundNo: string,
    refundFen: number,
    over?: Record<string, unknown>,
  ): Promise<KitAnswer>;
  close(): Promise<void>;
}

/** Whether `headers` carry a valid platform signature of `body`. */
export function platformSigned(
  keys: PayKeys,
  headers: Record<string, string | string[] | undefined>,
  body: string,
) {
  const h = (n: string) => String(headers[n] ?? headers[n.toLowerCase()] ?? '');
  return (
    h('Wechatpay-Serial') === keys.platformSerialNo &&
    verifyPayMessage(
      keys.platformPublicKeyPem,
      [h('Wechatpay-Timestamp'), h('Wechatpay-Nonce'), body],
      h('Wechatpay-Signature'),
    )
  );
}

/** The decrypted resource of a notify body (AEAD_AES_256_GCM with the APIv3 key). */
export function openNotify(
  apiV3Key: string,
  body: string,
): { envelope: Record<string, unknown>; plain: Record<string, unknown> } {
  const envelope = JSON.parse(body) as Record<string, unknown>;
  const r = envelope.resource as { ciphertext: string; nonce: string; associated_data: string };
  const data = Buffer.from(r.ciphertext, 'base64');
  const d = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from(r.nonce));
  d.setAAD(Buffer.from(r.associated_data));
  d.setAuthTag(data.subarray(-16));
  const plain = JSON.parse(Buffer.concat([d.update(data.subarray(0, -16)), d.final()]).toString('utf8'));
  return { envelope, plain };
}

/** Starts the mock and a notify receiver, each on a random port. */
export async function startPayKit(over: Partial<WechatPayMockOptions> = {}): Promise<PayKit> {
  const keys = generatePayKeys();
  let fixed: number | null = null;
  const now = () => new Date(fixed ?? Date.now());
  const mock = await startWechatPayMock({ mchid: KIT_MCHID, appid: KIT_APPID, ...keys, now, ...over });
  const notifies: ReceivedNotify[] = [];
  let answer = 204;
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      notifies.push({ path: req.url ?? '/', headers: req.headers, body });
      res.writeHead(answer).end(answer >= 400 ? '{"code":"FAIL","message":"失败"}' : '');
    });
  });
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  let seq = 0;

  const call: PayKit['call'] = async (method, pathWithQuery, payload) => {
    const url = new URL(pathWithQuery, mock.url);
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const ts = String(Math.floor(now().getTime() / 1000));
    const target = url.pathname + url.search;
    const signature = signPayMessage(keys.merchantPrivateKeyPem, [method, target, ts, 'NONCE1', body]);
    const authorization =
      `WECHATPAY2-SHA256-RSA2048 mchid="${KIT_MCHID}",nonce_str="NONCE1",signature="${signature}",` +
      `timestamp="${ts}",serial_no="${keys.merchantSerialNo}"`;
    const res = await fetch(url, {
      method,
      headers: {
        Authorization: authorization,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      ...(body ? { body } : {}),
    });
    const text = await res.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = {};
    }
    return { status: res.status, body: parsed, headers: res.headers, text };
  };

  const tradeNo = () => `K${Date.now()}${++seq}`;
  const prepay: PayKit['prepay'] = async (o = {}) => {
    const body = {
      appid: KIT_APPID,
      mchid: KIT_MCHID,
      description: '鲜花礼盒',
      out_trade_no: tradeNo(),
      notify_url: `${receiverUrl}/pay-notify`,
      amount: { total: 3990, currency: 'CNY' },
      payer: { openid: 'oUser1' },
      ...o,
    };
    const r = await call('POST', '/v3/pay/transactions/jsapi', body);
    if (r.status !== 200) throw new Error(`prepay failed: ${r.status} ${r.text}`);
    return body.out_trade_no;
  };

  return {
    keys,
    mock,
    receiverUrl,
    notifies,
    answerWith: (s) => void (answer = s),
    setNow: (at) => void (fixed = at === null ? null : new Date(at).getTime()),
    now,
    call,
    tradeNo,
    prepay,
    async paidOrder(totalFen = 3990) {
      const no = await prepay({ amount: { total: totalFen, currency: 'CNY' } });
      mock.buildNotify(no);
      return no;
    },
    refund: (outTradeNo, outRefundNo, refundFen, o = {}) =>
      call('POST', '/v3/refund/domestic/refunds', {
        out_trade_no: outTradeNo,
        out_refund_no: outRefundNo,
        amount: {
          refund: refundFen,
          total: mock.transactions.get(outTradeNo)?.paidFen ?? 0,
          currency: 'CNY',
        },
        ...o,
      }),
    close: async () => {
      receiver.closeAllConnections();
      await Promise.all([mock.close(), new Promise((ok) => receiver.close(ok))]);
    },
  };
}
