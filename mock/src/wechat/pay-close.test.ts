import { KIT_MCHID, platformSigned, startPayKit, type PayKit } from './pay-test-kit';

let kit: PayKit;
beforeAll(async () => {
  kit = await startPayKit();
});
afterAll(() => kit.close());
afterEach(() => kit.mock.setMode({}));

const closeOrder = (outTradeNo: string, mchid = KIT_MCHID) =>
  kit.call('POST', `/v3/pay/transactions/out-trade-no/${outTradeNo}/close`, { mchid });
const query = (outTradeNo: string) =>
  kit.call('GET', `/v3/pay/transactions/out-trade-no/${outTradeNo}?mchid=${KIT_MCHID}`);

describe('WeChat Pay mock: closing an order', () => {
  it('answers 204 with an empty, platform-signed body, and 204 again when closed twice', async () => {
    const no = await kit.prepay();
    const r = await closeOrder(no);
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect(platformSigned(kit.keys, Object.fromEntries(r.headers), '')).toBe(true);
    expect((await closeOrder(no)).status).toBe(204);
    expect(kit.mock.transactions.get(no)!.closed).toBe(true);
  });

  it('makes the order query CLOSED, refuses its prepay with ORDER_CLOSED and cannot be paid', async () => {
    const no = await kit.prepay();
    await closeOrder(no);
    expect((await query(no)).body).toMatchObject({ trade_state: 'CLOSED', trade_state_desc: '订单已关闭' });
    const again = await kit.call('POST', '/v3/pay/transactions/jsapi', {
      appid: kit.mock.transactions.get(no)!.appid,
      mchid: KIT_MCHID,
      description: '鲜花礼盒',
      out_trade_no: no,
      notify_url: `${kit.receiverUrl}/pay-notify`,
      amount: { total: 3990, currency: 'CNY' },
      payer: { openid: 'oUser1' },
    });
    expect(again).toMatchObject({ status: 400, body: { code: 'ORDER_CLOSED' } });
    expect(() => kit.mock.buildNotify(no)).toThrow(/closed/);
    await expect(kit.mock.pay(no)).rejects.toThrow(/closed/);
  });

  it('refuses to close a paid order with 400 ORDERPAID, leaving it paid', async () => {
    const no = await kit.paidOrder();
    expect(await closeOrder(no)).toMatchObject({ status: 400, body: { code: 'ORDERPAID' } });
    expect((await query(no)).body).toMatchObject({ trade_state: 'SUCCESS' });
  });

  it('answers 404 ORDER_NOT_EXIST for an unknown order and 400 PARAM_ERROR for another mchid', async () => {
    expect(await closeOrder('NO_SUCH_ORDER')).toMatchObject({
      status: 404,
      body: { code: 'ORDER_NOT_EXIST' },
    });
    const no = await kit.prepay();
    expect(await closeOrder(no, '1900000999')).toMatchObject({ status: 400, body: { code: 'PARAM_ERROR' } });
    expect(kit.mock.transactions.get(no)!.closed).toBe(false);
  });
});

describe('WeChat Pay mock: scripted SYSTEM_ERROR limited to a path', () => {
  it('fails only the next two refund calls, leaving prepay and query alone', async () => {
    const no = await kit.paidOrder();
    kit.mock.setMode({ systemErrorNext: 2, failPath: '/v3/refund' });
    expect((await kit.prepay()).length).toBeGreaterThan(0);
    expect((await query(no)).status).toBe(200);
    const from = kit.mock.calls.length;
    expect(await kit.refund(no, `${no}R1`, 100)).toMatchObject({
      status: 500,
      body: { code: 'SYSTEM_ERROR' },
    });
    expect(await kit.call('GET', `/v3/refund/domestic/refunds/${no}R1`)).toMatchObject({ status: 500 });
    expect((await kit.refund(no, `${no}R1`, 100)).status).toBe(200);
    expect(kit.mock.calls.slice(from).map((c) => c.status)).toEqual([500, 500, 200]);
    expect(kit.mock.transactions.get(no)!.refunds).toHaveLength(1);
  });

  it('fails a close while its path is scripted, then closes', async () => {
    const no = await kit.prepay();
    const path = `/v3/pay/transactions/out-trade-no/${no}/close`;
    kit.mock.setMode({ systemErrorNext: 1, failPath: path });
    expect(await closeOrder(no)).toMatchObject({ status: 500, body: { code: 'SYSTEM_ERROR' } });
    expect(kit.mock.transactions.get(no)!.closed).toBe(false);
    expect((await closeOrder(no)).status).toBe(204);
  });
});
