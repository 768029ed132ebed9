import { createVerify } from 'node:crypto';
import { failure, startPayWorld, TEST_APPID, TEST_OPENID, type PayWorld } from './wechat-pay-fixture';

let w: PayWorld;
beforeAll(async () => {
  w = await startPayWorld();
});
afterAll(() => w.close());

describe('HttpWechatPay.prepay', () => {
  it('answers wx.requestPayment parameters whose paySign verifies with the merchant public key', async () => {
    const params = await w.prepayOrder(w.makePay());
    expect(params).toMatchObject({
      appId: TEST_APPID,
      signType: 'RSA',
      package: expect.stringMatching(/^prepay_id=wx/),
    });
    expect(params.timeStamp).toMatch(/^\d{10}$/);
    const message = `${TEST_APPID}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
    const ok = createVerify('RSA-SHA256')
      .update(message)
      .verify(w.keys.merchantPublicKeyPem, params.paySign, 'base64');
    expect(ok).toBe(true);
  });

  it('sends the order with its expiry in Beijing time and our notify_url', async () => {
    const outTradeNo = w.nextTradeNo();
    await w.makePay().prepay({
      outTradeNo,
      description: '鲜花礼盒',
      amountFen: 100,
      openid: TEST_OPENID,
      expiresAt: new Date('2030-01-02T03:04:05.678Z'),
    });
    const t = w.mock.transactions.get(outTradeNo);
    expect(t).toMatchObject({
      totalFen: 100,
      openid: TEST_OPENID,
      notifyUrl: w.notifyUrl,
      timeExpire: '2030-01-02T11:04:05+08:00',
    });
  });

  it('refuses a non-integer or non-positive amount without calling WeChat', async () => {
    const before = w.mock.calls.length;
    for (const amountFen of [0, -1, 12.5]) {
      expect((await failure(() => w.prepayOrder(w.makePay(), w.nextTradeNo(), amountFen))).code).toBe(
        'VALIDATION_FAILED',
      );
    }
    expect(w.mock.calls).toHaveLength(before);
  });

  it('reports an already paid order as INVALID_STATE', async () => {
    const pay = w.makePay();
    const outTradeNo = w.nextTradeNo();
    await w.prepayOrder(pay, outTradeNo);
    w.mock.buildNotify(outTradeNo);
    const err = await failure(() => w.prepayOrder(pay, outTradeNo));
    expect(err).toMatchObject({ status: 409, code: 'INVALID_STATE', details: { wechatCode: 'ORDERPAID' } });
  });

  it('reports PAYMENT_UNAVAILABLE when WeChat rejects our signature', async () => {
    const err = await failure(() =>
      w.prepayOrder(w.makePay({ merchantPrivateKeyPem: w.rogue.privateKeyPem })),
    );
    expect(err).toMatchObject({
      status: 502,
      code: 'PAYMENT_UNAVAILABLE',
      details: { wechatCode: 'SIGN_ERROR' },
    });
  });

  it('distrusts an answer signed with a key other than the platform key of its serial', async () => {
    const pay = w.makePay({ platformPublicKeys: { [w.keys.platformSerialNo]: w.rogue.publicKeyPem } });
    expect(await failure(() => w.prepayOrder(pay))).toMatchObject({
      status: 502,
      code: 'PAYMENT_UNAVAILABLE',
    });
  });

  it('reports 503 PAYMENT_UNAVAILABLE on a WeChat system error and on a timeout', async () => {
    w.mock.setMode({ systemErrorNext: 1 });
    expect(await failure(() => w.prepayOrder(w.makePay()))).toMatchObject({
      status: 503,
      code: 'PAYMENT_UNAVAILABLE',
    });
    w.mock.setMode({ delayMs: 300 });
    try {
      const slow = w.makePay({ timeoutMs: 50 });
      expect(await failure(() => w.prepayOrder(slow))).toMatchObject({
        status: 503,
        code: 'PAYMENT_UNAVAILABLE',
      });
    } finally {
      w.mock.setMode({});
    }
  });
});

describe('HttpWechatPay.queryByOutTradeNo and refund', () => {
  it('answers null for an order WeChat never saw, NOTPAY before paying and SUCCESS after', async () => {
    const pay = w.makePay();
    expect(await pay.queryByOutTradeNo('NEVER_SEEN_1')).toBeNull();
    const outTradeNo = w.nextTradeNo();
    await w.prepayOrder(pay, outTradeNo, 1234);
    expect(await pay.queryByOutTradeNo(outTradeNo)).toMatchObject({
      tradeState: 'NOTPAY',
      transactionId: null,
      totalFen: 1234,
      successAt: null,
    });
    w.mock.buildNotify(outTradeNo);
    expect(await pay.queryByOutTradeNo(outTradeNo)).toMatchObject({
      tradeState: 'SUCCESS',
      transactionId: expect.stringMatching(/^42/),
      totalFen: 1234,
      payerTotalFen: 1234,
      openid: TEST_OPENID,
    });
  });

  it('refunds part of a paid order, repeats idempotently, and refuses more than was paid', async () => {
    const pay = w.makePay();
    const outTradeNo = w.nextTradeNo();
    await w.prepayOrder(pay, outTradeNo, 5000);
    w.mock.buildNotify(outTradeNo);
    const first = await pay.refund({
      outTradeNo,
      outRefundNo: `${outTradeNo}R1`,
      refundFen: 2000,
      totalFen: 5000,
      reason: '缺货',
    });
    expect(first).toMatchObject({
      outRefundNo: `${outTradeNo}R1`,
      outTradeNo,
      status: 'SUCCESS',
      refundFen: 2000,
      totalFen: 5000,
    });
    const again = await pay.refund({
      outTradeNo,
      outRefundNo: `${outTradeNo}R1`,
      refundFen: 2000,
      totalFen: 5000,
    });
    expect(again.refundId).toBe(first.refundId);
    const over = await failure(() =>
      pay.refund({ outTradeNo, outRefundNo: `${outTradeNo}R2`, refundFen: 3001, totalFen: 5000 }),
    );
    expect(over).toMatchObject({ code: 'PAYMENT_UNAVAILABLE', details: { wechatCode: 'INVALID_REQUEST' } });
    expect((await pay.queryByOutTradeNo(outTradeNo))?.tradeState).toBe('REFUND');
  });

  it('refuses a refund larger than the order locally and an unknown order as ORDER_NOT_FOUND', async () => {
    const pay = w.makePay();
    const local = await failure(() =>
      pay.refund({ outTradeNo: 'X1', outRefundNo: 'R1', refundFen: 101, totalFen: 100 }),
    );
    expect(local.code).toBe('VALIDATION_FAILED');
    const unknown = await failure(() =>
      pay.refund({ outTradeNo: 'NEVER_SEEN_2', outRefundNo: 'R1', refundFen: 1, totalFen: 100 }),
    );
    expect(unknown).toMatchObject({ status: 404, code: 'ORDER_NOT_FOUND' });
  });
});
