import type { Socket } from 'socket.io-client';
import type { AftersalesCase, Order, OrderStatus, OrderUpdatedEvent } from '@omni/shared-types';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { MORNING, MutableClock, key } from './fixtures';
import { connectSocket } from './sockets';

// Every status change reaches the owner's room as `order:updated`, so an open 订单详情 follows it.
describe.each(DB_TARGETS)('order:updated pushes to the owner on $name', (target) => {
  let t: TestApp;
  let clock: MutableClock;
  let alice: string;
  let staff: string;
  let storeId: number;
  let productId: number;
  let socket: Socket;
  const seen: OrderUpdatedEvent[] = [];

  /** Resolves once the owner's socket got `status` for `orderId` (rejects after 5 s). */
  const pushed = (orderId: number, status: OrderStatus) =>
    new Promise<OrderUpdatedEvent>((ok, fail) => {
      const found = () => seen.find((e) => e.orderId === orderId && e.status === status);
      const timer = setTimeout(() => fail(new Error(`no order:updated ${status} for #${orderId}`)), 5000);
      const check = () => {
        const e = found();
        if (!e) return;
        clearTimeout(timer);
        socket.off('order:updated', check);
        ok(e);
      };
      socket.on('order:updated', check);
      check();
    });
  const paidPickup = async (quantity = 1): Promise<Order> => {
    const o = (
      await t.http
        .post('/api/v1/orders')
        .set('Authorization', alice)
        .set('Idempotency-Key', key())
        .send({ type: 'pickup', storeId, items: [{ productId, quantity }] })
        .expect(201)
    ).body as Order;
    await t.http.post(`/api/v1/dev/mock-pay/${o.id}`).set('Authorization', alice).expect(200);
    return o;
  };

  beforeAll(async () => {
    clock = new MutableClock(new Date(MORNING));
    t = await startTestApp(target, { clock, listen: true, env: { JOBS_INTERVAL_S: '0' } });
    const login = await t.login('consumer', { openid: `updates-${target.name}` });
    alice = `Bearer ${login.token}`;
    const rows = await t.container.db.getRepository(StockEntity).find({ order: { id: 'ASC' } });
    const row = rows.find((s) => s.quantity >= 50)!;
    storeId = row.storeId;
    productId = row.productId;
    staff = `Bearer ${(await t.login('staff', { storeId })).token}`;
    socket = await connectSocket(t.base, login.token);
    socket.on('order:updated', (e: OrderUpdatedEvent) => seen.push(e));
  }, 120_000);
  afterAll(async () => {
    socket?.disconnect();
    await t.close();
  });

  it('pushes paid, ready for pickup and picked up as they happen', async () => {
    const o = await paidPickup();
    expect(await pushed(o.id, 'paid')).toMatchObject({ statusText: '已支付' });
    await t.http.post(`/api/v1/staff/orders/${o.id}/ready`).set('Authorization', staff).send({}).expect(200);
    await pushed(o.id, 'ready_for_pickup');
    await t.http
      .post(`/api/v1/staff/orders/${o.id}/picked-up`)
      .set('Authorization', staff)
      .send({})
      .expect(200);
    expect(await pushed(o.id, 'picked_up')).toMatchObject({ statusText: '已取货' });
  });

  it('pushes a cancel and then the refund once WeChat Pay has paid it back', async () => {
    const o = await paidPickup();
    await pushed(o.id, 'paid');
    await t.http.post(`/api/v1/orders/${o.id}/cancel`).set('Authorization', alice).send({}).expect(200);
    await pushed(o.id, 'cancelled');
    await t.container.services.jobs.runDue();
    await pushed(o.id, 'refunded');
  });

  it('pushes the cancel of an order that an after-sales refund emptied before it left the store', async () => {
    const o = await paidPickup(2);
    await pushed(o.id, 'paid');
    const opened = await t.http
      .post('/api/v1/aftersales')
      .set('Authorization', alice)
      .send({ orderId: o.id, type: 'refund', reason: '不想要了', lines: [{ productId, quantity: 2 }] })
      .expect(201);
    const c = (opened.body.case ?? opened.body) as AftersalesCase;
    await t.http.post(`/api/v1/aftersales/${c.id}/approve`).set('Authorization', staff).send({}).expect(200);
    await t.http.post(`/api/v1/aftersales/${c.id}/resolve`).set('Authorization', staff).send({}).expect(200);
    expect(await pushed(o.id, 'cancelled')).toMatchObject({ statusText: '已取消' });
  });

  it('pushes the automatic cancel of an order left unpaid', async () => {
    const o = (
      await t.http
        .post('/api/v1/orders')
        .set('Authorization', alice)
        .set('Idempotency-Key', key())
        .send({ type: 'pickup', storeId, items: [{ productId, quantity: 1 }] })
        .expect(201)
    ).body as Order;
    clock.advanceMin(60);
    await t.container.services.payments.scheduleOverdue();
    await t.container.services.jobs.runDue();
    await pushed(o.id, 'cancelled');
  });
});
