import type { AftersalesCase, BillReport, Order, Refund } from '@omni/shared-types';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { JobEntity } from '../src/modules/jobs/job.entity';
import { OrderEntity } from '../src/modules/orders/order.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { MORNING, MutableClock, key } from './fixtures';

// Every money path that can go wrong, settled against the WeChat Pay mock told to fail.
describe.each(DB_TARGETS)('refunds, reconciliation and jobs on $name', (target) => {
  let t: TestApp;
  let clock: MutableClock;
  let alice: string;
  let bob: string;
  let admin: string;
  let staff: string;
  let storeId: number;
  let productId: number;
  const pay = () => t.container.mocks.pay!;
  const run = () => t.container.services.jobs.runDue();

  /** A pickup order of `quantity` units of one product, not yet paid. */
  const unpaidOrder = async (quantity: number): Promise<Order> =>
    (
      await t.http
        .post('/api/v1/orders')
        .set('Authorization', alice)
        .set('Idempotency-Key', key())
        .send({ type: 'pickup', storeId, items: [{ productId, quantity }] })
        .expect(201)
    ).body as Order;

  /** A paid pickup order of `quantity` units of one product. */
  const paidOrder = async (quantity = 3): Promise<Order> => {
    const o = await unpaidOrder(quantity);
    await t.http.post(`/api/v1/orders/${o.id}/pay`).set('Authorization', alice).expect(200);
    pay().buildNotify(o.orderNo); // paid at WeChat; the notify is lost
    const confirmed = await t.http
      .post(`/api/v1/orders/${o.id}/pay/confirm`)
      .set('Authorization', alice)
      .expect(200);
    expect(confirmed.body.status).toBe('paid');
    return confirmed.body as Order;
  };
  const openCase = (orderId: number, quantity: number) =>
    t.http
      .post('/api/v1/aftersales')
      .set('Authorization', alice)
      .send({ orderId, type: 'refund', reason: '不想要了', lines: [{ productId, quantity }] });
  const resolve = async (caseId: number) => {
    await t.http
      .post(`/api/v1/aftersales/${caseId}/approve`)
      .set('Authorization', staff)
      .send({})
      .expect(200);
    return t.http.post(`/api/v1/aftersales/${caseId}/resolve`).set('Authorization', staff).send({});
  };
  const caseOf = async (id: number) =>
    (await t.http.get(`/api/v1/aftersales/${id}`).set('Authorization', alice).expect(200))
      .body as AftersalesCase;
  const orderOf = async (id: number) =>
    (await t.http.get(`/api/v1/orders/${id}`).set('Authorization', alice).expect(200)).body as Order;
  /** Delivers the refund notify WeChat would send now (the test app does not listen on a port). */
  const refundNotify = (refundNo: string) => {
    const n = pay().buildRefundNotify(refundNo);
    return t.http
      .post('/api/v1/payments/wechat/refund-notify')
      .set(n.headers)
      .set('Content-Type', 'application/json')
      .send(n.body);
  };
  const refundsOf = async (orderId: number) =>
    (await t.http.get('/api/v1/admin/refunds').query({ orderId }).set('Authorization', admin).expect(200))
      .body.items as Refund[];

  beforeAll(async () => {
    clock = new MutableClock(new Date(MORNING));
    t = await startTestApp(target, { clock, env: { JOBS_INTERVAL_S: '0' } });
    alice = `Bearer ${(await t.login('consumer', { openid: 'money-alice' })).token}`;
    bob = `Bearer ${(await t.login('consumer', { openid: 'money-bob' })).token}`;
    admin = `Bearer ${(await t.login('admin')).token}`;
    const rows = await t.container.db.getRepository(StockEntity).find({ order: { id: 'ASC' } });
    const row = rows.find((s) => s.quantity >= 50)!;
    storeId = row.storeId;
    productId = row.productId;
    staff = `Bearer ${(await t.login('staff', { storeId })).token}`;
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    clock.set(MORNING);
    pay().setMode({});
  });

  it('confirms a payment for its owner only, settling it without the notify', async () => {
    const o = await paidOrder(1);
    await t.http.post(`/api/v1/orders/${o.id}/pay/confirm`).set('Authorization', bob).expect(404);
    await t.http.post(`/api/v1/orders/${o.id}/pay/confirm`).set('Authorization', staff).expect(403);
    expect((await orderOf(o.id)).timeline.map((e) => e.status)).toEqual(['pending_payment', 'paid']);
  });

  it('caps partial refunds per line: three single units, then ALREADY_REFUNDED', async () => {
    const o = await paidOrder(3);
    const unit = o.items[0].priceFen;
    for (let n = 1; n <= 3; n++) {
      const c = (await openCase(o.id, 1).expect(201)).body as AftersalesCase;
      const resolved = await resolve(c.id);
      expect(resolved.status).toBe(200);
      expect(resolved.body.status).toBe('refunding'); // not resolved before WeChat pays back
      await run();
      expect(await caseOf(c.id)).toMatchObject({ status: 'resolved', refundFen: unit });
      const after = await orderOf(o.id);
      expect(after.refundedFen).toBe(unit * n);
      expect(after.status).toBe(n < 3 ? 'paid' : 'refunded');
      expect(after.refundStatus).toBe(n < 3 ? 'partially_refunded' : 'refunded');
    }
    const again = await openCase(o.id, 1);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_REFUNDED');
    const refunds = pay().transactions.get(o.orderNo)!.refunds;
    expect(refunds.reduce((n, r) => n + r.refundFen, 0)).toBe(o.totalFen);
  });

  it('refuses to resolve a second open case for units another case already refunded', async () => {
    const o = await paidOrder(2);
    const first = (await openCase(o.id, 2).expect(201)).body as AftersalesCase;
    await resolve(first.id);
    await run();
    const second = await openCase(o.id, 1);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('ALREADY_REFUNDED');
  });

  it('sends a refund that fails twice once, under one out_refund_no', async () => {
    const o = await paidOrder(1);
    pay().setMode({ systemErrorNext: 2, failPath: '/v3/refund' });
    await t.http.post(`/api/v1/orders/${o.id}/cancel`).set('Authorization', alice).send({}).expect(200);
    await run();
    expect((await refundsOf(o.id))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    for (let i = 0; i < 4; i++) {
      clock.advanceMin(10);
      await run();
    }
    const [r] = await refundsOf(o.id);
    expect(r).toMatchObject({ status: 'success', attempts: 3, amountFen: o.totalFen });
    expect(pay().transactions.get(o.orderNo)!.refunds).toHaveLength(1);
    expect((await orderOf(o.id)).status).toBe('refunded');
  });

  it('keeps a PROCESSING refund 退款中 until the verified refund notify says SUCCESS, once', async () => {
    const o = await paidOrder(1);
    pay().setMode({ refundStatus: 'PROCESSING' });
    await t.http.post(`/api/v1/orders/${o.id}/cancel`).set('Authorization', alice).send({}).expect(200);
    await run();
    const [r] = await refundsOf(o.id);
    expect(r.status).toBe('processing');
    expect(await orderOf(o.id)).toMatchObject({ status: 'cancelled', refundStatus: 'refunding' });
    const forged = pay().buildRefundNotify(r.refundNo);
    await t.http
      .post('/api/v1/payments/wechat/refund-notify')
      .set({ ...forged.headers, 'Wechatpay-Signature': 'AAAA' })
      .set('Content-Type', 'application/json')
      .send(forged.body)
      .expect(401);
    await pay().settleRefund(r.refundNo, 'SUCCESS', { send: false });
    for (let i = 0; i < 2; i++) await refundNotify(r.refundNo).expect(204); // WeChat repeats it
    expect(await orderOf(o.id)).toMatchObject({
      status: 'refunded',
      refundStatus: 'refunded',
      refundedFen: o.totalFen,
    });
  });

  it('settles a PROCESSING refund by querying when its notify is lost', async () => {
    const o = await paidOrder(1);
    pay().setMode({ refundStatus: 'PROCESSING' });
    await t.http.post(`/api/v1/orders/${o.id}/cancel`).set('Authorization', alice).send({}).expect(200);
    await run();
    const [r] = await refundsOf(o.id);
    await pay().settleRefund(r.refundNo, 'SUCCESS', { send: false });
    clock.advanceMin(5);
    await run();
    expect((await refundsOf(o.id))[0].status).toBe('success');
    expect((await orderOf(o.id)).status).toBe('refunded');
  });

  it('puts an ABNORMAL refund in the admin queue with an alert; the case stays 退款中', async () => {
    const o = await paidOrder(2);
    pay().setMode({ refundStatus: 'PROCESSING' });
    const c = (await openCase(o.id, 1).expect(201)).body as AftersalesCase;
    await resolve(c.id);
    await run();
    const [r] = await refundsOf(o.id);
    await pay().settleRefund(r.refundNo, 'ABNORMAL', { send: false });
    await refundNotify(r.refundNo).expect(204);
    const queue = (
      await t.http
        .get('/api/v1/admin/refunds')
        .query({ status: 'abnormal' })
        .set('Authorization', admin)
        .expect(200)
    ).body.items as Refund[];
    expect(queue.map((x) => x.refundNo)).toContain(r.refundNo);
    const alerts = (await t.http.get('/api/v1/admin/alerts').set('Authorization', admin).expect(200)).body
      .items;
    expect(
      alerts.some(
        (a: { kind: string; message: string }) =>
          a.kind === 'refund_abnormal' && a.message.includes(r.refundNo),
      ),
    ).toBe(true);
    expect((await caseOf(c.id)).status).toBe('refunding');
    expect((await orderOf(o.id)).refundStatus).toBe('refunding');
    await t.http.get('/api/v1/admin/refunds').set('Authorization', alice).expect(403);
  });

  it('frees the lines of a CLOSED refund for another try and reopens the case', async () => {
    const o = await paidOrder(1);
    pay().setMode({ refundStatus: 'PROCESSING' });
    const c = (await openCase(o.id, 1).expect(201)).body as AftersalesCase;
    await resolve(c.id);
    await run();
    const [r] = await refundsOf(o.id);
    await pay().settleRefund(r.refundNo, 'CLOSED', { send: false });
    await refundNotify(r.refundNo).expect(204);
    expect((await caseOf(c.id)).status).toBe('approved');
    const row = await t.container.db.getRepository(OrderEntity).findOneByOrFail({ id: o.id });
    expect(row.refundHeldFen).toBe(0);
  });

  it('refunds a payment that arrives after the customer cancelled the unpaid order', async () => {
    const o = await unpaidOrder(1);
    await t.http.post(`/api/v1/orders/${o.id}/pay`).set('Authorization', alice).expect(200);
    const late = pay().buildNotify(o.orderNo);
    await t.http.post(`/api/v1/orders/${o.id}/cancel`).set('Authorization', alice).send({}).expect(200);
    await t.http
      .post('/api/v1/payments/wechat/notify')
      .set(late.headers)
      .set('Content-Type', 'application/json')
      .send(late.body)
      .expect(204);
    await run();
    expect(await orderOf(o.id)).toMatchObject({ status: 'refunded', refundedFen: o.totalFen });
    expect(pay().transactions.get(o.orderNo)!.refunds).toHaveLength(1);
  });

  it('reinstates an order cancelled for non-payment when its payment arrives and the stock is still there', async () => {
    const o = await unpaidOrder(1);
    await t.http.post(`/api/v1/orders/${o.id}/pay`).set('Authorization', alice).expect(200);
    const late = pay().buildNotify(o.orderNo);
    await t.container.services.lifecycle.expire(o.id);
    const before = (await t.container.db.getRepository(StockEntity).findOneByOrFail({ storeId, productId }))
      .quantity;
    await t.http
      .post('/api/v1/payments/wechat/notify')
      .set(late.headers)
      .set('Content-Type', 'application/json')
      .send(late.body)
      .expect(204);
    expect((await orderOf(o.id)).status).toBe('paid');
    expect(
      (await t.container.db.getRepository(StockEntity).findOneByOrFail({ storeId, productId })).quantity,
    ).toBe(before - 1);
  });

  it('refuses cases on unpaid orders and lines beyond what was bought', async () => {
    const o = await unpaidOrder(1);
    expect((await openCase(o.id, 1)).status).toBe(409);
    const paid = await paidOrder(1);
    const more = await openCase(paid.id, 5);
    expect(more.status).toBe(422);
    expect(more.body.error.code).toBe('QUANTITY_LIMIT');
  });

  it('reconciles the day: a line WeChat dropped and a line it altered are both reported, and alerted', async () => {
    const a = await paidOrder(1);
    const b = await paidOrder(1);
    const c = await paidOrder(1);
    clock.set('2026-12-02T03:00:00.000Z'); // 11:00 the next day in Shanghai
    const day = '2026-12-01';
    const clean = (
      await t.http.post(`/api/v1/admin/bills/${day}/reconcile`).set('Authorization', admin).expect(200)
    ).body as BillReport;
    expect(clean).toMatchObject({
      status: 'balanced',
      missingOurs: [],
      missingTheirs: [],
      amountMismatches: [],
    });
    expect(clean.matched).toBeGreaterThanOrEqual(3);
    pay().setBillFaults({ drop: [a.orderNo], alter: { [b.orderNo]: b.totalFen + 1 }, broken: 1 });
    const bad = (
      await t.http.post(`/api/v1/admin/bills/${day}/reconcile`).set('Authorization', admin).expect(200)
    ).body as BillReport;
    expect(bad.status).toBe('mismatch');
    expect(bad.missingTheirs).toEqual([
      { kind: 'payment', key: a.orderNo, oursFen: a.totalFen, theirsFen: null },
    ]);
    expect(bad.amountMismatches).toEqual([
      { kind: 'payment', key: b.orderNo, oursFen: b.totalFen, theirsFen: b.totalFen + 1 },
    ]);
    expect(bad.brokenLines).toHaveLength(1);
    expect(bad.missingOurs.map((d) => d.key)).not.toContain(c.orderNo);
    const stored = (await t.http.get(`/api/v1/admin/bills/${day}`).set('Authorization', admin).expect(200))
      .body;
    expect(stored).toMatchObject({ status: 'mismatch', billDate: day });
    const alerts = (
      await t.http
        .get('/api/v1/admin/alerts')
        .query({ kind: 'bill_mismatch' })
        .set('Authorization', admin)
        .expect(200)
    ).body.items;
    expect(alerts.length).toBeGreaterThan(0);
    await t.http.post('/api/v1/admin/bills/2026-12-02/reconcile').set('Authorization', admin).expect(400);
    await t.http.post('/api/v1/admin/bills/2026-13-45/reconcile').set('Authorization', admin).expect(400);
    pay().setBillFaults({});
  });

  it('dead-letters a job no handler knows, lists it for admins, and re-drives it on request', async () => {
    const now = clock.now();
    await t.container.db.getRepository(JobEntity).insert({
      kind: 'nobody.knows',
      payload: '{}',
      dedupeKey: null,
      status: 'pending',
      runAt: now,
      attempts: 0,
      maxAttempts: 3,
      createdAt: now,
      updatedAt: now,
    });
    await run();
    const dead = (
      await t.http.get('/api/v1/admin/jobs').query({ status: 'dead' }).set('Authorization', admin).expect(200)
    ).body.items as Array<{ id: number; kind: string; lastError: string }>;
    const job = dead.find((j) => j.kind === 'nobody.knows')!;
    expect(job.lastError).toContain('nobody.knows');
    const retried = await t.http
      .post(`/api/v1/admin/jobs/${job.id}/retry`)
      .set('Authorization', admin)
      .expect(200);
    expect(retried.body.status).toBe('pending');
    await t.http.post(`/api/v1/admin/jobs/${job.id}/retry`).set('Authorization', admin).expect(409);
    await t.http.get('/api/v1/admin/jobs').query({ status: 'lost' }).set('Authorization', admin).expect(400);
  });
});
