import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generatePayKeys, startWechatPayMock, type PayKeys, type WechatPayMock } from '@omni/mock/wechat';
import { AppError } from '../../http/errors';
import {
  HttpWechatPay,
  type HttpWechatPayDeps,
  type JsapiPayParams,
  type PaidTransaction,
} from './wechat-pay';

// Test-only: the WeChat Pay mock on a random port, fresh keys, and a notify endpoint that
// verifies what it receives the way the orders route will.

/** The merchant id of the tests. */
export const TEST_MCHID = '1900000109';
/** The mini-program of the tests. */
export const TEST_APPID = 'wxmockappid0000001';
/** The paying user of the tests. */
export const TEST_OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';

/** A running mock, its keys, a rogue key pair, and helpers to drive `HttpWechatPay` against it. */
export interface PayWorld {
  keys: PayKeys;
  rogue: { privateKeyPem: string; publicKeyPem: string };
  mock: WechatPayMock;
  notifyUrl: string;
  /** What the notify endpoint verified last (or the error it answered with). */
  lastNotify(): PaidTransaction | AppError | null;
  makePay(over?: Partial<HttpWechatPayDeps>): HttpWechatPay;
  nextTradeNo(): string;
  prepayOrder(pay: HttpWechatPay, outTradeNo?: string, amountFen?: number): Promise<JsapiPayParams>;
  close(): Promise<void>;
}

/** Runs `fn` and returns the AppError it threw; fails when it throws nothing or something else. */
export async function failure(fn: () => unknown): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

/** Starts the mock and the notify endpoint, each on a random port. */
export async function startPayWorld(): Promise<PayWorld> {
  const keys = generatePayKeys();
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rogue = {
    privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
  const mock = await startWechatPayMock({ mchid: TEST_MCHID, appid: TEST_APPID, ...keys });
  let notifyUrl = '';
  let last: PaidTransaction | AppError | null = null;
  let seq = 0;
  const makePay = (over: Partial<HttpWechatPayDeps> = {}): HttpWechatPay =>
    new HttpWechatPay({
      apiBase: mock.url,
      appid: TEST_APPID,
      mchid: TEST_MCHID,
      merchantSerialNo: keys.merchantSerialNo,
      merchantPrivateKeyPem: keys.merchantPrivateKeyPem,
      apiV3Key: keys.apiV3Key,
      platformPublicKeys: { [keys.platformSerialNo]: keys.platformPublicKeyPem },
      notifyUrl,
      ...over,
    });
  const receiver = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      try {
        last = makePay().verifyNotify(req.headers, raw);
        res.writeHead(204).end();
      } catch (e) {
        last = e as AppError;
        res.writeHead(401, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ code: 'FAIL', message: (e as Error).message }));
      }
    });
  });
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
  notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/v1/payments/wechat/notify`;
  const nextTradeNo = (): string => `T${Date.now()}${++seq}`;
  return {
    keys,
    rogue,
    mock,
    notifyUrl,
    lastNotify: () => last,
    makePay,
    nextTradeNo,
    prepayOrder: (pay, outTradeNo = nextTradeNo(), amountFen = 3990) =>
      pay.prepay({ outTradeNo, description: '鲜花礼盒 x1', amountFen, openid: TEST_OPENID }),
    close: async () => {
      receiver.closeAllConnections();
      await Promise.all([mock.close(), new Promise((ok) => receiver.close(ok))]);
    },
  };
}
