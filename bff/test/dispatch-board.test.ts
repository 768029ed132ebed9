import type { Socket } from 'socket.io-client';
import {
  DispatchBoard,
  type Ack,
  type CourierPositionEvent,
  type CourierRoute,
  type DispatchUpdatedEvent,
  type Order,
  type SlotsResponse,
} from '@omni/shared-types';
import { destinationPoint } from '../src/algorithms/geo';
import { AuditEntity } from '../src/modules/audit/audit.entity';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { RouteStopEntity } from '../src/modules/dispatch/dispatch.entity';
import { CourierEntity } from '../src/modules/stores/store.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { DAY, MORNING, MutableClock, address, key, zonePoint } from './fixtures';
import { collect, connectSocket, nextEvent } from './sockets';

const PASSWORD = 'board-pass-1234';

describe.each(DB_TARGETS)('the dispatch board on $name', (target) => {
  let t: TestApp;
  let sockets: Socket[] = [];
  const here = zonePoint(0);
  let storeId: number;
  let otherStoreId: number;
  let couriers: CourierEntity[];
  let otherCourier: CourierEntity;
  let admin: string;
  let manager: string;
  let otherManager: string;
  const courierAuth = new Map<number, string>();
  const orders: Order[] = [];

  const bearer = async (role: 'consumer' | 'staff' | 'courier', extra: object = {}) =>
    `Bearer ${(await t.login(role, extra)).token}`;
  const backoffice = async (username: string, role: 'admin' | 'store_manager', store?: number) => {
    await t.container.services.adminUsers.createOrReset({
      username,
      password: PASSWORD,
      role,
      storeId: store,
    });
    const res = await t.http
      .post('/api/v1/admin/auth/login')
      .send({ username, password: PASSWORD })
      .expect(200);
    return `Bearer ${res.body.token as string}`;
  };
  const board = (auth = admin, query: object = { date: DAY, storeId }) =>
    t.http.get('/api/v1/admin/dispatch').query(query).set('Authorization', auth);
  const boardOk = async (auth = admin) => DispatchBoard.parse((await board(auth).expect(200)).body);
  const reassign = (body: object, auth = admin) =>
    t.http.post('/api/v1/admin/dispatch/reassign').set('Authorization', auth).send(body);
  const routeOf = async (courierId: number) =>
    (
      await t.http
        .get('/api/v1/courier/route')
        .query({ date: DAY })
        .set('Authorization', courierAuth.get(courierId)!)
        .expect(200)
    ).body as CourierRoute;
  /** Places and pays a delivery order `m` metres from the store in the slot at `slotIndex`. */
  const paidOrder = async (n: number, slotIndex: number, m: number): Promise<Order> => {
    const auth = await bearer('consumer', { openid: `board-${target.name}-${n}` });
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
        .set('Idempotency-Key', key('b'))
        .send({
          type: 'delivery',
          slotId: slots.slots[slotIndex].id,
          address: address(p),
          items: [{ productId, quantity: 1 }],
        })
        .expect(201)
    ).body as Order;
    await t.http.post(`/api/v1/dev/mock-pay/${order.id}`).set('Authorization', auth).expect(200);
    orders.push(order);
    return order;
  };
  const stopsOf = (b: DispatchBoard) =>
    b.routes.flatMap((r) => r.stops.map((s) => ({ ...s, courierId: r.courierId })));
  /** The acked answer of a client → server event. */
  const emitAck = <T>(socket: Socket, event: string, body: unknown) =>
    new Promise<Ack<T>>((ok) => socket.emit(event, body, (a: Ack<T>) => ok(a)));

  beforeAll(async () => {
    t = await startTestApp(target, {
      clock: new MutableClock(new Date(MORNING)),
      listen: true,
      env: { JOBS_INTERVAL_S: '0' },
    });
    storeId = (await t.container.db.query('SELECT id FROM stores WHERE code = ?', [here.storeCode]))[0].id;
    const all = await t.container.db.getRepository(CourierEntity).find({ order: { id: 'ASC' } });
    couriers = all.filter((c) => c.storeId === storeId);
    otherCourier = all.find((c) => c.storeId !== storeId)!;
    otherStoreId = otherCourier.storeId;
    for (const c of [...couriers, otherCourier]) {
      courierAuth.set(c.id, await bearer('courier', { courierId: c.id }));
    }
    admin = await backoffice('board-boss', 'admin');
    manager = await backoffice('board-mgr', 'store_manager', storeId);
    otherManager = await backoffice('board-other', 'store_manager', otherStoreId);
    for (let i = 0; i < 6; i++) await paidOrder(i, i % 2, 400 + 150 * i);
  }, 120_000);
  afterEach(() => {
    for (const s of sockets) s.disconnect();
    sockets = [];
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every paid order as not yet planned before the first plan', async () => {
    expect(couriers.length).toBeGreaterThanOrEqual(2);
    const b = await boardOk(manager);
    expect(b).toMatchObject({ date: DAY, storeId, planned: false, plannedAt: null, routes: [] });
    expect(b.store).toMatchObject({
      id: storeId,
      location: { lat: expect.any(Number), lng: expect.any(Number) },
    });
    expect(b.unassigned.map((u) => u.orderId).sort()).toEqual(orders.map((o) => o.id).sort());
    for (const u of b.unassigned) {
      expect(u).toMatchObject({ reasonCode: 'NOT_PLANNED', reason: '尚未排线', orderStatus: 'paid' });
      expect(u.address).toContain('测试路');
      expect(Date.parse(u.window.end)).toBeGreaterThan(Date.parse(u.window.start));
    }
    expect(b.couriers.map((c) => c.id)).toEqual(couriers.map((c) => c.id));
    expect(b.totals).toEqual({ orders: 6, assigned: 0, late: 0, distanceKm: 0 });
  });

  it('lets the store manager plan its own store, then shows numbered routes within their windows', async () => {
    await t.http
      .post('/api/v1/dispatch/plan')
      .set('Authorization', manager)
      .send({ date: DAY, storeId: otherStoreId })
      .expect(404);
    const planned = await t.http
      .post('/api/v1/dispatch/plan')
      .set('Authorization', manager)
      .send({ date: DAY, storeId })
      .expect(200);
    expect(planned.body).toMatchObject({ storeId, date: DAY, version: 1, unassigned: [] });
    const b = await boardOk(manager);
    expect(b).toMatchObject({ planned: true, version: 1, planId: planned.body.planId, unassigned: [] });
    expect(b.plannedAt).toBe(planned.body.createdAt);
    for (const r of b.routes) {
      expect(r.stops.map((s) => s.seq)).toEqual(r.stops.map((_, k) => k + 1));
      expect(r.distanceKm).toBeGreaterThan(0);
      expect(r.courierName.length).toBeGreaterThan(0);
    }
    for (const s of stopsOf(b)) {
      expect(s).toMatchObject({ late: false, status: 'pending', orderStatus: 'assigned' });
      expect(Date.parse(s.eta)).toBeGreaterThanOrEqual(Date.parse(s.window.start));
      expect(Date.parse(s.eta)).toBeLessThanOrEqual(Date.parse(s.window.end));
    }
    expect(b.totals).toMatchObject({ orders: 6, assigned: 6, late: 0 });
    expect(b.totals.distanceKm).toBeCloseTo(
      b.routes.reduce((n, r) => n + r.distanceKm, 0),
      1,
    );
    // An order paid after the plan waits in the list until the next plan.
    const later = await paidOrder(6, 1, 700);
    const again = await boardOk();
    expect(again.unassigned).toEqual([
      expect.objectContaining({ orderId: later.id, reasonCode: 'NOT_PLANNED', reason: '尚未排线' }),
    ]);
    expect(again.totals).toMatchObject({ orders: 7, assigned: 6 });
  });

  it('flags a stop late when its ETA is past the end of its window', async () => {
    const [first, ...rest] = stopsOf(await boardOk());
    await t.container.db
      .getRepository(RouteStopEntity)
      .update({ id: first.stopId }, { etaAt: new Date(Date.parse(first.window.end) + 10 * 60_000) });
    const b = await boardOk();
    const stops = stopsOf(b);
    expect(stops.find((s) => s.stopId === first.stopId)?.late).toBe(true);
    expect(stops.filter((s) => s.late).map((s) => s.stopId)).toEqual([first.stopId]);
    expect(rest.length).toBeGreaterThan(0);
    expect(b.totals.late).toBe(1);
    await t.container.db
      .getRepository(RouteStopEntity)
      .update({ id: first.stopId }, { etaAt: new Date(first.eta) });
    expect((await boardOk()).totals.late).toBe(0);
  });

  it('moves a stop to another courier, re-sequences both routes and tells the courier', async () => {
    const before = await boardOk();
    const from = [...before.routes].sort((x, y) => y.stops.length - x.stops.length)[0];
    const to = couriers.find((c) => c.id !== from.courierId)!;
    const moved = from.stops[from.stops.length - 1];
    const rider = await connectSocket(t.base, courierAuth.get(to.id)!.slice(7));
    const watcher = await connectSocket(t.base, admin.slice(7));
    sockets.push(rider, watcher);
    expect(await emitAck(watcher, 'dispatch:watch', { storeId })).toEqual({ data: { storeId } });
    const pushed = nextEvent<CourierRoute>(rider, 'route:updated');
    const updated = nextEvent<DispatchUpdatedEvent>(watcher, 'dispatch:updated');

    const res = await reassign(
      { date: DAY, storeId, orderId: moved.orderId, courierId: to.id },
      manager,
    ).expect(200);
    const after = DispatchBoard.parse(res.body);
    expect(after.version).toBe(2);
    const target = after.routes.find((r) => r.courierId === to.id)!;
    expect(target.stops.map((s) => s.orderId)).toContain(moved.orderId);
    expect(
      after.routes.find((r) => r.courierId === from.courierId)?.stops.map((s) => s.orderId) ?? [],
    ).not.toContain(moved.orderId);
    for (const r of after.routes) {
      expect(r.stops.map((s) => s.seq)).toEqual(r.stops.map((_, k) => k + 1));
      const etas = r.stops.map((s) => Date.parse(s.eta));
      expect(etas).toEqual([...etas].sort((x, y) => x - y));
    }
    expect(after.totals).toMatchObject({ orders: 7, assigned: 6, late: 0 });
    expect(await updated).toEqual({ storeId, date: DAY, planId: after.planId, version: 2 });
    expect((await pushed).stops.map((s) => s.orderId)).toContain(moved.orderId);
    const route = await routeOf(to.id);
    expect(route).toMatchObject({ version: 2, planId: after.planId });
    expect(route.stops.map((s) => s.orderId)).toEqual(target.stops.map((s) => s.orderId));
    expect((await routeOf(from.courierId)).stops.map((s) => s.orderId)).not.toContain(moved.orderId);
    const audit = await t.container.db
      .getRepository(AuditEntity)
      .findOneByOrFail({ action: 'reassign', entityId: String(moved.orderId) });
    expect(audit).toMatchObject({ entity: 'dispatch_stop', role: 'store_manager', actorKind: 'backoffice' });
    expect(audit.after).toMatchObject({ courierId: to.id, planVersion: 2 });
  });

  it('assigns an order that is in no route yet and takes it off the unassigned list', async () => {
    const waiting = (await boardOk()).unassigned[0];
    const res = await reassign({
      date: DAY,
      storeId,
      orderId: waiting.orderId,
      courierId: couriers[0].id,
    }).expect(200);
    const b = DispatchBoard.parse(res.body);
    expect(b.unassigned).toEqual([]);
    const stop = stopsOf(b).find((s) => s.orderId === waiting.orderId)!;
    expect(stop).toMatchObject({ courierId: couriers[0].id, orderStatus: 'assigned', status: 'pending' });
    expect(b.totals).toMatchObject({ orders: 7, assigned: 7 });
    // Asking again for the same courier changes nothing.
    const same = await reassign({
      date: DAY,
      storeId,
      orderId: waiting.orderId,
      courierId: couriers[0].id,
    }).expect(200);
    expect(same.body.version).toBe(b.version);
  });

  it('keeps each store manager to its own store', async () => {
    const theirs = await board(otherManager).expect(404);
    expect(theirs.body.error.code).toBe('STORE_NOT_FOUND');
    const stop = stopsOf(await boardOk())[0];
    const body = { date: DAY, storeId, orderId: stop.orderId, courierId: couriers[1].id };
    expect((await reassign(body, otherManager).expect(404)).body.error.code).toBe('STORE_NOT_FOUND');
    // Another store's order is not even visible to a manager reassigning in its own store.
    const foreign = await reassign(
      { ...body, storeId: otherStoreId, courierId: otherCourier.id },
      otherManager,
    );
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'ORDER_NOT_FOUND']);
    await board(await bearer('staff', { storeId })).expect(403);
    await board(courierAuth.get(couriers[0].id)!).expect(403);
    await board(await bearer('consumer', { openid: `board-${target.name}-x` })).expect(403);
    expect((await board(admin, { date: DAY, storeId: 999_999 }).expect(404)).body.error.code).toBe(
      'STORE_NOT_FOUND',
    );
  });

  it.each([
    ['no storeId', { date: DAY }],
    ['a storeId that is not a number', { date: DAY, storeId: 'abc' }],
    ['an impossible date', { date: '2026-13-01', storeId: '1' }],
    ['an unknown parameter', { date: DAY, storeId: '1', page: '2' }],
  ])('refuses a board query with %s', async (_what, query) => {
    const res = await board(admin, query).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['no courierId', { date: DAY, storeId: 1, orderId: 1 }],
    ['a string orderId', { date: DAY, storeId: 1, orderId: '1', courierId: 1 }],
    ['a bad date', { date: '12/01/2026', storeId: 1, orderId: 1, courierId: 1 }],
    ['an extra field', { date: DAY, storeId: 1, orderId: 1, courierId: 1, seq: 2 }],
  ])('refuses a reassignment with %s', async (_what, body) => {
    const res = await reassign(body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('answers unknown orders and couriers with 404 and impossible moves with 409 and a code', async () => {
    const stop = stopsOf(await boardOk())[0];
    const base = { date: DAY, storeId, orderId: stop.orderId, courierId: couriers[1].id };
    const code = async (body: object, status: number) =>
      (await reassign({ ...base, ...body }).expect(status)).body.error.code as string;
    expect(await code({ orderId: 999_999 }, 404)).toBe('ORDER_NOT_FOUND');
    expect(await code({ courierId: 999_999 }, 404)).toBe('COURIER_NOT_FOUND');
    expect(await code({ courierId: otherCourier.id }, 409)).toBe('COURIER_NOT_IN_STORE');
    expect(await code({ date: '2026-12-02' }, 409)).toBe('STOP_NOT_REASSIGNABLE');

    // Once a courier sets off, its parcels stay with it and it takes no new stop until back.
    const b = await boardOk();
    expect(b.routes.length).toBeGreaterThanOrEqual(2);
    const [rider, other] = b.routes;
    const first = (await routeOf(rider.courierId)).stops[0];
    await t.http
      .post(`/api/v1/courier/stops/${first.stopId}/arrive`)
      .set('Authorization', courierAuth.get(rider.courierId)!)
      .send({ clientEventId: key('ev') })
      .expect(200);
    const onBoard = await reassign({ ...base, orderId: first.orderId, courierId: other.courierId }).expect(
      409,
    );
    expect(onBoard.body.error).toMatchObject({
      code: 'STOP_NOT_REASSIGNABLE',
      details: { status: 'out_for_delivery', stopStatus: 'arrived' },
    });
    const busy = await reassign({ ...base, orderId: other.stops[0].orderId, courierId: rider.courierId });
    expect([busy.status, busy.body.error.code]).toEqual([409, 'COURIER_UNAVAILABLE']);
  });

  it('sends live courier positions to admins watching the store and to its manager only', async () => {
    const [adminSocket, managerSocket, otherSocket] = await Promise.all(
      [admin, manager, otherManager].map((a) => connectSocket(t.base, a.slice(7))),
    );
    sockets.push(adminSocket, managerSocket, otherSocket);
    expect(await emitAck(adminSocket, 'dispatch:watch', { storeId })).toEqual({ data: { storeId } });
    const denied = await emitAck(otherSocket, 'dispatch:watch', { storeId });
    expect(denied).toEqual({ error: { code: 'STORE_NOT_FOUND', message: expect.any(String) } });
    const invalid = await emitAck(adminSocket, 'dispatch:watch', { storeId: 'x' });
    expect(invalid).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const consumer = await connectSocket(
      t.base,
      (await bearer('consumer', { openid: 'board-watch' })).slice(7),
    );
    sockets.push(consumer);
    expect(await emitAck(consumer, 'dispatch:watch', { storeId })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });

    const seenByOther = collect<CourierPositionEvent>(otherSocket, 'courier:position');
    const toAdmin = nextEvent<CourierPositionEvent>(adminSocket, 'courier:position');
    const toManager = nextEvent<CourierPositionEvent>(managerSocket, 'courier:position');
    const rider = couriers[0];
    const at = { lat: 31.2301, lng: 121.4502 };
    await t.http
      .post('/api/v1/courier/position')
      .set('Authorization', courierAuth.get(rider.id)!)
      .send({ ...at, coord: 'gcj02' })
      .expect(200);
    const expected = { courierId: rider.id, storeId, ...at, at: expect.any(String) };
    expect(await toAdmin).toEqual(expected);
    expect(await toManager).toEqual(expected);

    // The other store's courier reaches its own manager; events arrive in order, so the first
    // store's position would have come before it.
    const theirs = nextEvent<CourierPositionEvent>(otherSocket, 'courier:position');
    await t.http
      .post('/api/v1/courier/position')
      .set('Authorization', courierAuth.get(otherCourier.id)!)
      .send({ ...at, coord: 'gcj02' })
      .expect(200);
    expect((await theirs).storeId).toBe(otherStoreId);
    expect(seenByOther.map((e) => e.storeId)).toEqual([otherStoreId]);

    const b = await boardOk();
    expect(b.couriers.find((c) => c.id === rider.id)?.position).toEqual({ ...at, at: expect.any(String) });
  });
});
