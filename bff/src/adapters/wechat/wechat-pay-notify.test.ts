import { encryptPayResource, signPayMessage } from '@omni/mock/wechat';
import {
  failure,
  startPayWorld,
  TEST_APPID,
  TEST_MCHID,
  TEST_OPENID,
  type PayWorld,
} from './wechat-pay-fixture';

let w: PayWorld;
beforeAll(async () => {
  w = await startPayWorld();
});
afterAll(() => w.close());

describe('HttpWechatPay.verifyNotify', () => {
  it('verifies and decrypts the notify WeChat sends when the user pays', async () => {
    const outTradeNo = w.nextTradeNo();
    await w.prepayOrder(w.makePay(), outTradeNo, 3990);
    const { headers, body } = w.mock.buildNotify(outTradeNo);
    const paid = w.makePay().verifyNotify(headers, body);
    expect(paid).toMatchObject({
      appid: TEST_APPID,
      mchid: TEST_MCHID,
      outTradeNo,
      tradeState: 'SUCCESS',
      totalFen: 3990,
      payerTotalFen: 3990,
      currency: 'CNY',
      openid: TEST_OPENID,
      transactionId: w.mock.transactions.get(outTradeNo)?.transactionId,
    });
    expect(paid.successAt).toBeInstanceOf(Date);
  });

  it('is reached end to end: the mock pays, our endpoint verifies and answers 204', async () => {
    const outTradeNo = w.nextTradeNo();
    await w.prepayOrder(w.makePay(), outTradeNo, 2500);
    const answer = await w.mock.pay(outTradeNo, { amountFen: 1 });
    expect(answer.status).toBe(204);
    // The amount WeChat reports is passed on untouched: comparing it with the order is the caller's job.
    expect(w.lastNotify()).toMatchObject({ outTradeNo, totalFen: 1, tradeState: 'SUCCESS' });
  });

  const signed = (body: string, over: Record<string, string> = {}): Record<string, string> => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = 'N0nce';
    return {
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonce,
      'wechatpay-serial': w.keys.platformSerialNo,
      'wechatpay-signature': signPayMessage(w.keys.platformPrivateKeyPem, [timestamp, nonce, body]),
      ...over,
    };
  };
  const sealed = (plaintext: string) => encryptPayResource(w.keys.apiV3Key, plaintext, 'transaction');
  const envelope = (resource: object) =>
    JSON.stringify({
      id: 'EV-1',
      create_time: '2026-01-01T10:00:00+08:00',
      event_type: 'TRANSACTION.SUCCESS',
      resource_type: 'encrypt-resource',
      summary: '支付成功',
      resource: {
        algorithm: 'AEAD_AES_256_GCM',
        associated_data: 'transaction',
        original_type: 'transaction',
        ...resource,
      },
    });
  const transaction = (over: object = {}) =>
    JSON.stringify({
      appid: TEST_APPID,
      mchid: TEST_MCHID,
      out_trade_no: 'T1',
      transaction_id: '4200000001',
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      success_time: '2026-01-01T10:00:00+08:00',
      payer: { openid: TEST_OPENID },
      amount: { total: 100, payer_total: 100, currency: 'CNY', payer_currency: 'CNY' },
      ...over,
    });

  it('accepts a notify we sign ourselves with the platform key (the harness below is sound)', () => {
    const body = envelope(sealed(transaction()));
    expect(w.makePay().verifyNotify(signed(body), body)).toMatchObject({ outTradeNo: 'T1', totalFen: 100 });
  });

  const refusals: Array<
    [string, string, () => { headers: Record<string, string | undefined>; body: string }]
  > = [
    [
      'a tampered body',
      'bad Wechatpay-Signature',
      () => {
        const n = w.mock.buildNotify(w.mock.transactions.keys().next().value as string);
        return {
          headers: n.headers,
          body: n.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" '),
        };
      },
    ],
    [
      'a signature made with another key',
      'bad Wechatpay-Signature',
      () => {
        const body = envelope(sealed(transaction()));
        const h = signed(body);
        const parts = [h['wechatpay-timestamp'], h['wechatpay-nonce'], body];
        return {
          headers: { ...h, 'wechatpay-signature': signPayMessage(w.rogue.privateKeyPem, parts) },
          body,
        };
      },
    ],
    [
      'an unknown serial',
      'unknown Wechatpay-Serial',
      () => {
        const body = envelope(sealed(transaction()));
        return { headers: signed(body, { 'wechatpay-serial': 'PUB_KEY_ID_UNKNOWN' }), body };
      },
    ],
    [
      'a timestamp six minutes old',
      'stale',
      () => {
        const n = w.mock.buildNotify(w.mock.transactions.keys().next().value as string, {
          now: new Date(Date.now() - 360_000),
        });
        return n;
      },
    ],
    [
      'a timestamp six minutes ahead',
      'stale',
      () => {
        const n = w.mock.buildNotify(w.mock.transactions.keys().next().value as string, {
          now: new Date(Date.now() + 360_000),
        });
        return n;
      },
    ],
    [
      'missing signature headers',
      'missing',
      () => {
        const body = envelope(sealed(transaction()));
        return { headers: { ...signed(body), 'wechatpay-signature': undefined }, body };
      },
    ],
    [
      'truncated JSON, even when signed',
      'unreadable body',
      () => {
        const body = envelope(sealed(transaction())).slice(0, 80);
        return { headers: signed(body), body };
      },
    ],
    [
      'a ciphertext with a flipped byte',
      'unreadable body',
      () => {
        const s = sealed(transaction());
        const bytes = Buffer.from(s.ciphertext, 'base64');
        bytes[3] ^= 1;
        const body = envelope({ ...s, ciphertext: bytes.toString('base64') });
        return { headers: signed(body), body };
      },
    ],
    [
      'a resource encrypted with another APIv3 key',
      'unreadable body',
      () => {
        const s = encryptPayResource('x'.repeat(32), transaction(), 'transaction');
        const body = envelope(s);
        return { headers: signed(body), body };
      },
    ],
    [
      'changed associated data',
      'unreadable body',
      () => {
        const body = envelope({ ...sealed(transaction()), associated_data: 'refund' });
        return { headers: signed(body), body };
      },
    ],
    [
      'a transaction of another merchant',
      'another merchant',
      () => {
        const body = envelope(sealed(transaction({ mchid: '1900000999' })));
        return { headers: signed(body), body };
      },
    ],
    [
      'a refund event sent to the payment endpoint',
      'not a transaction notify',
      () => {
        const body = envelope(sealed(transaction())).replace('TRANSACTION.SUCCESS', 'REFUND.SUCCESS');
        return { headers: signed(body), body };
      },
    ],
  ];

  it.each(refusals)('refuses %s with PAYMENT_SIGNATURE_INVALID (%s)', async (_name, reason, build) => {
    if (w.mock.transactions.size === 0) await w.prepayOrder(w.makePay());
    const { headers, body } = build();
    const err = await failure(() => w.makePay().verifyNotify(headers, body));
    expect(err).toMatchObject({ status: 401, code: 'PAYMENT_SIGNATURE_INVALID' });
    expect(err.message).toContain(reason);
  });
});
