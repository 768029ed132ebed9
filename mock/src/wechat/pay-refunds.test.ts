import { openNotify, platformSigned, startPayKit, type PayKit } from './pay-test-kit';

let kit: PayKit;
beforeAll(async () => {
  kit = await startPayKit({ refundStatus: 'PROCESSING' });
});
afterAll(() => kit.close());
afterEach(() => {
  kit.mock.setMode({});
  kit.answerWith(204);
  kit.notifies.length = 0;
});

const refundNotifyUrl = () => `${kit.receiverUrl}/refund-notify`;
const queryRefund = (outRefundNo: string) => kit.call('GET', `/v3/refund/domestic/refunds/${outRefundNo}`);

describe('WeChat Pay mock: refund notify_url and query', () => {
  it('keeps the notify_url of the refund request and answers PROCESSING first', async () => {
    const no = await kit.paidOrder();
    const r = await kit.refund(no, `${no}R1`, 1000, { notify_url: refundNotifyUrl() });
    expect(r).toMatchObject({
      status: 200,
      body: { status: 'PROCESSING', amount: { refund: 1000, total: 3990 } },
    });
    expect(r.body).not.toHaveProperty('success_time');
    expect(kit.mock.transactions.get(no)!.refunds[0]).toMatchObject({
      notifyUrl: refundNotifyUrl(),
      status: 'PROCESSING',
      successTime: null,
    });
  });

  it.each([
    ['a query string', 'https://shop.example/refund-notify?x=1'],
    ['a relative path', '/refund-notify'],
    ['another scheme', 'ftp://shop.example/refund-notify'],
  ])('answers 400 PARAM_ERROR to a notify_url with %s', async (_name, url) => {
    const no = await kit.paidOrder();
    expect(await kit.refund(no, `${no}R1`, 100, { notify_url: url })).toMatchObject({
      status: 400,
      body: { code: 'PARAM_ERROR' },
    });
    expect(kit.mock.transactions.get(no)!.refunds).toHaveLength(0);
  });

  it('queries a refund by out_refund_no as the same signed JSON as the refund answer', async () => {
    const no = await kit.paidOrder();
    const created = await kit.refund(no, `${no}R1`, 500);
    const q = await queryRefund(`${no}R1`);
    expect(q.status).toBe(200);
    expect(q.body).toEqual(created.body);
    expect(platformSigned(kit.keys, Object.fromEntries(q.headers), q.text)).toBe(true);
    await kit.mock.settleRefund(`${no}R1`, 'SUCCESS');
    expect((await queryRefund(`${no}R1`)).body).toMatchObject({
      status: 'SUCCESS',
      success_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/),
    });
  });

  it('answers 404 RESOURCE_NOT_EXISTS for an unknown refund', async () => {
    expect(await queryRefund('NO_SUCH_REFUND')).toMatchObject({
      status: 404,
      body: { code: 'RESOURCE_NOT_EXISTS' },
    });
  });

  it('refuses an out_refund_no already used for another order', async () => {
    const a = await kit.paidOrder();
    const b = await kit.paidOrder();
    await kit.refund(a, `${a}R1`, 100);
    expect(await kit.refund(b, `${a}R1`, 100)).toMatchObject({
      status: 400,
      body: { code: 'INVALID_REQUEST' },
    });
  });

  it('takes the first status from the mode, over the option', async () => {
    const no = await kit.paidOrder();
    kit.mock.setMode({ refundStatus: 'SUCCESS' });
    const r = await kit.refund(no, `${no}R1`, 100);
    expect(r.body).toMatchObject({ status: 'SUCCESS', success_time: r.body.create_time });
  });
});

