import { createDecipheriv } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generatePayKeys, signPayMessage, verifyPayMessage, type PayKeys } from './pay-keys';
import { startWechatPayMock, type WechatPayMock } from './pay-mock';

const MCHID = '1900000109';
const APPID = 'wxmockappid0000001';

let keys: PayKeys;
let mock: WechatPayMock;
let clockOffsetMs = 0;
let receiver: Server;
let notifyUrl: string;
const notifies: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
let seq = 0;

const nowS = (): number => Math.floor((Date.now() + clockOffsetMs) / 1000);
const tradeNo = (): string => `M${Date.now()}${++seq}`;

/** A merchant request signed like the WeChat Pay SDKs sign it; `sign` overrides parts of the signing. */
async function call(
  method: 'GET' | 'POST',
  path: string,
  payload?: unknown,
  sign: { key?: string; timestampS?: number; serial?: string; authorization?: string } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers; text: string }> {
  const body = payload === undefined ? '' : JSON.stringify(payload);
  const ts = String(sign.timestampS ?? nowS());
  const signature = signPayMessage(sign.key ?? keys.merchantPrivateKeyPem, [
    method,
    path,
    ts,
    'NONCE1',
    body,
  ]);
  const authorization =
    sign.authorization ??
    `WECHATPAY2-SHA256-RSA2048 mchid="${MCHID}",nonce_str="NONCE1",signature="${signature}",` +
      `timestamp="${ts}",serial_no="${sign.serial ?? keys.merchantSerialNo}"`;
  const res = await fetch(mock.url + path, {
    method,
    headers: { Authorization: authorization, 'Content-Type': 'application/json' },
    ...(body ? { body } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {}, headers: res.headers, text };
}

const prepayBody = (over: Record<string, unknown> = {}) => ({
  appid: APPID,
  mchid: MCHID,
  description: '鲜花礼盒',
  out_trade_no: tradeNo(),
  notify_url: notifyUrl,
  amount: { total: 3990, currency: 'CNY' },
  payer: { openid: 'oUser1' },
  ...over,
});
const prepay = (over: Record<string, unknown> = {}) =>
  call('POST', '/v3/pay/transactions/jsapi', prepayBody(over));
const query = (outTradeNo: string) =>
  call('GET', `/v3/pay/transactions/out-trade-no/${outTradeNo}?mchid=${MCHID}`);

beforeAll(async () => {
  keys = generatePayKeys();
  mock = await startWechatPayMock({
    mchid: MCHID,
    appid: APPID,
    ...keys,
    now: () => new Date(Date.now() + clockOffsetMs),
  });
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      notifies.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
  notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/notify`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await Promise.all([mock.close(), new Promise((ok) => receiver.close(ok))]);
});
afterEach(() => {
  clockOffsetMs = 0;
});

describe('WeChat Pay mock: JSAPI prepay', () => {
  it('answers a signed prepay with a prepay_id, signing its answer with the platform key', async () => {
    const r = await prepay();
    expect(r.status).toBe(200);
    expect(r.body.prepay_id).toMatch(/^wx\d{14}[a-z0-9]{20}$/);
    const h = (n: string) => r.headers.get(n) ?? '';
    expect(h('wechatpay-serial')).toBe(keys.platformSerialNo);
    const parts = [h('wechatpay-timestamp'), h('wechatpay-nonce'), r.text];
    expect(verifyPayMessage(keys.platformPublicKeyPem, parts, h('wechatpay-signature'))).toBe(true);
  });

  it.each([
    ['another key', { key: generatePayKeys().merchantPrivateKeyPem }],
    ['another serial', { serial: 'ABCDEF' }],
    ['a timestamp 6 minutes old', { timestampS: Math.floor(Date.now() / 1000) - 360 }],
    ['another scheme', { authorization: 'Bearer x' }],
  ])('answers 401 SIGN_ERROR to a request signed with %s', async (_name, sign) => {
    const r = await call('POST', '/v3/pay/transactions/jsapi', prepayBody(), sign);
    expect(r).toMatchObject({ status: 401, body: { code: 'SIGN_ERROR' } });
  });

  it.each([
    ['no openid', { payer: {} }],
    ['a zero amount', { amount: { total: 0, currency: 'CNY' } }],
    ['an amount in yuan', { amount: { total: 39.9, currency: 'CNY' } }],
    ['a foreign currency', { amount: { total: 100, currency: 'USD' } }],
    ['a short out_trade_no', { out_trade_no: 'A1' }],
    ['a notify_url with a query', { notify_url: 'https://shop.example/notify?x=1' }],
    ['a time_expire with milliseconds', { time_expire: '2030-01-01T10:00:00.000+08:00' }],
    ['an empty description', { description: '' }],
    ['another appid', { appid: 'wxother' }],
  ])('answers 400 PARAM_ERROR to a prepay with %s', async (_name, over) => {
    expect(await prepay(over)).toMatchObject({ status: 400, body: { code: 'PARAM_ERROR' } });
  });

  it('repeats the prepay_id for the same order, refuses changed parameters and a paid order', async () => {
    const body = prepayBody();
    const first = await call('POST', '/v3/pay/transactions/jsapi', body);
    expect((await call('POST', '/v3/pay/transactions/jsapi', body)).body).toEqual(first.body);
    const changed = { ...body, amount: { total: 1, currency: 'CNY' } };
    expect(await call('POST', '/v3/pay/transactions/jsapi', changed)).toMatchObject({
      status: 400,
      body: { code: 'INVALID_REQUEST' },
    });
    mock.buildNotify(body.out_trade_no);
    expect(await call('POST', '/v3/pay/transactions/jsapi', body)).toMatchObject({
      status: 403,
      body: { code: 'ORDERPAID' },
    });
  });
});

describe('WeChat Pay mock: paying, querying and refunding', () => {
  it('pays by prepay_id and POSTs a signed, encrypted notify to the notify_url', async () => {
    const body = prepayBody();
    const { prepay_id } = (await call('POST', '/v3/pay/transactions/jsapi', body)).body as {
      prepay_id: string;
    };
    notifies.length = 0;
    expect(await mock.pay(prepay_id)).toEqual({ status: 204, body: '' });
    expect(notifies).toHaveLength(1);
    const { headers, body: raw } = notifies[0];
    const parts = [headers['wechatpay-timestamp'], headers['wechatpay-nonce'], raw] as string[];
    expect(headers['wechatpay-serial']).toBe(keys.platformSerialNo);
    expect(verifyPayMessage(keys.platformPublicKeyPem, parts, headers['wechatpay-signature'] as string)).toBe(
      true,
    );
    const { resource } = JSON.parse(raw);
    const data = Buffer.from(resource.ciphertext, 'base64');
    const d = createDecipheriv('aes-256-gcm', Buffer.from(keys.apiV3Key), Buffer.from(resource.nonce));
    d.setAAD(Buffer.from(resource.associated_data));
    d.setAuthTag(data.subarray(-16));
    const plain = JSON.parse(Buffer.concat([d.update(data.subarray(0, -16)), d.final()]).toString('utf8'));
    expect(plain).toMatchObject({
      out_trade_no: body.out_trade_no,
      trade_state: 'SUCCESS',
      trade_type: 'JSAPI',
      payer: { openid: 'oUser1' },
      amount: { total: 3990, payer_total: 3990, currency: 'CNY' },
    });
    expect(plain.success_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  });

  it('queries NOTPAY, then SUCCESS with the paid amount, and 404 ORDER_NOT_EXIST for unknown orders', async () => {
    const body = prepayBody();
    await call('POST', '/v3/pay/transactions/jsapi', body);
    expect((await query(body.out_trade_no)).body).toMatchObject({
      trade_state: 'NOTPAY',
      amount: { total: 3990 },
    });
    mock.buildNotify(body.out_trade_no, { amountFen: 1 });
    expect((await query(body.out_trade_no)).body).toMatchObject({
      trade_state: 'SUCCESS',
      amount: { total: 1 },
    });
    expect(await query('NO_SUCH_ORDER')).toMatchObject({ status: 404, body: { code: 'ORDER_NOT_EXIST' } });
  });

  it('closes an unpaid order once its time_expire has passed', async () => {
    const body = prepayBody({ time_expire: '2030-01-01T10:00:00+08:00' });
    await call('POST', '/v3/pay/transactions/jsapi', body);
    clockOffsetMs = Date.parse('2030-01-01T02:00:01Z') - Date.now();
    expect((await query(body.out_trade_no)).body).toMatchObject({ trade_state: 'CLOSED' });
    expect(() => mock.buildNotify(body.out_trade_no)).toThrow(/closed/);
  });

  it('refunds up to the paid amount, once per out_refund_no', async () => {
    const body = prepayBody();
    await call('POST', '/v3/pay/transactions/jsapi', body);
    const refund = (outRefundNo: string, refund: number, total = 3990) =>
      call('POST', '/v3/refund/domestic/refunds', {
        out_trade_no: body.out_trade_no,
        out_refund_no: outRefundNo,
        amount: { refund, total, currency: 'CNY' },
      });
    expect(await refund('R1', 100)).toMatchObject({ status: 400, body: { code: 'INVALID_REQUEST' } });
    mock.buildNotify(body.out_trade_no);
    const r1 = await refund('R1', 3000);
    expect(r1).toMatchObject({
      status: 200,
      body: { status: 'SUCCESS', amount: { refund: 3000, total: 3990 } },
    });
    expect((await refund('R1', 3000)).body.refund_id).toBe(r1.body.refund_id);
    expect(await refund('R2', 991)).toMatchObject({ status: 400, body: { code: 'INVALID_REQUEST' } });
    expect(await refund('R2', 990, 5000)).toMatchObject({ status: 400, body: { code: 'PARAM_ERROR' } });
    expect(await refund('R2', 990)).toMatchObject({ status: 200 });
    expect((await query(body.out_trade_no)).body).toMatchObject({ trade_state: 'REFUND' });
  });

  it('answers 500 SYSTEM_ERROR while told to, then normally again', async () => {
    mock.setMode({ systemErrorNext: 1 });
    expect(await prepay()).toMatchObject({ status: 500, body: { code: 'SYSTEM_ERROR' } });
    expect((await prepay()).status).toBe(200);
  });
});
