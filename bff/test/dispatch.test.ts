import type { Socket } from 'socket.io-client';
import type {
  CourierRoute,
  DispatchPlan,
  Order,
  OrderEtaEvent,
  OrderUpdatedEvent,
  SlotsResponse,
  StopActionResponse,
} from '@omni/shared-types';
import { destinationPoint } from '../src/algorithms/geo';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { DispatchRunEntity, RoutePlanEntity } from '../src/modules/dispatch/dispatch.entity';
import { OrderEventEntity } from '../src/modules/orders/order.entity';
import { CourierEntity } from '../src/modules/stores/store.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { DAY, MORNING, MutableClock, address, key, zonePoint } from './fixtures';
import { collect, connectSocket, nextEvent } from './sockets';

const AT_1030 = '2026-12-01T02:30:00.000Z';

describe.each(DB_TARGETS)('dispatch and courier app on $name', (target) => {
  let t: TestApp;
  let clock: MutableClock;
  let sockets: Socket[] = [];
  const here = zonePoint(0);
  let storeId: number;
  let couriers: CourierEntity[];
  let staff: string;
  const courierAuth = new Map<number, string>();
  const customers: Array<{ auth: string; order: Order }> = [];
  let plan1: DispatchPlan;
  /** The courier with the most stops in the latest plan, and another one. */
  let a: CourierEntity;
  let b: CourierEntity;
  const busiest = (p: DispatchPlan) => {
    const top = [...p.routes].sort((x, y) => y.stops.length - x.stops.length)[0];
    a = couriers.find((c) => c.id === top.courierId)!;
    b = couriers.find((c) => c.id !== a.id)!;
  };

  const bearer = async (role: 'consumer' | 'staff' | 'courier' | 'admin', extra: object = {}) =>
    `Bearer ${(await t.login(role, extra)).token}`;
  const plan = (auth = staff, body: object = { date: DAY }) =>
    t.http.post('/api/v1/dispatch/plan').set('Authorization', auth).send(body);
  const routeOf = async (courierId: number) =>
    (
      await t.http
        .get('/api/v1/courier/route')
        .query({ date: DAY })
        .set('Authorization', courierAuth.get(courierId)!)
        .expect(200)
    ).body as CourierRoute;
  const act = (courierId: number, stopId: number, action: string, body: object) =>
    t.http
      .post(`/api/v1/courier/stops/${stopId}/${action}`)
      .set('Authorization', courierAuth.get(courierId)!)
      .send(body);
  const orderOf = async (orderId: number) => {
    const c = customers.find((x) => x.order.id === orderId)!;
    return (await t.http.get(`/api/v1/orders/${orderId}`).set('Authorization', c.auth).expect(200))
      .body as Order;
  };
  /** Places and pays a delivery order `m` metres from the store in the slot at `slotIndex`. */
  const paidOrder = async (n: number, slotIndex: number, m: number): Promise<Order> => {
    const auth = await bearer('consumer', { openid: `dispatch-${target.name}-${n}` });
    const p = destinationPoint({ lat: here.lat - 0.0045, lng: here.lng }, m, (n * 67) % 360);
    const slots = (
      await t.http
        .get('/api/v1/slots')
        .query({ lat: p.lat, lng: p.lng, date: DAY })
        .set('Authorization', auth)
        .expect(200)
    ).body as SlotsResponse;
    const productId = (
      await t.container.db.getRepository(StockEntity).find({ where: { storeId }, order: { id: 'ASC' } })
    ).find((s) => s.quantity >= 20)!.productId;
    const order = (
      await t.http
        .post('/api/v1/orders')
        .set('Authorization', auth)
        .set('Idempotency-Key', key('d'))
        .send({
          type: 'delivery',
          slotId: slots.slots[slotIndex].id,
          address: address(p),
          items: [{ productId, quantity: 1 }],
        })
        .expect(201)
    ).body as Order;
    await t.http.post(`/api/v1/dev/mock-pay/${order.id}`).set('Authorization', auth).expect(200);
    customers.push({ auth, order });
    return order;
  };
  const stopsOf = (p: DispatchPlan) =>
    p.routes.flatMap((r) => r.stops.map((s) => ({ ...s, courierId: r.courierId })));

  beforeAll(async () => {
    clock = new MutableClock(new Date(MORNING));
    t = await startTestApp(target, { clock, listen: true, env: { JOBS_INTERVAL_S: '0' } });
    storeId = (await t.container.db.query('SELECT id FROM stores WHERE code = ?', [here.storeCode]))[0].id;
    couriers = await t.container.db
      .getRepository(CourierEntity)
      .find({ where: { storeId }, order: { id: 'ASC' } });
    staff = await bearer('staff', { storeId });
    for (const c of couriers) courierAuth.set(c.id, await bearer('courier', { courierId: c.id }));
    for (let i = 0; i < 6; i++) await paidOrder(i, i % 2, 400 + 150 * i);
  }, 120_000);
  afterEach(() => {
    for (const s of sockets) s.disconnect();
    sockets = [];
  });
  afterAll(async () => {
    await t.close();
  });

  it('plans the paid orders into courier routes within their slots and pushes them live', async () => {
    expect(couriers.length).toBeGreaterThanOrEqual(2);
    const courierSockets = await Promise.all(
      couriers.map((c) => connectSocket(t.base, courierAuth.get(c.id)!.slice(7))),
    );
    const customerSocket = await connectSocket(t.base, customers[0].auth.slice(7));
    sockets.push(...courierSockets, customerSocket);
    const pushed = courierSockets.map((cs) => nextEvent<CourierRoute>(cs, 'route:updated'));
    const eta = nextEvent<OrderEtaEvent>(customerSocket, 'order:eta');

    plan1 = (await plan().expect(200)).body as DispatchPlan;
    expect(plan1).toMatchObject({ storeId, date: DAY, version: 1, unassigned: [] });
    const stops = stopsOf(plan1);
    expect(stops.map((s) => s.orderId).sort()).toEqual(customers.map((c) => c.order.id).sort());
    for (const s of stops) {
      expect(Date.parse(s.etaAt)).toBeGreaterThanOrEqual(Date.parse(s.windowStart));
      expect(Date.parse(s.etaAt)).toBeLessThanOrEqual(Date.parse(s.windowEnd));
    }
    busiest(plan1);
    const routes = await Promise.all(pushed);
    const route = routes.find((r) => r.courierId === a.id)!;
    expect(route).toMatchObject({ version: 1, planId: plan1.planId });
    expect(route.stops.map((s) => s.stopId)).toEqual(
      stops.filter((s) => s.courierId === a.id).map((s) => s.stopId),
    );
    const e = await eta;
    expect(e.orderId).toBe(customers[0].order.id);
    expect(e.etaAt).toBe(stops.find((s) => s.orderId === e.orderId)!.etaAt);
    for (const c of customers) expect((await orderOf(c.order.id)).status).toBe('assigned');
  });

  it('shows each courier only its own route, and hides other couriers’ stops', async () => {
    const mine = await routeOf(a.id);
    const planned = stopsOf(plan1).filter((s) => s.courierId === a.id);
    expect(mine.stops.map((s) => s.stopId)).toEqual(planned.map((s) => s.stopId));
    expect(mine.store).toMatchObject({ id: storeId });
    expect(mine.polyline.length).toBeGreaterThanOrEqual(mine.stops.length ? mine.stops.length + 2 : 0);
    for (const s of mine.stops) {
      expect(s.phoneMasked).toBe('138****1234');
      expect(s.customerName).toBe('张小姐');
      expect(s.parcels).toBe(1);
      expect(s.volumeL).toBeGreaterThan(0);
    }
    const res = await act(b.id, mine.stops[0].stopId, 'arrive', { clientEventId: key('ev') }).expect(404);
    expect(res.body.error.code).toBe('STOP_NOT_FOUND');
    const unplanned = await t.http
      .get('/api/v1/courier/route')
      .query({ date: '2026-12-02' })
      .set('Authorization', courierAuth.get(a.id)!)
      .expect(200);
    // Not planned yet: an empty route that says so, and whom to call (the courier's own store).
    expect(unplanned.body).toMatchObject({ planned: false, planId: null, date: '2026-12-02', stops: [] });
    expect(unplanned.body.store).toMatchObject({ id: storeId });
    expect(unplanned.body.store.phone).toMatch(/\d{3,}/);
    await t.http.get('/api/v1/courier/route').set('Authorization', customers[0].auth).expect(403);
    const otherStaff = await bearer('staff', { storeId: storeId === 1 ? 2 : 1 });
    await plan(otherStaff, { date: DAY, storeId }).expect(403);
    await plan(staff, { date: '2026-13-01' }).expect(400);
  });

  it('re-plans after a new order and a cancellation: the new order gets a stop, the cancelled one loses it', async () => {
    const late = await paidOrder(6, 2, 800);
    const gone = stopsOf(plan1)[stopsOf(plan1).length - 1];
    const owner = customers.find((c) => c.order.id === gone.orderId)!;
    const rider = await connectSocket(t.base, courierAuth.get(gone.courierId)!.slice(7));
    sockets.push(rider);
    const told = nextEvent<CourierRoute>(rider, 'route:updated');
    await t.http
      .post(`/api/v1/orders/${gone.orderId}/cancel`)
      .set('Authorization', owner.auth)
      .send({})
      .expect(200);
    // The courier learns at once that the parcel is off.
    expect((await told).stops.find((s) => s.orderId === gone.orderId)?.orderStatus).toBe('cancelled');

    const plan2 = (await plan().expect(200)).body as DispatchPlan;
    expect(plan2).toMatchObject({ version: 2, unassigned: [] });
    const ids = stopsOf(plan2).map((s) => s.orderId);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(gone.orderId);
    for (const s of stopsOf(plan2)) expect(Date.parse(s.etaAt)).toBeLessThanOrEqual(Date.parse(s.windowEnd));
    expect((await orderOf(late.id)).status).toBe('assigned');
    busiest(plan2);
  });

  it('delivers once with the customer’s code, replays answer the same, a wrong code changes nothing', async () => {
    clock.set(AT_1030);
    const first = (await routeOf(a.id)).stops[0];
    const owner = customers.find((c) => c.order.id === first.orderId)!;
    const customerSocket = await connectSocket(t.base, owner.auth.slice(7));
    sockets.push(customerSocket);
    const updates = collect<OrderUpdatedEvent>(customerSocket, 'order:updated');
    const code = (await orderOf(first.orderId)).deliveryCode!;
    expect(code).toMatch(/^\d{4}$/);
    const coming = (await orderOf(first.orderId)).courier!;
    expect(coming).toMatchObject({ stopsBefore: 0, etaAt: first.etaAt });
    expect(coming.name.length).toBeGreaterThan(0);

    const wrong = String((Number(code) + 1) % 10_000).padStart(4, '0');
    const bad = await act(a.id, first.stopId, 'deliver', {
      clientEventId: key('ev'),
      proof: { type: 'code', code: wrong },
    }).expect(422);
    expect(bad.body.error.code).toBe('DELIVERY_CODE_INVALID');
    expect((await orderOf(first.orderId)).status).toBe('assigned');
    expect((await routeOf(a.id)).stops[0].status).toBe('pending');

    const eventId = key('ev');
    const body = { clientEventId: eventId, proof: { type: 'code', code } };
    const done = (await act(a.id, first.stopId, 'deliver', body).expect(200)).body as StopActionResponse;
    expect(done).toMatchObject({ replayed: false, stop: { status: 'delivered', orderStatus: 'delivered' } });
    const again = (await act(a.id, first.stopId, 'deliver', body).expect(200)).body as StopActionResponse;
    expect(again).toEqual({ ...done, replayed: true });
    const twice = await act(a.id, first.stopId, 'deliver', { ...body, clientEventId: key('ev') }).expect(409);
    expect(twice.body.error.code).toBe('INVALID_STATE');
    const next = (await routeOf(a.id)).stops[1];
    const reused = await act(a.id, next.stopId, 'deliver', body).expect(409);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const order = await orderOf(first.orderId);
    expect(order).toMatchObject({ status: 'delivered', statusText: '已送达', courier: null });
    // The next customer sees the courier where the last parcel was delivered.
    const nextOrder = await orderOf(next.orderId);
    expect(nextOrder.courier?.position).toEqual({ lat: order.address!.lat, lng: order.address!.lng });
    const deliveries = await t.container.db
      .getRepository(OrderEventEntity)
      .countBy({ orderId: first.orderId, toStatus: 'delivered' });
    expect(deliveries).toBe(1);
    // The first action of the day sent every parcel of the route on its way.
    for (const s of (await routeOf(a.id)).stops.slice(1)) expect(s.orderStatus).toBe('out_for_delivery');
    await new Promise((ok) => setTimeout(ok, 200));
    expect(updates.map((u) => u.status)).toContain('delivered');
  });

  it('shows the courier’s live position to the customers still waiting', async () => {
    const pending = (await routeOf(a.id)).stops.find((s) => s.status === 'pending')!;
    const owner = customers.find((c) => c.order.id === pending.orderId)!;
    const customerSocket = await connectSocket(t.base, owner.auth.slice(7));
    sockets.push(customerSocket);
    const pushed = new Promise<{ orderId: number; courierPosition: { lat: number; lng: number } | null }>(
      (ok) =>
        customerSocket.on(
          'order:eta',
          (e: { orderId: number; courierPosition: { lat: number; lng: number } | null }) => {
            if (e.orderId === pending.orderId) ok(e);
          },
        ),
    );
    const here = { lat: 31.2301, lng: 121.4502 };
    const res = await t.http
      .post('/api/v1/courier/position')
      .set('Authorization', courierAuth.get(a.id)!)
      .send({ ...here, coord: 'gcj02' })
      .expect(200);
    expect(res.body.customersTold).toBeGreaterThan(0);
    expect((await pushed).courierPosition).toEqual(here);
    expect((await orderOf(pending.orderId)).courier?.position).toEqual(here);
    await t.http
      .post('/api/v1/courier/position')
      .set('Authorization', courierAuth.get(a.id)!)
      .send({ lat: 'x', lng: 1, coord: 'gcj02' })
      .expect(400);
    await t.http
      .post('/api/v1/courier/position')
      .set('Authorization', owner.auth)
      .send({ ...here, coord: 'gcj02' })
      .expect(403);
  });

  it('re-plans after a courier has set off, keeping the delivered stop first and parcels with their courier', async () => {
    const before = (await plan().expect(200)).body as DispatchPlan;
    const mineBefore = (await routeOf(a.id)).stops;
    const plan3 = (await plan().expect(200)).body as DispatchPlan;
    expect(plan3.version).toBe(before.version + 1);
    const aRoute = plan3.routes.find((r) => r.courierId === a.id)!;
    expect(aRoute.stops[0]).toMatchObject({ orderId: mineBefore[0].orderId, status: 'delivered' });
    expect(aRoute.stops.map((s) => s.orderId).sort()).toEqual(mineBefore.map((s) => s.orderId).sort());
    // A stop id of an older version still reaches the same stop.
    const old = stopsOf(before).find((s) => s.courierId === a.id && s.status === 'pending')!;
    await act(a.id, old.stopId, 'arrive', { clientEventId: key('ev') }).expect(200);
    const now = (await routeOf(a.id)).stops.find((s) => s.orderId === old.orderId)!;
    expect(now.status).toBe('arrived');
  });

  it('takes a photo as proof and records a failed delivery', async () => {
    const stops = (await routeOf(a.id)).stops.filter((s) => s.status === 'pending');
    expect(stops.length).toBeGreaterThanOrEqual(1);
    const upload = (type: string, bytes: Buffer) =>
      t.http
        .post('/api/v1/courier/uploads')
        .set('Authorization', courierAuth.get(a.id)!)
        .set('Content-Type', type)
        .send(bytes);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);
    const { photoId } = (await upload('image/jpeg', jpeg).expect(201)).body;
    expect((await upload('image/png', jpeg).expect(415)).body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    await upload('image/jpeg', Buffer.concat([jpeg, Buffer.alloc(2 * 1024 * 1024)])).expect(413);
    await act(a.id, stops[0].stopId, 'deliver', {
      clientEventId: key('ev'),
      proof: { type: 'photo', photoId: 'nope-nope-nope' },
    }).expect(422);
    const byPhoto = await act(a.id, stops[0].stopId, 'deliver', {
      clientEventId: key('ev'),
      proof: { type: 'photo', photoId },
    }).expect(200);
    expect(byPhoto.body.stop.status).toBe('delivered');
    if (stops[1]) {
      await act(a.id, stops[1].stopId, 'arrive', { clientEventId: key('ev') }).expect(200);
      const failed = await act(a.id, stops[1].stopId, 'fail', {
        clientEventId: key('ev'),
        reason: '联系不上收件人',
      });
      expect(failed.status).toBe(200);
      expect(failed.body.stop).toMatchObject({ status: 'failed', orderStatus: 'delivery_failed' });
      expect((await orderOf(stops[1].orderId)).statusText).toBe('配送失败');
    }
    await act(a.id, stops[0].stopId, 'arrive', { clientEventId: 'short' }).expect(400);
  });

  it('runs scheduled dispatch once per slot cut-off, however many instances ask', async () => {
    clock.set('2026-12-01T03:05:00.000Z'); // 11:05: the 12:00 slot's cut-off has passed
    const before = await t.container.db.getRepository(RoutePlanEntity).countBy({ storeId, date: DAY });
    const dispatch = t.container.services.dispatch;
    const made = await Promise.all([
      dispatch.runScheduledDispatch(clock.now()),
      dispatch.runScheduledDispatch(clock.now()),
    ]);
    const runs = made[0] + made[1];
    expect(runs).toBe(2); // the 10:00 and the 12:00 cut-offs, each once
    expect(await dispatch.runScheduledDispatch(clock.now())).toBe(0);
    // An instance that died mid-plan leaves its claim without a plan; later, another takes it over.
    const claims = t.container.db.getRepository(DispatchRunEntity);
    const [claim] = await claims.find({ where: { storeId, date: DAY }, order: { id: 'ASC' }, take: 1 });
    await claims.update(
      { id: claim.id },
      { planId: null, createdAt: new Date(clock.now().getTime() - 20 * 60_000) },
    );
    expect(await dispatch.runScheduledDispatch(clock.now())).toBe(1);
    expect(await dispatch.runScheduledDispatch(clock.now())).toBe(0);
    expect(await t.container.db.getRepository(RoutePlanEntity).countBy({ storeId, date: DAY })).toBe(
      before + runs + 1,
    );
  });
});
