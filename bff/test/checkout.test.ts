import type { Order, SlotsResponse } from '@omni/shared-types';
import { SlotEntity } from '../src/modules/slots/slot.entity';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { OrderEntity } from '../src/modules/orders/order.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { DAY, MORNING, MutableClock, address, key, zonePoint } from './fixtures';

describe.each(DB_TARGETS)('checkout on $name', (target) => {
  let t: TestApp;
  let clock: MutableClock;
  let alice: string;
  let bob: string;
  const here = zonePoint(0);
  const elsewhere = zonePoint(3);

  const slotsAt = async (p: { lat: number; lng: number }, date = DAY): Promise<SlotsResponse> =>
    (
      await t.http
        .get('/api/v1/slots')
        .query({ lat: p.lat, lng: p.lng, date })
        .set('Authorization', alice)
        .expect(200)
    ).body;
  const stockOf = async (storeId: number, productId: number) =>
    (await t.container.db.getRepository(StockEntity).findOneByOrFail({ storeId, productId })).quantity;
  const seatsOf = async (slotId: number) =>
    (await t.container.db.getRepository(SlotEntity).findOneByOrFail({ id: slotId })).booked;
  const inStock = async (storeId: number, min = 5): Promise<number> =>
    (await t.container.db.getRepository(StockEntity).find({ where: { storeId }, order: { id: 'ASC' } })).find(
      (s) => s.quantity >= min,
    )!.productId;
  const order = (k: string, body: object, who = alice) =>
    t.http.post('/api/v1/orders').set('Authorization', who).set('Idempotency-Key', k).send(body);

  beforeAll(async () => {
    clock = new MutableClock(new Date(MORNING));
    t = await startTestApp(target, { clock, env: { JOBS_INTERVAL_S: '0' } });
    alice = `Bearer ${(await t.login('consumer', { openid: 'alice' })).token}`;
    bob = `Bearer ${(await t.login('consumer', { openid: 'bob' })).token}`;
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => clock.set(MORNING));

  it('lists the zone slots of a day with seats, fee and cut-off', async () => {
    const res = await slotsAt(here);
    expect(res.zone.feeFen).toBeGreaterThan(0);
    expect(res.slots.map((s) => s.label)).toEqual([
      '10:00-12:00',
      '12:00-14:00',
      '14:00-16:00',
      '16:00-18:00',
      '18:00-20:00',
      '20:00-22:00',
    ]);
    expect(res.slots[0]).toMatchObject({ startAt: '2026-12-01T02:00:00.000Z', bookable: true, reason: null });
    clock.set('2026-12-01T01:30:00.000Z'); // 09:30, the 10:00 slot closed at 09:00
    const later = await slotsAt(here);
    expect(later.slots[0]).toMatchObject({ bookable: false, reason: 'CUTOFF_PASSED' });
    expect(later.slots[1].bookable).toBe(true);
  });

  it('rejects points outside every zone and dates outside the booking window', async () => {
    const out = await t.http
      .get('/api/v1/slots')
      .query({ lat: 39.9, lng: 116.4, date: DAY })
      .set('Authorization', alice)
      .expect(422);
    expect(out.body.error.code).toBe('OUT_OF_DELIVERY_AREA');
    const past = await t.http
      .get('/api/v1/slots')
      .query({ lat: here.lat, lng: here.lng, date: '2026-11-30' })
      .set('Authorization', alice)
      .expect(400);
    expect(past.body.error.details.fields[0].path).toBe('date');
    await t.http
      .get('/api/v1/slots')
      .query({ lat: 'abc', lng: here.lng })
      .set('Authorization', alice)
      .expect(400);
    await t.http
      .get('/api/v1/slots')
      .query({ lat: here.lat, lng: here.lng, date: '2026-02-30' })
      .set('Authorization', alice)
      .expect(400);
    await t.http.get('/api/v1/slots').query({ lat: here.lat, lng: here.lng }).expect(401);
  });

  it('places a delivery order priced by the server, holding stock and a seat', async () => {
    const { zone, slots } = await slotsAt(here);
    const productId = await inStock(zone.storeId);
    const [stockBefore, seatsBefore] = [await stockOf(zone.storeId, productId), await seatsOf(slots[2].id)];
    const res = await order(key(), {
      type: 'delivery',
      slotId: slots[2].id,
      address: address(here),
      items: [{ productId, quantity: 2, priceFen: 1 }],
      totalFen: 1,
    }).expect(201);
    const o = res.body as Order;
    expect(o).toMatchObject({
      status: 'pending_payment',
      statusText: '待支付',
      storeId: zone.storeId,
      type: 'delivery',
    });
    expect(o.orderNo).toMatch(/^20261201\d{8}$/);
    expect(o.items[0].priceFen).toBeGreaterThan(1);
    expect(o.totalFen).toBe(o.itemsTotalFen + o.deliveryFeeFen);
    expect(o.slot?.label).toBe('14:00-16:00');
    expect(o.timeline.map((e) => e.status)).toEqual(['pending_payment']);
    expect(await stockOf(zone.storeId, productId)).toBe(stockBefore - 2);
    expect(await seatsOf(slots[2].id)).toBe(seatsBefore + 1);
  });

  it('answers a retried key with the same order and a changed body with 409', async () => {
    const { slots, zone } = await slotsAt(here);
    const productId = await inStock(zone.storeId);
    const body = {
      type: 'delivery',
      slotId: slots[3].id,
      address: address(here),
      items: [{ productId, quantity: 1 }],
    };
    const k = key();
    const first = await order(k, body).expect(201);
    const stock = await stockOf(zone.storeId, productId);
    const again = await order(k, body).expect(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await stockOf(zone.storeId, productId)).toBe(stock);
    const changed = await order(k, { ...body, items: [{ productId, quantity: 2 }] }).expect(409);
    expect(changed.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // The key belongs to one user: bob may use the same string for his own order.
    await order(k, body, bob).expect(201);
    const missing = await t.http.post('/api/v1/orders').set('Authorization', alice).send(body).expect(400);
    expect(missing.body.error.code).toBe('IDEMPOTENCY_KEY_MISSING');
  });

  it('refuses bad lines and bad slots and changes nothing', async () => {
    const { slots, zone } = await slotsAt(here);
    const other = await slotsAt(elsewhere);
    const productId = await inStock(zone.storeId);
    const stock = await stockOf(zone.storeId, productId);
    const seats = await seatsOf(slots[4].id);
    const base = { type: 'delivery', slotId: slots[4].id, address: address(here) };
    for (const quantity of [0, -1, 1.5, 1e9, '2']) {
      await order(key(), { ...base, items: [{ productId, quantity }] }).expect(400);
    }
    const dup = await order(key(), {
      ...base,
      items: [
        { productId, quantity: 1 },
        { productId, quantity: 1 },
      ],
    }).expect(400);
    expect(dup.body.error.details.fields[0].path).toBe('items.1.productId');
    const unknown = await order(key(), { ...base, items: [{ productId: 999999, quantity: 1 }] }).expect(422);
    expect(unknown.body.error.code).toBe('PRODUCT_NOT_FOUND');
    const limit = await order(key(), { ...base, items: [{ productId, quantity: 500 }] }).expect(422);
    expect(limit.body.error.code).toBe('QUANTITY_LIMIT');
    const noSlot = await order(key(), {
      ...base,
      slotId: 999999,
      items: [{ productId, quantity: 1 }],
    }).expect(422);
    expect(noSlot.body.error.code).toBe('SLOT_NOT_FOUND');
    const mismatch = await order(key(), {
      ...base,
      slotId: other.slots[4].id,
      items: [{ productId, quantity: 1 }],
    }).expect(422);
    expect(mismatch.body.error.code).toBe('SLOT_ZONE_MISMATCH');
    const far = await order(key(), {
      ...base,
      address: address({ lat: 39.9, lng: 116.4 }),
      items: [{ productId, quantity: 1 }],
    }).expect(422);
    expect(far.body.error.code).toBe('OUT_OF_DELIVERY_AREA');
    await order(key(), { ...base, items: [] }).expect(400);
    await order(key(), {
      ...base,
      address: { ...address(here), phone: '123' },
      items: [{ productId, quantity: 1 }],
    }).expect(400);
    await order('short', { ...base, items: [{ productId, quantity: 1 }] }).expect(400);
    expect(await stockOf(zone.storeId, productId)).toBe(stock);
    expect(await seatsOf(slots[4].id)).toBe(seats);
  });

  it('names every item that is short and keeps the others untouched', async () => {
    const { slots, zone } = await slotsAt(here);
    const rows = await t.container.db
      .getRepository(StockEntity)
      .find({ where: { storeId: zone.storeId }, order: { id: 'ASC' } });
    const plenty = rows.find((r) => r.quantity >= 3)!;
    const scarce = rows.find((r) => r.id !== plenty.id && r.quantity >= 1)!;
    await t.container.db.getRepository(StockEntity).update({ id: scarce.id }, { quantity: 1 });
    const seats = await seatsOf(slots[5].id);
    const res = await order(key(), {
      type: 'delivery',
      slotId: slots[5].id,
      address: address(here),
      items: [
        { productId: plenty.productId, quantity: 1 },
        { productId: scarce.productId, quantity: 2 },
      ],
    }).expect(409);
    expect(res.body.error.code).toBe('OUT_OF_STOCK');
    expect(res.body.error.details.items).toEqual([
      expect.objectContaining({ productId: scarce.productId, requested: 2, available: 1 }),
    ]);
    expect(await stockOf(zone.storeId, plenty.productId)).toBe(plenty.quantity);
    expect(await seatsOf(slots[5].id)).toBe(seats);
  });

  it('refuses a full slot and one past its cut-off', async () => {
    const { slots, zone } = await slotsAt(here);
    const productId = await inStock(zone.storeId);
    const slot = slots[1];
    await t.container.db
      .getRepository(SlotEntity)
      .update({ id: slot.id }, { capacity: await seatsOf(slot.id) });
    const full = await order(key(), {
      type: 'delivery',
      slotId: slot.id,
      address: address(here),
      items: [{ productId, quantity: 1 }],
    }).expect(409);
    expect(full.body.error.code).toBe('SLOT_FULL');
    clock.set('2026-12-01T05:30:00.000Z'); // 13:30, past the 14:00 slot's 13:00 cut-off
    const late = await order(key(), {
      type: 'delivery',
      slotId: slots[2].id,
      address: address(here),
      items: [{ productId, quantity: 1 }],
    }).expect(409);
    expect(late.body.error.code).toBe('SLOT_CUTOFF_PASSED');
  });

  it('places a pickup order at a store that offers pickup', async () => {
    const storeId = 1;
    const productId = await inStock(storeId);
    const res = await order(key(), { type: 'pickup', storeId, items: [{ productId, quantity: 1 }] }).expect(
      201,
    );
    expect(res.body).toMatchObject({ type: 'pickup', storeId, slot: null, deliveryFeeFen: 0 });
    const bad = await order(key(), {
      type: 'pickup',
      storeId: 9999,
      items: [{ productId, quantity: 1 }],
    }).expect(422);
    expect(bad.body.error.code).toBe('STORE_NOT_FOUND');
  });

  it('cancels once, giving stock and seat back exactly once', async () => {
    const { slots, zone } = await slotsAt(here);
    const productId = await inStock(zone.storeId);
    const stock = await stockOf(zone.storeId, productId);
    const seats = await seatsOf(slots[4].id);
    const o = (
      await order(key(), {
        type: 'delivery',
        slotId: slots[4].id,
        address: address(here),
        items: [{ productId, quantity: 3 }],
      }).expect(201)
    ).body as Order;
    await t.http.post(`/api/v1/orders/${o.id}/cancel`).set('Authorization', bob).send({}).expect(404);
    const [a, b] = await Promise.all([
      t.http.post(`/api/v1/orders/${o.id}/cancel`).set('Authorization', alice).send({ reason: '不想要了' }),
      t.http.post(`/api/v1/orders/${o.id}/cancel`).set('Authorization', alice).send({}),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await stockOf(zone.storeId, productId)).toBe(stock);
    expect(await seatsOf(slots[4].id)).toBe(seats);
    const detail = (await t.http.get(`/api/v1/orders/${o.id}`).set('Authorization', alice).expect(200))
      .body as Order;
    expect(detail.status).toBe('cancelled');
    expect(detail.timeline.map((e) => e.status)).toEqual(['pending_payment', 'cancelled']);
    expect(detail.actions).toEqual({ pay: false, cancel: false, reschedule: false });
  });

  it('reschedules by moving the seat, and refuses full or closed slots without losing the seat', async () => {
    const { slots, zone } = await slotsAt(here);
    const productId = await inStock(zone.storeId);
    const o = (
      await order(key(), {
        type: 'delivery',
        slotId: slots[3].id,
        address: address(here),
        items: [{ productId, quantity: 1 }],
      }).expect(201)
    ).body as Order;
    const [from, to] = [await seatsOf(slots[3].id), await seatsOf(slots[5].id)];
    const moved = await t.http
      .patch(`/api/v1/orders/${o.id}/slot`)
      .set('Authorization', alice)
      .send({ slotId: slots[5].id })
      .expect(200);
    expect(moved.body.slot.label).toBe('20:00-22:00');
    expect(await seatsOf(slots[3].id)).toBe(from - 1);
    expect(await seatsOf(slots[5].id)).toBe(to + 1);
    expect(moved.body.timeline.at(-1).reason).toContain('改约');

    await t.container.db
      .getRepository(SlotEntity)
      .update({ id: slots[4].id }, { capacity: await seatsOf(slots[4].id) });
    const full = await t.http
      .patch(`/api/v1/orders/${o.id}/slot`)
      .set('Authorization', alice)
      .send({ slotId: slots[4].id })
      .expect(409);
    expect(full.body.error.code).toBe('SLOT_FULL');
    expect(await seatsOf(slots[5].id)).toBe(to + 1);
    await t.http
      .patch(`/api/v1/orders/${o.id}/slot`)
      .set('Authorization', bob)
      .send({ slotId: slots[3].id })
      .expect(404);
    await t.container.db.getRepository(OrderEntity).update({ id: o.id }, { status: 'paid' });
    clock.set('2026-12-01T11:30:00.000Z'); // 19:30, past the 20:00 slot's cut-off
    const late = await t.http
      .patch(`/api/v1/orders/${o.id}/slot`)
      .set('Authorization', alice)
      .send({ slotId: slots[3].id })
      .expect(409);
    expect(late.body.error.code).toBe('SLOT_CUTOFF_PASSED');
  });

  it('expires unpaid orders after the payment window, releasing their holds', async () => {
    clock.advanceMin(16);
    await t.container.services.jobs.runDue(); // earlier tests' unpaid orders
    const { slots, zone } = await slotsAt(here);
    const productId = await inStock(zone.storeId);
    const stock = await stockOf(zone.storeId, productId);
    const seats = await seatsOf(slots[5].id);
    const o = (
      await order(key(), {
        type: 'delivery',
        slotId: slots[5].id,
        address: address(here),
        items: [{ productId, quantity: 1 }],
      }).expect(201)
    ).body as Order;
    const statusNow = async () =>
      ((await t.http.get(`/api/v1/orders/${o.id}`).set('Authorization', alice)).body as Order).status;
    clock.advanceMin(14);
    await t.container.services.jobs.runDue();
    expect(await statusNow()).toBe('pending_payment');
    clock.advanceMin(2);
    await t.container.services.jobs.runDue();
    await t.container.services.jobs.runDue();
    const detail = (await t.http.get(`/api/v1/orders/${o.id}`).set('Authorization', alice)).body as Order;
    expect(detail.status).toBe('cancelled');
    expect(detail.timeline.at(-1)).toMatchObject({ actor: 'system' });
    expect(await stockOf(zone.storeId, productId)).toBe(stock);
    expect(await seatsOf(slots[5].id)).toBe(seats);
  });

  it('shows an order to its owner and its store staff only', async () => {
    const { slots, zone } = await slotsAt(here);
    const productId = await inStock(zone.storeId);
    const o = (
      await order(key(), {
        type: 'delivery',
        slotId: slots[5].id,
        address: address(here),
        items: [{ productId, quantity: 1 }],
      }).expect(201)
    ).body as Order;
    await t.http.get(`/api/v1/orders/${o.id}`).set('Authorization', bob).expect(404);
    const staff = `Bearer ${(await t.login('staff', { storeId: zone.storeId })).token}`;
    const otherStaff = `Bearer ${(await t.login('staff', { storeId: zone.storeId === 1 ? 2 : 1 })).token}`;
    await t.http.get(`/api/v1/orders/${o.id}`).set('Authorization', staff).expect(200);
    await t.http.get(`/api/v1/orders/${o.id}`).set('Authorization', otherStaff).expect(404);
    const mine = (await t.http.get('/api/v1/orders').set('Authorization', alice).expect(200)).body;
    expect(mine.items.every((x: Order) => x.id !== undefined)).toBe(true);
    const bobs = (await t.http.get('/api/v1/orders').set('Authorization', bob).expect(200)).body;
    expect(bobs.items.map((x: Order) => x.id)).not.toContain(o.id);
    expect(mine.items.map((x: Order) => x.id)).toContain(o.id);
    const some = (
      await t.http
        .get('/api/v1/orders')
        .query({ status: 'cancelled,refunded', pageSize: 50 })
        .set('Authorization', alice)
        .expect(200)
    ).body;
    expect(some.items.length).toBeGreaterThan(0);
    expect(some.items.every((x: Order) => x.status === 'cancelled' || x.status === 'refunded')).toBe(true);
    await t.http.get('/api/v1/orders').query({ status: 'paid,lost' }).set('Authorization', alice).expect(400);
  });
});