describe('WeChat Pay mock: settling refunds', () => {
  it('POSTs a platform-signed REFUND.SUCCESS notify whose resource decrypts to the refund', async () => {
    const no = await kit.paidOrder();
    const created = (await kit.refund(no, `${no}R1`, 1000, { notify_url: refundNotifyUrl() })).body;
    expect(await kit.mock.settleRefund(`${no}R1`, 'SUCCESS')).toEqual({ status: 204, body: '' });
    expect(kit.notifies).toHaveLength(1);
    const n = kit.notifies[0];
    expect(n.path).toBe('/refund-notify');
    expect(platformSigned(kit.keys, n.headers, n.body)).toBe(true);
    const { envelope, plain } = openNotify(kit.keys.apiV3Key, n.body);
    const r = kit.mock.transactions.get(no)!.refunds[0];
    expect(envelope).toEqual({
      id: r.notifyId,
      create_time: r.successTime,
      resource_type: 'encrypt-resource',
      event_type: 'REFUND.SUCCESS',
      summary: '退款成功',
      resource: {
        original_type: 'refund',
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: expect.any(String),
        associated_data: 'refund',
        nonce: expect.stringMatching(/^[A-Za-z0-9]{12}$/),
      },
    });
    expect(plain).toEqual({
      mchid: '1900000109',
      out_trade_no: no,
      transaction_id: kit.mock.transactions.get(no)!.transactionId,
      out_refund_no: `${no}R1`,
      refund_id: created.refund_id,
      refund_status: 'SUCCESS',
      success_time: r.successTime,
      user_received_account: '支付用户零钱',
      amount: { total: 3990, refund: 1000, payer_total: 3990, payer_refund: 1000 },
    });
  });

  it.each([
    ['ABNORMAL', '退款异常'],
    ['CLOSED', '退款关闭'],
  ] as const)('sends REFUND.%s without a success_time', async (status, summary) => {
    const no = await kit.paidOrder();
    await kit.refund(no, `${no}R1`, 1000, { notify_url: refundNotifyUrl() });
    await kit.mock.settleRefund(`${no}R1`, status);
    const { envelope, plain } = openNotify(kit.keys.apiV3Key, kit.notifies[0].body);
    expect(envelope).toMatchObject({ event_type: `REFUND.${status}`, summary });
    expect(plain).toMatchObject({ refund_status: status });
    expect(plain).not.toHaveProperty('success_time');
    expect((await queryRefund(`${no}R1`)).body.status).toBe(status);
  });

  it('returns the receiver answer, and null without sending when told or without notify_url', async () => {
    const no = await kit.paidOrder();
    await kit.refund(no, `${no}R1`, 100, { notify_url: refundNotifyUrl() });
    await kit.refund(no, `${no}R2`, 100);
    kit.answerWith(500);
    expect(await kit.mock.settleRefund(`${no}R1`, 'ABNORMAL')).toMatchObject({ status: 500 });
    expect(await kit.mock.settleRefund(`${no}R1`, 'SUCCESS', { send: false })).toBeNull();
    expect(await kit.mock.settleRefund(`${no}R2`, 'SUCCESS')).toBeNull();
    expect(kit.notifies).toHaveLength(1);
    expect(() => kit.mock.buildRefundNotify(`${no}R2`)).toThrow(/notify_url/);
  });

  it('builds the same notify again for replays, which a changed byte no longer verifies', async () => {
    const no = await kit.paidOrder();
    await kit.refund(no, `${no}R1`, 100, { notify_url: refundNotifyUrl() });
    await kit.mock.settleRefund(`${no}R1`, 'SUCCESS', { send: false });
    const first = kit.mock.buildRefundNotify(`${no}R1`);
    const again = kit.mock.buildRefundNotify(`${no}R1`);
    expect(first.url).toBe(refundNotifyUrl());
    expect(JSON.parse(again.body).id).toBe(JSON.parse(first.body).id);
    expect(platformSigned(kit.keys, again.headers, again.body)).toBe(true);
    expect(platformSigned(kit.keys, first.headers, first.body.replace('"refund"', '"refunx"'))).toBe(false);
    const old = kit.mock.buildRefundNotify(`${no}R1`, { now: new Date(Date.now() - 3_600_000) });
    expect(Number(old.headers['Wechatpay-Timestamp'])).toBeLessThan(Date.now() / 1000 - 3500);
  });

  it('lets a closed refund give its amount back, and keeps SUCCESS and CLOSED final', async () => {
    const no = await kit.paidOrder();
    await kit.refund(no, `${no}R1`, 3990);
    expect(await kit.refund(no, `${no}R2`, 1)).toMatchObject({
      status: 400,
      body: { code: 'INVALID_REQUEST' },
    });
    await kit.mock.settleRefund(`${no}R1`, 'CLOSED');
    expect((await kit.refund(no, `${no}R2`, 3990)).status).toBe(200);
    await kit.mock.settleRefund(`${no}R2`, 'SUCCESS');
    await expect(kit.mock.settleRefund(`${no}R1`, 'SUCCESS')).rejects.toThrow(/CLOSED/);
    await expect(kit.mock.settleRefund(`${no}R2`, 'CLOSED')).rejects.toThrow(/SUCCESS/);
    await expect(kit.mock.settleRefund('NO_SUCH_REFUND', 'SUCCESS')).rejects.toThrow(/no refund/);
  });

  it('lets an ABNORMAL refund still succeed, with a new notify id', async () => {
    const no = await kit.paidOrder();
    await kit.refund(no, `${no}R1`, 100, { notify_url: refundNotifyUrl() });
    await kit.mock.settleRefund(`${no}R1`, 'ABNORMAL');
    await kit.mock.settleRefund(`${no}R1`, 'SUCCESS');
    const [abnormal, success] = kit.notifies.map((n) => openNotify(kit.keys.apiV3Key, n.body));
    expect([abnormal.plain.refund_status, success.plain.refund_status]).toEqual(['ABNORMAL', 'SUCCESS']);
    expect(success.envelope.id).not.toBe(abnormal.envelope.id);
  });
});
