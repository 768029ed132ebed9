import type { AdminOrderDetail, AdminOrderListResponse, Order, SlotsResponse } from '@omni/shared-types';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { ZoneEntity } from '../src/modules/slots/slot.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { DAY, MORNING, MutableClock, address, key, zonePoint } from './fixtures';

const PASSWORD = 'admin-orders-42';
const TOMORROW = '2026-12-02';
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

// The console's 订单 page: server-side paged lists by status, store, service day, slot and a
// search box (order number or phone), and one order with its payment, refunds and whole history.
describe.each(DB_TARGETS)('orders in the back office on $name', (target) => {
  let t: TestApp;
  let admin: string;
  let managerB: string;
  let alice: string;
  let zoneA: ZoneEntity;
  let zoneB: ZoneEntity;
  let today: Order;
  let later: Order;
  let pickupA: Order;
  let pickupB: Order;
  let slotId: number;
  const here = zonePoint(0);

  const bearer = (token: string) => `Bearer ${token}`;
  const backoffice = async (username: string, role: 'admin' | 'store_manager', storeId?: number) => {
    await t.container.services.adminUsers.createOrReset({ username, password: PASSWORD, role, storeId });
    const res = await t.http
      .post('/api/v1/admin/auth/login')
      .send({ username, password: PASSWORD })
      .expect(200);
    return bearer(res.body.token as string);
  };
  const productIn = async (storeId: number) =>
    (await t.container.db.getRepository(StockEntity).findBy({ storeId })).find((s) => s.quantity >= 10)!
      .productId;
  const create = async (body: object): Promise<Order> =>
    (
      await t.http
        .post('/api/v1/orders')
        .set('Authorization', alice)
        .set('Idempotency-Key', key('ao'))
        .send(body)
        .expect(201)
    ).body as Order;
  const pay = async (o: Order): Promise<Order> => {
    await t.http.post(`/api/v1/orders/${o.id}/pay`).set('Authorization', alice).expect(200);
    t.container.mocks.pay!.buildNotify(o.orderNo);
    return (await t.http.post(`/api/v1/orders/${o.id}/pay/confirm`).set('Authorization', alice).expect(200))
      .body as Order;
  };
  const slotOn = async (date: string) =>
    (
      (
        await t.http
          .get(`/api/v1/slots?lat=${here.lat}&lng=${here.lng}&date=${date}`)
          .set('Authorization', alice)
      ).body as SlotsResponse
    ).slots.find((s) => s.label === '14:00-16:00')!;
  const list = async (query: Record<string, string | number>, auth = admin) =>
    (await t.http.get('/api/v1/admin/orders').query(query).set('Authorization', auth).expect(200))
      .body as AdminOrderListResponse;
  const ids = async (query: Record<string, string | number>, auth = admin) =>
    (await list(query, auth)).items.map((o) => o.id);

  beforeAll(async () => {
    t = await startTestApp(target, {
      clock: new MutableClock(new Date(MORNING)),
      env: { JOBS_INTERVAL_S: '0' },
    });
    admin = await backoffice(`ao-admin-${target.name}`, 'admin');
    alice = bearer((await t.login('consumer', { openid: 'ao-alice' })).token);
    const zones = await t.container.db.getRepository(ZoneEntity).find({ order: { id: 'ASC' } });
    [zoneA, zoneB] = [zones[0], zones.find((z) => z.storeId !== zones[0].storeId)!];
    managerB = await backoffice(`ao-manager-${target.name}`, 'store_manager', zoneB.storeId);
    const productId = await productIn(zoneA.storeId);
    const slot = await slotOn(DAY);
    slotId = slot.id;
    today = await pay(
      await create({ type: 'delivery', slotId, address: address(here), items: [{ productId, quantity: 2 }] }),
    );
    later = await create({
      type: 'delivery',
      slotId: (await slotOn(TOMORROW)).id,
      address: { ...address(here), phone: '13900005678' },
      items: [{ productId, quantity: 1 }],
    });
    pickupA = await pay(
      await create({ type: 'pickup', storeId: zoneA.storeId, items: [{ productId, quantity: 1 }] }),
    );
    pickupB = await create({
      type: 'pickup',
      storeId: zoneB.storeId,
      items: [{ productId: await productIn(zoneB.storeId), quantity: 1 }],
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('filters by service day: the slot date for delivery, the day placed for pickup', async () => {
    expect(await ids({ date: DAY, storeId: zoneA.storeId })).toEqual([pickupA.id, today.id]);
    expect(await ids({ date: TOMORROW })).toEqual([later.id]);
    expect(await ids({ slotId })).toEqual([today.id]);
    expect(await ids({ date: '2026-11-30' })).toEqual([]);
  });

  it('filters by one state or several, type and store, a page at a time', async () => {
    expect(await ids({ status: 'paid' })).toEqual([pickupA.id, today.id]);
    expect(await ids({ status: 'pending_payment,paid', type: 'delivery' })).toEqual([later.id, today.id]);
    expect(await ids({ storeId: zoneB.storeId })).toEqual([pickupB.id]);
    const first = await list({ pageSize: 2 });
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(first.items.map((o) => o.id)).toEqual([pickupB.id, pickupA.id]);
    expect(await ids({ pageSize: 2, page: 2 })).toEqual([later.id, today.id]);
    // A store manager is held to its own store whatever it asks for.
    expect(await ids({ storeId: zoneA.storeId }, managerB)).toEqual([pickupB.id]);
    for (const query of ['status=lost', 'date=2026-13-01', 'slotId=abc', 'pageSize=0', 'type=drone']) {
      const res = await t.http.get(`/api/v1/admin/orders?${query}`).set('Authorization', admin).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('searches by part of the order number or of the phone', async () => {
    expect(await ids({ q: today.orderNo })).toEqual([today.id]);
    expect(await ids({ q: later.orderNo.slice(-5) })).toContain(later.id);
    expect(await ids({ q: '0005678' })).toEqual([later.id]);
    expect(await ids({ q: '0001234' })).toEqual([today.id]);
    expect(await ids({ q: '_' })).toEqual([]);
  });

  it('shows one order with its lines, slot, address, payment, refunds and a timeline of statuses and refunds', async () => {
    const line = today.items[0];
    await t.http
      .post(`/api/v1/admin/orders/${today.id}/refund`)
      .set('Authorization', admin)
      .send({ reason: '少发一件', lines: [{ productId: line.productId, quantity: 1 }] })
      .expect(200);
    const pending = (
      await t.http.get(`/api/v1/admin/orders/${today.id}`).set('Authorization', admin).expect(200)
    ).body as AdminOrderDetail;
    expect(pending.payment).toMatchObject({ status: 'paid', refundedFen: 0, refundingFen: line.priceFen });
    await t.container.services.jobs.runDue();
    const o = (await t.http.get(`/api/v1/admin/orders/${today.id}`).set('Authorization', admin).expect(200))
      .body as AdminOrderDetail;
    expect(o).toMatchObject({
      id: today.id,
      status: 'paid',
      items: [expect.objectContaining({ productId: line.productId, quantity: 2 })],
      slot: expect.objectContaining({ id: slotId, date: DAY, label: '14:00-16:00' }),
      address: expect.objectContaining({ phone: '13800001234', contactName: '张小姐' }),
      payment: {
        method: 'wechat_pay',
        status: 'paid',
        amountFen: today.totalFen,
        paidAt: today.paidAt,
        refundedFen: line.priceFen,
        refundingFen: 0,
      },
    });
    expect(o.payment.transactionId).toEqual(expect.any(String));
    expect(o.refunds).toEqual([
      expect.objectContaining({ status: 'success', amountFen: line.priceFen, reason: '少发一件' }),
    ]);
    expect(o.timeline.map((e) => [e.kind, e.status, e.label])).toEqual([
      ['status', 'pending_payment', '待支付'],
      ['status', 'paid', '已支付'],
      ['refund', 'pending', `发起退款 ${yuan(line.priceFen)}`],
      ['refund', 'success', `退款成功 ${yuan(line.priceFen)}`],
    ]);
    expect(o.timeline[0]).toMatchObject({ actor: 'customer', from: null, at: today.createdAt });
    expect(o.timeline[2]).toMatchObject({
      actor: 'admin',
      note: '少发一件',
      refundNo: o.refunds[0].refundNo,
      amountFen: line.priceFen,
    });
    expect(o.timeline[3]).toMatchObject({ actor: 'wechat', at: o.refunds[0].settledAt });
    const times = o.timeline.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
  });

  it('shows a cancel before the refund it started', async () => {
    await t.http
      .post(`/api/v1/admin/orders/${pickupA.id}/cancel`)
      .set('Authorization', admin)
      .send({ reason: '门店停电' })
      .expect(200);
    const a = (await t.http.get(`/api/v1/admin/orders/${pickupA.id}`).set('Authorization', admin).expect(200))
      .body as AdminOrderDetail;
    expect(a.timeline.map((e) => [e.kind, e.status, e.actor])).toEqual([
      ['status', 'pending_payment', 'customer'],
      ['status', 'paid', expect.any(String)],
      ['status', 'cancelled', 'admin'],
      ['refund', 'pending', 'admin'],
    ]);
    expect(a.timeline[2].at).toBe(a.timeline[3].at);
    expect(a.payment).toMatchObject({ status: 'paid', refundingFen: pickupA.totalFen });
  });

  it('shows who cancelled an unpaid order, and hides other stores from a manager', async () => {
    await t.http
      .post(`/api/v1/admin/orders/${pickupB.id}/cancel`)
      .set('Authorization', managerB)
      .send({ reason: '缺货' })
      .expect(200);
    const b = (
      await t.http.get(`/api/v1/admin/orders/${pickupB.id}`).set('Authorization', managerB).expect(200)
    ).body as AdminOrderDetail;
    expect(b.timeline.map((e) => [e.kind, e.status, e.actor, e.note])).toEqual([
      ['status', 'pending_payment', 'customer', null],
      ['status', 'cancelled', 'staff', '缺货'],
    ]);
    expect(b.payment).toMatchObject({ status: 'unpaid', transactionId: null, paidAt: null });
    expect(b.refunds).toEqual([]);
    const res = await t.http
      .get(`/api/v1/admin/orders/${today.id}`)
      .set('Authorization', managerB)
      .expect(404);
    expect(res.body.error.code).toBe('ORDER_NOT_FOUND');
  });
});
