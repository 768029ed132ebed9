import type { Socket } from 'socket.io-client';
import { stores } from '@omni/mock/data';
import type { LbsEvent, NearbyStoresResponse, Order, OrderUpdatedEvent } from '@omni/shared-types';
import { destinationPoint, fromGcj02 } from '../src/algorithms/geo';
import { PositionEntity } from '../src/modules/lbs/lbs.entity';
import { OrderEntity } from '../src/modules/orders/order.entity';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { MORNING, MutableClock, key } from './fixtures';
import { collect, connectSocket, nextEvent } from './sockets';

const LUNCH = '2026-12-01T04:00:00.000Z'; // 12:00 Shanghai: every demo store is open

describe.each(DB_TARGETS)('LBS on $name', (target) => {
  let t: TestApp;
  let clock: MutableClock;
  let sockets: Socket[] = [];
  const store = stores[0];
  let storeId: number;

  const bearer = async (role: 'consumer' | 'staff', extra: { openid?: string; storeId?: number } = {}) =>
    `Bearer ${(await t.login(role, extra)).token}`;
  const report = (auth: string, p: { lat: number; lng: number }, extra: object = {}) =>
    t.http
      .post('/api/v1/lbs/location')
      .set('Authorization', auth)
      .send({ lat: p.lat, lng: p.lng, coord: 'gcj02', ...extra });
  /** A point `m` metres north of the store. */
  const north = (m: number) => destinationPoint({ lat: store.lat, lng: store.lng }, m, 0);
  const pickupOrder = async (auth: string): Promise<Order> => {
    const productId = (
      await t.container.db.getRepository(StockEntity).find({ where: { storeId }, order: { id: 'ASC' } })
    ).find((s) => s.quantity > 3)!.productId;
    const o = (
      await t.http
        .post('/api/v1/orders')
        .set('Authorization', auth)
        .set('Idempotency-Key', key())
        .send({ type: 'pickup', storeId, items: [{ productId, quantity: 1 }] })
        .expect(201)
    ).body as Order;
    await t.http.post(`/api/v1/dev/mock-pay/${o.id}`).set('Authorization', auth).expect(200);
    return o;
  };

  beforeAll(async () => {
    clock = new MutableClock(new Date(LUNCH));
    t = await startTestApp(target, {
      clock,
      listen: true,
      env: { JOBS_INTERVAL_S: '0', LBS_REPORTS_PER_10S: '1000', LBS_ESCALATE_AFTER_S: '120' },
    });
    storeId = (await t.container.db.query('SELECT id FROM stores WHERE code = ?', [store.code]))[0].id;
  });
  afterEach(() => {
    for (const s of sockets) s.disconnect();
    sockets = [];
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists stores nearest first with distance, ETA and open status', async () => {
    const res = (
      await t.http
        .get('/api/v1/stores/nearby')
        .query({ lat: store.lat, lng: store.lng, limit: 5 })
        .expect(200)
    ).body as NearbyStoresResponse;
    expect(res.items).toHaveLength(5);
    expect(res.items[0]).toMatchObject({ code: store.code, distanceM: 0 });
    const d = res.items.map((s) => s.distanceM);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
    expect(res.items.every((s) => s.etaMin >= 1 && s.open.openNow && s.open.label.length > 0)).toBe(true);
    // The same spot given as raw GPS (WGS-84) lands on the same store.
    const gps = fromGcj02({ lat: store.lat, lng: store.lng }, 'wgs84');
    const viaGps = (
      await t.http
        .get('/api/v1/stores/nearby')
        .query({ ...gps, coord: 'wgs84', limit: 1 })
        .expect(200)
    ).body;
    expect(viaGps.items[0].code).toBe(store.code);
    expect(viaGps.items[0].distanceM).toBeLessThan(2);
  });

  it('filters by stock of a product, by pickup service and by open now', async () => {
    const product = (await t.container.db.getRepository(StockEntity).findBy({ quantity: 0 }))[0];
    if (product) {
      const res = (
        await t.http
          .get('/api/v1/stores/nearby')
          .query({ lat: store.lat, lng: store.lng, productId: product.productId, limit: 50 })
          .expect(200)
      ).body as NearbyStoresResponse;
      expect(res.items.every((s) => (s.stock ?? 0) > 0)).toBe(true);
      expect(res.items.map((s) => s.id)).not.toContain(product.storeId);
    }
    const pickup = (
      await t.http
        .get('/api/v1/stores/nearby')
        .query({ lat: store.lat, lng: store.lng, service: 'pickup', limit: 50 })
    ).body as NearbyStoresResponse;
    expect(pickup.items.every((s) => s.services.includes('pickup'))).toBe(true);
    clock.set('2026-12-01T19:00:00.000Z'); // 03:00 Shanghai: everything is closed
    const night = (
      await t.http
        .get('/api/v1/stores/nearby')
        .query({ lat: store.lat, lng: store.lng, openNow: 'true' })
        .expect(200)
    ).body;
    expect(night.items).toEqual([]);
    const all = (await t.http.get('/api/v1/stores/nearby').query({ lat: store.lat, lng: store.lng }))
      .body as NearbyStoresResponse;
    expect(all.items[0].open.openNow).toBe(false);
    expect(all.items[0].open.opensAt).not.toBeNull();
    clock.set(LUNCH);
  });

  it.each([
    [{ lat: '91', lng: '121' }, 400],
    [{ lat: 'abc', lng: '121' }, 400],
    [{ lat: 'NaN', lng: '121' }, 400],
    [{ lng: '121' }, 400],
    [{ lat: '31.2', lng: '121.4', coord: 'mars' }, 400],
    [{ lat: '31.2', lng: '121.4', limit: '0' }, 400],
    [{ lat: '31.2', lng: '121.4', limit: '51' }, 400],
    [{ lat: '40.7', lng: '-74.0' }, 422],
  ])('rejects nearby query %j with %i', async (q, status) => {
    const res = await t.http.get('/api/v1/stores/nearby').query(q).expect(status);
    expect(res.body.error.code).toBeDefined();
  });

  it('requires consent before taking positions, and forgets them when it is withdrawn', async () => {
    const alice = await bearer('consumer', { openid: 'lbs-consent' });
    const denied = await report(alice, north(5000)).expect(403);
    expect(denied.body.error.code).toBe('CONSENT_REQUIRED');
    await t.http.post('/api/v1/lbs/consent').set('Authorization', alice).send({ location: true }).expect(200);
    expect((await report(alice, north(5000)).expect(200)).body).toMatchObject({ accepted: true, events: [] });
    const me = (await t.login('consumer', { openid: 'lbs-consent' })).user.id;
    expect(await t.container.db.getRepository(PositionEntity).countBy({ userId: me })).toBe(1);
    await t.http
      .post('/api/v1/lbs/consent')
      .set('Authorization', alice)
      .send({ location: false })
      .expect(200);
    expect(await t.container.db.getRepository(PositionEntity).countBy({ userId: me })).toBe(0);
    await report(alice, north(4000)).expect(403);
  });

  it.each([
    [{ lat: 200, lng: 121, coord: 'gcj02' }],
    [{ lat: 'x', lng: 121, coord: 'gcj02' }],
    [{ lat: 31.2, lng: 121.4 }],
    [{ lat: 31.2, lng: 121.4, coord: 'mars' }],
    [{ lat: 31.2, lng: 121.4, coord: 'gcj02', extra: 1 }],
  ])('rejects the report %j with 400 and stores nothing', async (body) => {
    const bob = await bearer('consumer', { openid: 'lbs-bad' });
    await t.http.post('/api/v1/lbs/consent').set('Authorization', bob).send({ location: true }).expect(200);
    await t.http.post('/api/v1/lbs/location').set('Authorization', bob).send(body).expect(400);
    const me = (await t.login('consumer', { openid: 'lbs-bad' })).user.id;
    expect(await t.container.db.getRepository(PositionEntity).countBy({ userId: me })).toBe(0);
  });

  it('flags implausible reports and does not act on them', async () => {
    const carol = await bearer('consumer', { openid: 'lbs-flags' });
    await t.http.post('/api/v1/lbs/consent').set('Authorization', carol).send({ location: true }).expect(200);
    await report(carol, north(3000)).expect(200);
    const future = (
      await report(carol, north(2900), { at: new Date(clock.now().getTime() + 3600_000).toISOString() })
    ).body;
    expect(future).toMatchObject({ accepted: false, flagged: 'FUTURE' });
    clock.advanceMin(1);
    const older = (
      await report(carol, north(2900), { at: new Date(clock.now().getTime() - 120_000).toISOString() })
    ).body;
    expect(older).toMatchObject({ accepted: false, flagged: 'OUT_OF_ORDER' });
    const teleport = (await report(carol, { lat: 31.9, lng: 121.9 })).body; // ~80 km in a minute
    expect(teleport).toMatchObject({ accepted: false, flagged: 'TOO_FAST' });
    const abroad = (await report(carol, { lat: 40.7, lng: -74.0 })).body;
    expect(abroad).toMatchObject({ accepted: false, flagged: 'OUT_OF_CHINA' });
  });

  it('recovers from a bad first fix after three implausible reports in a row', async () => {
    const gil = await bearer('consumer', { openid: 'lbs-glitch' });
    await t.http.post('/api/v1/lbs/consent').set('Authorization', gil).send({ location: true }).expect(200);
    await report(gil, { lat: 31.9, lng: 121.9 }).expect(200); // a glitch ~80 km away, first fix
    const flags: Array<string | null> = [];
    for (let i = 0; i < 3; i++) {
      clock.advanceMin(1);
      flags.push((await report(gil, north(3000)).expect(200)).body.flagged);
    }
    expect(flags).toEqual(['TOO_FAST', 'TOO_FAST', null]);
    clock.advanceMin(1);
    expect((await report(gil, north(2900)).expect(200)).body).toMatchObject({
      accepted: true,
      flagged: null,
    });
  });

  it('raises one arrival event for a pickup customer, live to the staff, and one staff member claims it', async () => {
    const dave = await bearer('consumer', { openid: 'lbs-dave' });
    const order = await pickupOrder(dave);
    await t.http.post('/api/v1/lbs/consent').set('Authorization', dave).send({ location: true }).expect(200);
    const staffA = await bearer('staff', { storeId, openid: 'staff-a' });
    const staffB = await bearer('staff', { storeId, openid: 'staff-b' });
    const otherStaff = await bearer('staff', { storeId: storeId === 1 ? 2 : 1 });
    const inbox = await connectSocket(t.base, staffA.slice(7));
    const customer = await connectSocket(t.base, dave.slice(7));
    sockets.push(inbox, customer);
    const live = collect<LbsEvent>(inbox, 'lbs:event');

    const arrived = nextEvent<LbsEvent>(inbox, 'lbs:event');
    for (const m of [2500, 1800, 1000, 600, 280]) {
      clock.advanceMin(2);
      await report(dave, north(m)).expect(200);
    }
    const event = await arrived;
    expect(event).toMatchObject({ kind: 'PICKUP_ARRIVAL', status: 'open', storeId, order: { id: order.id } });
    expect(event.order!.items.length).toBeGreaterThan(0);
    // Jitter on the fence boundary raises nothing more.
    for (const m of [320, 290, 330, 295, 340, 285]) {
      clock.advanceMin(1);
      await report(dave, north(m)).expect(200);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(live.filter((e) => e.kind === 'PICKUP_ARRIVAL')).toHaveLength(1);
    const listed = (
      await t.http
        .get('/api/v1/staff/events')
        .query({ status: 'open' })
        .set('Authorization', staffA)
        .expect(200)
    ).body.items as LbsEvent[];
    expect(listed.filter((e) => e.order?.id === order.id)).toHaveLength(1);

    await t.http.post(`/api/v1/staff/events/${event.id}/claim`).set('Authorization', otherStaff).expect(404);
    const acked = nextEvent<OrderUpdatedEvent>(customer, 'order:updated');
    const [a, b] = await Promise.all([
      t.http.post(`/api/v1/staff/events/${event.id}/claim`).set('Authorization', staffA),
      t.http.post(`/api/v1/staff/events/${event.id}/claim`).set('Authorization', staffB),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((a.status === 409 ? a : b).body.error.code).toBe('ALREADY_CLAIMED');
    expect((await acked).staffAcknowledged).toBe(true);
    const detail = (await t.http.get(`/api/v1/orders/${order.id}`).set('Authorization', dave)).body as Order;
    expect(detail.staffAcknowledged).toBe(true);
    const resolved = await t.http
      .post(`/api/v1/staff/events/${event.id}/resolve`)
      .set('Authorization', staffA)
      .send({ note: '已交给顾客' })
      .expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', note: '已交给顾客' });
    await t.http
      .post(`/api/v1/staff/events/${event.id}/resolve`)
      .set('Authorization', staffA)
      .send({ note: '再次' })
      .expect(409);
  });

  it('greets an opted-in member nearby at most once a day and escalates unclaimed events', async () => {
    const erin = await bearer('consumer', { openid: 'lbs-erin' });
    await pickupOrder(erin); // a purchase makes erin a member with recent purchases
    await t.container.db
      .getRepository(OrderEntity)
      .update(
        { userId: (await t.login('consumer', { openid: 'lbs-erin' })).user.id },
        { status: 'picked_up' },
      );
    await t.http
      .post('/api/v1/lbs/consent')
      .set('Authorization', erin)
      .send({ location: true, nearbyOffers: true })
      .expect(200);
    const kinds: string[] = [];
    for (const m of [4000, 2500, 1200, 1000, 3000, 5000, 1200]) {
      clock.advanceMin(12);
      const res = (await report(erin, north(m)).expect(200)).body;
      kinds.push(...res.events.map((e: { kind: string }) => e.kind));
    }
    expect(kinds).toEqual(['NEARBY_MEMBER']);
    const staff = await bearer('staff', { storeId, openid: 'staff-esc' });
    const open = (
      await t.http.get('/api/v1/staff/events').query({ status: 'open' }).set('Authorization', staff)
    ).body.items as LbsEvent[];
    const member = open.find((e) => e.kind === 'NEARBY_MEMBER')!;
    expect(member).toBeDefined();
    clock.advanceMin(3);
    expect(await t.container.services.staffEvents.escalateDue()).toBeGreaterThanOrEqual(1);
    const after = (
      await t.http.get('/api/v1/staff/events').query({ status: 'escalated' }).set('Authorization', staff)
    ).body.items as LbsEvent[];
    expect(after.map((e) => e.id)).toContain(member.id);
    await t.http.post(`/api/v1/staff/events/${member.id}/claim`).set('Authorization', staff).expect(200);
  });

  it('lets staff mark a pickup order ready and picked up', async () => {
    const fay = await bearer('consumer', { openid: 'lbs-fay' });
    const order = await pickupOrder(fay);
    const staff = await bearer('staff', { storeId, openid: 'staff-ready' });
    const ready = await t.http
      .post(`/api/v1/staff/orders/${order.id}/ready`)
      .set('Authorization', staff)
      .expect(200);
    expect(ready.body.status).toBe('ready_for_pickup');
    await t.http.post(`/api/v1/staff/orders/${order.id}/ready`).set('Authorization', staff).expect(409);
    const done = await t.http
      .post(`/api/v1/staff/orders/${order.id}/picked-up`)
      .set('Authorization', staff)
      .expect(200);
    expect(done.body.status).toBe('picked_up');
    expect(done.body.timeline.map((e: { status: string }) => e.status)).toEqual([
      'pending_payment',
      'paid',
      'ready_for_pickup',
      'picked_up',
    ]);
  });
});

describe('LBS report rate limit', () => {
  it('answers a burst of reports with 429', async () => {
    const t = await startTestApp(
      { name: 'sqlite' },
      { clock: new MutableClock(new Date(MORNING)), env: { JOBS_INTERVAL_S: '0', LBS_REPORTS_PER_10S: '5' } },
    );
    try {
      const auth = `Bearer ${(await t.login('consumer', { openid: 'burst' })).token}`;
      await t.http
        .post('/api/v1/lbs/consent')
        .set('Authorization', auth)
        .send({ location: true })
        .expect(200);
      const codes: number[] = [];
      // Fixed 10 s windows: 12 quick reports span at most two windows, so at most 10 can pass.
      for (let i = 0; i < 12; i++) {
        codes.push(
          (
            await t.http
              .post('/api/v1/lbs/location')
              .set('Authorization', auth)
              .send({ lat: 31.2, lng: 121.4, coord: 'gcj02' })
          ).status,
        );
      }
      expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(2);
      expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    } finally {
      await t.close();
    }
  });
});
