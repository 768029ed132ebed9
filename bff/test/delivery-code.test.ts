import { request, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { Socket } from 'socket.io-client';
import type {
  CourierRoute,
  DispatchPlan,
  LbsEvent,
  Order,
  OrderUpdatedEvent,
  SlotsResponse,
} from '@omni/shared-types';
import { destinationPoint } from '../src/algorithms/geo';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { LbsEventEntity } from '../src/modules/lbs/lbs.entity';
import { OrderEntity } from '../src/modules/orders/order.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { DAY, MORNING, MutableClock, address, key, zonePoint } from './fixtures';
import { collect, connectSocket, nextEvent } from './sockets';

const AT_1030 = '2026-12-01T02:30:00.000Z';

describe.each(DB_TARGETS)('delivery code attempts and proof photos on $name', (target) => {
  let t: TestApp;
  let clock: MutableClock;
  let sockets: Socket[] = [];
  const here = zonePoint(0);
  let storeId: number;
  let storePhone: string;
  let staff: string;
  const courierAuth = new Map<number, string>();
  const customers = new Map<number, string>();
  /** Each planned order's stop and courier. */
  let stops: Array<{ orderId: number; stopId: number; courierId: number }> = [];

  const act = (courierId: number, stopId: number, action: string, body: object) =>
    t.http
      .post(`/api/v1/courier/stops/${stopId}/${action}`)
      .set('Authorization', courierAuth.get(courierId)!)
      .send(body);
  const deliver = (s: (typeof stops)[number], code: string) =>
    act(s.courierId, s.stopId, 'deliver', { clientEventId: key('ev'), proof: { type: 'code', code } });
  const orderOf = async (orderId: number) =>
    (await t.http.get(`/api/v1/orders/${orderId}`).set('Authorization', customers.get(orderId)!).expect(200))
      .body as Order;
  const wrongFor = (code: string) => String((Number(code) + 1) % 10_000).padStart(4, '0');
  const stopInRoute = async (s: (typeof stops)[number]) =>
    (
      (
        await t.http
          .get('/api/v1/courier/route')
          .query({ date: DAY })
          .set('Authorization', courierAuth.get(s.courierId)!)
          .expect(200)
      ).body as CourierRoute
    ).stops.find((x) => x.stopId === s.stopId)!;
  const upload = (type: string, bytes: Buffer, courierId = stops[0].courierId) =>
    t.http
      .post('/api/v1/courier/uploads')
      .set('Authorization', courierAuth.get(courierId)!)
      .set('Content-Type', type)
      .send(bytes);

  beforeAll(async () => {
    clock = new MutableClock(new Date(MORNING));
    t = await startTestApp(target, { clock, listen: true, env: { JOBS_INTERVAL_S: '0' } });
    const store = (
      await t.container.db.query('SELECT id, phone FROM stores WHERE code = ?', [here.storeCode])
    )[0];
    storeId = store.id;
    storePhone = store.phone;
    staff = `Bearer ${(await t.login('staff', { storeId })).token}`;
    const couriers = (await t.container.db.query('SELECT id FROM couriers WHERE store_id = ?', [
      storeId,
    ])) as Array<{
      id: number;
    }>;
    for (const c of couriers)
      courierAuth.set(c.id, `Bearer ${(await t.login('courier', { courierId: c.id })).token}`);
    const productId = (
      await t.container.db.getRepository(StockEntity).find({ where: { storeId }, order: { id: 'ASC' } })
    ).find((s) => s.quantity >= 20)!.productId;
    for (let n = 0; n < 4; n++) {
      const auth = `Bearer ${(await t.login('consumer', { openid: `code-${target.name}-${n}` })).token}`;
      const p = destinationPoint({ lat: here.lat - 0.0045, lng: here.lng }, 400 + 150 * n, n * 90);
      const slots = (
        await t.http
          .get('/api/v1/slots')
          .query({ lat: p.lat, lng: p.lng, date: DAY })
          .set('Authorization', auth)
      ).body as SlotsResponse;
      const order = (
        await t.http
          .post('/api/v1/orders')
          .set('Authorization', auth)
          .set('Idempotency-Key', key('c'))
          .send({
            type: 'delivery',
            slotId: slots.slots[0].id,
            address: address(p),
            items: [{ productId, quantity: 1 }],
          })
          .expect(201)
      ).body as Order;
      await t.http.post(`/api/v1/dev/mock-pay/${order.id}`).set('Authorization', auth).expect(200);
      customers.set(order.id, auth);
    }
    const plan = (
      await t.http.post('/api/v1/dispatch/plan').set('Authorization', staff).send({ date: DAY }).expect(200)
    ).body as DispatchPlan;
    stops = plan.routes.flatMap((r) =>
      r.stops.map((s) => ({ orderId: s.orderId, stopId: s.stopId, courierId: r.courierId })),
    );
    expect(stops).toHaveLength(4);
    clock.set(AT_1030);
  }, 120_000);
  afterEach(() => {
    for (const s of sockets) s.disconnect();
    sockets = [];
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts wrong codes, locks after 5, refuses even the right code then, and alerts the store', async () => {
    const s = stops[0];
    const code = (await orderOf(s.orderId)).deliveryCode!;
    const staffSocket = await connectSocket(t.base, staff.slice(7));
    sockets.push(staffSocket);
    const alerts = collect<LbsEvent>(staffSocket, 'lbs:event');
    const customerSocket = await connectSocket(t.base, customers.get(s.orderId)!.slice(7));
    sockets.push(customerSocket);
    const updates = collect<OrderUpdatedEvent>(customerSocket, 'order:updated');
    await act(s.courierId, s.stopId, 'arrive', { clientEventId: key('ev') }).expect(200);

    const left: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await deliver(s, wrongFor(code)).expect(422);
      expect(res.body.error.code).toBe('DELIVERY_CODE_INVALID');
      left.push(res.body.error.details.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1]);
    expect(alerts).toEqual([]);
    expect((await stopInRoute(s)).codeAttemptsLeft).toBe(1);

    const alerted = nextEvent<LbsEvent>(staffSocket, 'lbs:event');
    const fifth = await deliver(s, wrongFor(code)).expect(422);
    expect(fifth.body.error).toMatchObject({
      code: 'DELIVERY_CODE_INVALID',
      details: { attemptsLeft: 0, storePhone },
    });
    expect(await alerted).toMatchObject({
      kind: 'DELIVERY_CODE_LOCKED',
      storeId,
      status: 'open',
      order: { id: s.orderId },
    });

    const sixth = await deliver(s, code).expect(423);
    expect(sixth.body.error).toMatchObject({
      code: 'DELIVERY_CODE_LOCKED',
      details: { attemptsLeft: 0, storePhone },
    });
    expect(sixth.body.error.message).toContain('联系门店');
    expect((await orderOf(s.orderId)).status).toBe('out_for_delivery');
    expect(await stopInRoute(s)).toMatchObject({ status: 'arrived', codeAttemptsLeft: 0 });

    const inbox = (
      await t.http
        .get('/api/v1/staff/events')
        .query({ status: 'active' })
        .set('Authorization', staff)
        .expect(200)
    ).body as { items: LbsEvent[] };
    expect(
      inbox.items.filter((e) => e.kind === 'DELIVERY_CODE_LOCKED' && e.order?.id === s.orderId),
    ).toHaveLength(1);
    expect(inbox.items.find((e) => e.kind === 'DELIVERY_CODE_LOCKED')!.title).toContain('收货码');

    // Locked is not stuck: the courier can still record the failed delivery.
    const failedPush = new Promise<void>((ok) =>
      customerSocket.on('order:updated', (e: OrderUpdatedEvent) => {
        if (e.orderId === s.orderId && e.status === 'delivery_failed') ok();
      }),
    );
    const failed = await act(s.courierId, s.stopId, 'fail', {
      clientEventId: key('ev'),
      reason: '收货码多次错误',
    }).expect(200);
    expect(failed.body.stop).toMatchObject({ status: 'failed', orderStatus: 'delivery_failed' });
    await failedPush;
    expect(updates.filter((u) => u.orderId === s.orderId).map((u) => u.status)).toEqual([
      'out_for_delivery',
      'delivery_failed',
    ]);
  });

  it('counts concurrent wrong codes exactly: 5 answers with distinct attempts left, the rest locked', async () => {
    const s = stops[1];
    const code = (await orderOf(s.orderId)).deliveryCode!;
    const answers = await Promise.all(Array.from({ length: 8 }, () => deliver(s, wrongFor(code))));
    const invalid = answers.filter((r) => r.status === 422);
    const locked = answers.filter((r) => r.status === 423);
    expect(invalid.map((r) => r.body.error.details.attemptsLeft).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(locked).toHaveLength(3);
    for (const r of locked) expect(r.body.error.code).toBe('DELIVERY_CODE_LOCKED');
    const row = await t.container.db.getRepository(OrderEntity).findOneByOrFail({ id: s.orderId });
    expect(row.deliveryCodeFailures).toBe(5);
    expect(
      await t.container.db
        .getRepository(LbsEventEntity)
        .countBy({ orderId: s.orderId, kind: 'DELIVERY_CODE_LOCKED' }),
    ).toBe(1);
    await deliver(s, code).expect(423);
  });

  it('delivers with the right code after a few wrong ones and tells the customer', async () => {
    const s = stops[2];
    const order = await orderOf(s.orderId);
    const socket = await connectSocket(t.base, customers.get(s.orderId)!.slice(7));
    sockets.push(socket);
    const delivered = new Promise<OrderUpdatedEvent>((ok) =>
      socket.on('order:updated', (e: OrderUpdatedEvent) => {
        if (e.orderId === s.orderId && e.status === 'delivered') ok(e);
      }),
    );
    await deliver(s, wrongFor(order.deliveryCode!)).expect(422);
    const done = await deliver(s, order.deliveryCode!).expect(200);
    expect(done.body.stop).toMatchObject({ status: 'delivered', codeAttemptsLeft: 4 });
    expect(await delivered).toMatchObject({ statusText: '已送达' });
  });

  it('takes a JPEG proof photo and refuses non-images and oversized files with a code', async () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4096, 7)]);
    expect((await upload('image/jpeg', jpeg).expect(201)).body.sizeBytes).toBe(jpeg.length);

    const text = Buffer.from('not a photo at all, just text pretending to be one');
    expect((await upload('text/plain', text).expect(415)).body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    // The declared type is not trusted: the bytes must start like a JPEG / PNG.
    expect((await upload('image/jpeg', text).expect(415)).body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(512)]);
    expect((await upload('image/png', gif).expect(415)).body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const huge = Buffer.concat([jpeg, Buffer.alloc(30 * 1024 * 1024)]);
    const big = await upload('image/jpeg', huge);
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');

    // Without a Content-Length (chunked) the limit is enforced while reading.
    const chunks = Readable.from(
      (function* () {
        yield jpeg;
        for (let i = 0; i < 12; i++) yield Buffer.alloc(256 * 1024);
      })(),
    );
    const chunked = await new Promise<{ status: number; body: string }>((ok, fail) => {
      const req = request(
        `${t.base}/api/v1/courier/uploads`,
        {
          method: 'POST',
          headers: {
            Authorization: courierAuth.get(stops[0].courierId)!,
            'Content-Type': 'image/jpeg',
            'Transfer-Encoding': 'chunked',
          },
        },
        (res: IncomingMessage) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', fail);
      chunks.pipe(req);
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
