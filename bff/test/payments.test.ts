import type { Order, PayResponse } from '@omni/shared-types';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { OrderEntity } from '../src/modules/orders/order.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { DAY, MORNING, MutableClock, address, key, zonePoint } from './fixtures';

describe.each(DB_TARGETS)('WeChat Pay on $name', (target) => {
  let t: TestApp;
  let clock: MutableClock;
  let alice: string;
  let bob: string;
  const here = zonePoint(0);

  const newOrder = async (quantity = 1): Promise<Order> => {
    const slots = (
      await t.http
        .get('/api/v1/slots')
        .query({ lat: here.lat, lng: here.lng, date: DAY })
        .set('Authorization', alice)
    ).body;
    const productId = (
      await t.container.db
        .getRepository(StockEntity)
        .find({ where: { storeId: slots.zone.storeId }, order: { id: 'ASC' } })
    ).find((s) => s.quantity >= 5)!.productId;
    return (
      await t.http
        .post('/api/v1/orders')
        .set('Authorization', alice)
        .set('Idempotency-Key', key())
        .send({
          type: 'delivery',
          slotId: slots.slots[4].id,
          address: address(here),
          items: [{ productId, quantity }],
        })
        .expect(201)
    ).body;
  };
  const notify = (n: { headers: Record<string, string>; body: string }) =>
    t.http
      .post('/api/v1/payments/wechat/notify')
      .set(n.headers)
      .set('Content-Type', 'application/json')
      .send(n.body);
  const statusOf = async (id: number) =>
    (await t.container.db.getRepository(OrderEntity).findOneByOrFail({ id })).status;

  beforeAll(async () => {
    clock = new MutableClock(new Date(MORNING));
    t = await startTestApp(target, { clock, env: { JOBS_INTERVAL_S: '0' } });
    alice = `Bearer ${(await t.login('consumer', { openid: 'pay-alice' })).token}`;
    bob = `Bearer ${(await t.login('consumer', { openid: 'pay-bob' })).token}`;
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => clock.set(MORNING));

  it('gives the owner signed JSAPI parameters for wx.requestPayment', async () => {
    const o = await newOrder();
    const res = await t.http.post(`/api/v1/orders/${o.id}/pay`).set('Authorization', alice).expect(200);
    const pay = res.body as PayResponse;
    expect(pay.totalFen).toBe(o.totalFen);
    expect(pay.params).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=/) });
    expect(pay.params.paySign.length).toBeGreaterThan(100);
    await t.http.post(`/api/v1/orders/${o.id}/pay`).set('Authorization', bob).expect(404);
  });

  it('marks the order paid on a verified notify, once, however often WeChat repeats it', async () => {
    const o = await newOrder();
    await t.http.post(`/api/v1/orders/${o.id}/pay`).set('Authorization', alice).expect(200);
    const n = t.container.mocks.pay!.buildNotify(o.orderNo);
    await notify(n).expect(204);
    await notify(n).expect(204);
    const detail = (await t.http.get(`/api/v1/orders/${o.id}`).set('Authorization', alice)).body as Order;
    expect(detail).toMatchObject({ status: 'paid', statusText: '已支付' });
    expect(detail.paidAt).not.toBeNull();
    expect(detail.timeline.filter((e) => e.status === 'paid')).toEqual([
      expect.objectContaining({ actor: 'wechat' }),
    ]);
    const again = await t.http.post(`/api/v1/orders/${o.id}/pay`).set('Authorization', alice).expect(409);
    expect(again.body.error.code).toBe('INVALID_STATE');
  });

  it('rejects tampered, truncated, wrongly signed and wrong-amount notifies and changes nothing', async () => {
    const o = await newOrder();
    await t.http.post(`/api/v1/orders/${o.id}/pay`).set('Authorization', alice).expect(200);
    const good = t.container.mocks.pay!.buildNotify(o.orderNo);
    const tampered = { ...good, body: good.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ') };
    expect((await notify(tampered)).status).toBe(401);
    const wrongSig = {
      headers: { ...good.headers, 'Wechatpay-Signature': Buffer.from('x'.repeat(256)).toString('base64') },
      body: good.body,
    };
    expect((await notify(wrongSig)).status).toBe(401);
    expect((await notify({ headers: good.headers, body: good.body.slice(0, 40) })).status).toBe(400);
    const stale = t.container.mocks.pay!.buildNotify(o.orderNo, {
      now: new Date(Date.parse(MORNING) - 10 * 60_000),
    });
    expect((await notify(stale)).status).toBe(401);
    const cheap = t.container.mocks.pay!.buildNotify(o.orderNo, { amountFen: 1 });
    const res = await notify(cheap);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('FAIL');
    expect(await statusOf(o.id)).toBe('pending_payment');
  });

  it('drives the dev mock pay sheet through the same signed notify', async () => {
    const o = await newOrder();
    await t.http.post(`/api/v1/orders/${o.id}/pay`).set('Authorization', alice).expect(200);
    await t.http.post(`/api/v1/dev/mock-pay/${o.id}`).set('Authorization', bob).expect(404);
    const res = await t.http.post(`/api/v1/dev/mock-pay/${o.id}`).set('Authorization', alice).expect(200);
    expect(res.body).toEqual({ notified: true, status: 'paid' });
  });

  it('refunds a paid order when it is cancelled and gives the stock back', async () => {
    const o = await newOrder(2);
    const stockRow = async () =>
      (
        await t.container.db
          .getRepository(StockEntity)
          .findOneByOrFail({ storeId: o.storeId, productId: o.items[0].productId })
      ).quantity;
    const held = await stockRow();
    await t.http.post(`/api/v1/orders/${o.id}/pay`).set('Authorization', alice).expect(200);
    await t.http.post(`/api/v1/dev/mock-pay/${o.id}`).set('Authorization', alice).expect(200);
    const res = await t.http
      .post(`/api/v1/orders/${o.id}/cancel`)
      .set('Authorization', alice)
      .send({ reason: '买错了' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'cancelled', refundStatus: 'refunding' });
    await t.container.services.jobs.runDue();
    expect(await statusOf(o.id)).toBe('refunded');
    expect(await stockRow()).toBe(held + 2);
    const refund = t.container.mocks.pay!.transactions.get(o.orderNo)!;
    expect(JSON.stringify(refund)).toContain(String(o.totalFen));
  });

  it('asks WeChat before expiring: a payment whose notify was lost is applied, not cancelled', async () => {
    const o = await newOrder();
    await t.http.post(`/api/v1/orders/${o.id}/pay`).set('Authorization', alice).expect(200);
    clock.advanceMin(14);
    t.container.mocks.pay!.buildNotify(o.orderNo); // paid at minute 14; the notify never arrives
    clock.advanceMin(2);
    await t.container.services.jobs.runDue();
    expect(await statusOf(o.id)).toBe('paid');
    const calls = t.container.mocks.pay!.calls.map((c) => `${c.method} ${c.path.split('?')[0]}`);
    expect(calls).toContain(`GET /v3/pay/transactions/out-trade-no/${o.orderNo}`);
    expect(calls).not.toContain(`POST /v3/pay/transactions/out-trade-no/${o.orderNo}/close`);
  });

  it('never cancels an unpaid order without an answer from WeChat', async () => {
    const o = await newOrder();
    await t.http.post(`/api/v1/orders/${o.id}/pay`).set('Authorization', alice).expect(200);
    clock.advanceMin(16);
    await t.container.services.jobs.runDue(); // earlier tests' orders
    expect(await statusOf(o.id)).toBe('cancelled');
    const p = await newOrder();
    await t.http.post(`/api/v1/orders/${p.id}/pay`).set('Authorization', alice).expect(200);
    clock.advanceMin(16);
    const path = `/v3/pay/transactions/out-trade-no/${p.orderNo}`;
    t.container.mocks.pay!.setMode({ systemErrorNext: 100, failPath: path });
    await t.container.services.jobs.runDue();
    expect(await statusOf(p.id)).toBe('pending_payment'); // WeChat did not answer: not cancelled
    t.container.mocks.pay!.setMode({});
    clock.advanceMin(2);
    await t.container.services.jobs.runDue();
    expect(await statusOf(p.id)).toBe('cancelled');
  });

  it('closes a cancelled unpaid order at WeChat, retrying until WeChat answers', async () => {
    const o = await newOrder();
    await t.http.post(`/api/v1/orders/${o.id}/pay`).set('Authorization', alice).expect(200);
    await t.http.post(`/api/v1/orders/${o.id}/cancel`).set('Authorization', alice).send({}).expect(200);
    const closePath = `/v3/pay/transactions/out-trade-no/${o.orderNo}/close`;
    t.container.mocks.pay!.setMode({ systemErrorNext: 1, failPath: closePath });
    await t.container.services.jobs.runDue();
    expect(t.container.mocks.pay!.transactions.get(o.orderNo)!.closed).toBe(false);
    clock.advanceMin(2);
    await t.container.services.jobs.runDue();
    expect(t.container.mocks.pay!.transactions.get(o.orderNo)!.closed).toBe(true);
    expect(() => t.container.mocks.pay!.buildNotify(o.orderNo)).toThrow(/closed/);
  });
});
