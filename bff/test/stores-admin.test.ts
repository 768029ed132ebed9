import type {
  AdminOrderRefundResponse,
  AdminSlotOverrideResponse,
  AdminStore,
  AuditListResponse,
  NearbyStoresResponse,
  Order,
  SlotsResponse,
} from '@omni/shared-types';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { RefundEntity } from '../src/modules/payments/refund.entity';
import { ZoneEntity } from '../src/modules/slots/slot.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { DAY, MORNING, MutableClock, address, key, zonePoint } from './fixtures';

/** Tuesday 2026-12-01 is DAY; the next day is a Wednesday. */
const WEDNESDAY = '2026-12-02';
const THURSDAY = '2026-12-03';
const FRIDAY = '2026-12-04';

describe.each(DB_TARGETS)(
  'stores, slot templates, overrides and orders in the back office on $name',
  (target) => {
    let t: TestApp;
    let admin: string;
    let managerA: string;
    let alice: string;
    let zoneA: ZoneEntity;
    let zoneB: ZoneEntity;
    const here = zonePoint(0);

    const as = (auth: string) => ({
      get: (path: string) => t.http.get(`/api/v1${path}`).set('Authorization', auth),
      post: (path: string, body: object = {}) =>
        t.http.post(`/api/v1${path}`).set('Authorization', auth).send(body),
      patch: (path: string, body: object) =>
        t.http.patch(`/api/v1${path}`).set('Authorization', auth).send(body),
      delete: (path: string) => t.http.delete(`/api/v1${path}`).set('Authorization', auth),
    });
    const audit = async (entity: string, entityId: number) =>
      (
        (await as(admin).get(`/admin/audit?entity=${entity}&entityId=${entityId}`).expect(200))
          .body as AuditListResponse
      ).items;
    const productIn = async (storeId: number) =>
      (await t.container.db.getRepository(StockEntity).findBy({ storeId })).find((s) => s.quantity >= 10)!
        .productId;
    const pickup = (storeId: number, productId: number, quantity = 1) =>
      as(alice)
        .post('/orders', { type: 'pickup', storeId, items: [{ productId, quantity }] })
        .set('Idempotency-Key', key('sa'));
    const paidPickup = async (storeId: number, quantity = 1): Promise<Order> => {
      const o = (await pickup(storeId, await productIn(storeId), quantity).expect(201)).body as Order;
      await as(alice).post(`/orders/${o.id}/pay`).expect(200);
      t.container.mocks.pay!.buildNotify(o.orderNo);
      return (await as(alice).post(`/orders/${o.id}/pay/confirm`).expect(200)).body as Order;
    };
    const slotsOn = async (date: string) =>
      (await as(alice).get(`/slots?lat=${here.lat}&lng=${here.lng}&date=${date}`).expect(200))
        .body as SlotsResponse;

    beforeAll(async () => {
      t = await startTestApp(target, {
        clock: new MutableClock(new Date(MORNING)),
        env: { JOBS_INTERVAL_S: '0' },
      });
      await t.container.services.adminUsers.createOrReset({
        username: 'ops-boss',
        password: 'ops-pass-1234',
        role: 'admin',
      });
      const login = await t.http
        .post('/api/v1/admin/auth/login')
        .send({ username: 'ops-boss', password: 'ops-pass-1234' })
        .expect(200);
      admin = `Bearer ${login.body.token as string}`;
      const zones = await t.container.db.getRepository(ZoneEntity).find({ order: { id: 'ASC' } });
      [zoneA, zoneB] = [zones[0], zones.find((z) => z.storeId !== zones[0].storeId)!];
      managerA = `Bearer ${(await t.login('store_manager', { storeId: zoneA.storeId, openid: 'sa-mgr-a' })).token}`;
      alice = `Bearer ${(await t.login('consumer', { openid: 'sa-alice' })).token}`;
    });
    afterAll(async () => {
      await t.close();
    });

    it('creates, finds and edits a store with versions, refusing a stale one with the current record, all audited', async () => {
      const body = {
        code: 'SH-PD-99',
        name: '浦东测试店',
        district: '浦东新区',
        address: '上海市浦东新区测试大道 99 号',
        phone: '021-00000099',
        lat: 31.22,
        lng: 121.54,
        hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '21:00' })),
        closedDates: ['2026-12-25'],
      };
      const created = (await as(admin).post('/admin/stores', body).expect(201)).body as AdminStore;
      expect(created).toMatchObject({
        code: 'SH-PD-99',
        pickup: true,
        closedDates: ['2026-12-25'],
        version: 1,
      });
      expect((await as(admin).post('/admin/stores', body).expect(409)).body.error.code).toBe(
        'STORE_CODE_TAKEN',
      );
      const found = await as(admin).get('/admin/stores?q=浦东测试').expect(200);
      expect(found.body.items.map((s: AdminStore) => s.id)).toEqual([created.id]);

      const patched = await as(admin)
        .patch(`/admin/stores/${created.id}`, { version: 1, phone: '021-11111111', closedDates: [] })
        .expect(200);
      expect(patched.body).toMatchObject({ phone: '021-11111111', closedDates: [], version: 2 });
      const stale = await as(admin)
        .patch(`/admin/stores/${created.id}`, { version: 1, name: '旧名' })
        .expect(409);
      expect(stale.body.error.code).toBe('VERSION_CONFLICT');
      expect(stale.body.error.details.current).toMatchObject({
        id: created.id,
        version: 2,
        phone: '021-11111111',
      });

      const bad = await as(admin)
        .post('/admin/stores', { ...body, code: 'SH-BAD', lat: 95 })
        .expect(400);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
      const entries = await audit('store', created.id);
      expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
      expect(entries[0].before).toEqual({ phone: '021-00000099', closedDates: ['2026-12-25'] });
    });

    it('takes a store with pickup off or closed today out of pickup, at once', async () => {
      const storeId = zoneA.storeId;
      const productId = await productIn(storeId);
      const nearby = async () =>
        (
          (
            await t.http
              .get(`/api/v1/stores/nearby?lat=${here.lat}&lng=${here.lng}&service=pickup&limit=20`)
              .expect(200)
          ).body as NearbyStoresResponse
        ).items.map((s) => s.id);
      expect(await nearby()).toContain(storeId);
      const cur = (await as(admin).get(`/admin/stores/${storeId}`).expect(200)).body as AdminStore;
      await as(managerA)
        .patch(`/admin/stores/${storeId}`, { version: cur.version, pickup: false })
        .expect(200);
      expect(await nearby()).not.toContain(storeId);
      expect((await pickup(storeId, productId).expect(422)).body.error.code).toBe('STORE_NOT_FOUND');

      await as(managerA)
        .patch(`/admin/stores/${storeId}`, { version: cur.version + 1, pickup: true, closedDates: [DAY] })
        .expect(200);
      expect((await pickup(storeId, productId).expect(422)).body.error.code).toBe('STORE_CLOSED_TODAY');
      await as(managerA)
        .patch(`/admin/stores/${storeId}`, { version: cur.version + 2, closedDates: [] })
        .expect(200);
      await pickup(storeId, productId).expect(201);
    });

    it("scopes a store manager to its own store's record and fields", async () => {
      const list = await as(managerA).get('/admin/stores').expect(200);
      expect(list.body.items.map((s: AdminStore) => s.id)).toEqual([zoneA.storeId]);
      await as(managerA).get(`/admin/stores/${zoneB.storeId}`).expect(404);
      await as(managerA).patch(`/admin/stores/${zoneB.storeId}`, { version: 1, pickup: false }).expect(404);
      const own = (await as(managerA).get(`/admin/stores/${zoneA.storeId}`).expect(200)).body as AdminStore;
      await as(managerA).patch(`/admin/stores/${own.id}`, { version: own.version, name: '改名' }).expect(403);
      await as(managerA).post('/admin/stores', { code: 'X1' }).expect(403);
    });

    it('gives a weekday template slots only on that weekday and refuses overlaps and bad times', async () => {
      const made = await as(managerA)
        .post('/admin/slot-templates', {
          zoneId: zoneA.id,
          weekday: 3,
          startLocal: '22:00',
          endLocal: '23:00',
          capacity: 4,
        })
        .expect(201);
      expect(made.body).toMatchObject({ weekday: 3, capacity: 4, version: 1 });
      expect((await slotsOn(DAY)).slots.map((s) => s.label)).not.toContain('22:00-23:00');
      expect((await slotsOn(WEDNESDAY)).slots.map((s) => s.label)).toContain('22:00-23:00');

      const overlap = await as(admin)
        .post('/admin/slot-templates', {
          zoneId: zoneA.id,
          startLocal: '21:00',
          endLocal: '22:30',
          capacity: 2,
        })
        .expect(409);
      expect(overlap.body.error.code).toBe('SLOT_TEMPLATE_OVERLAP');
      await as(admin)
        .post('/admin/slot-templates', {
          zoneId: zoneA.id,
          startLocal: '23:00',
          endLocal: '22:00',
          capacity: 2,
        })
        .expect(400);
      await as(admin)
        .post('/admin/slot-templates', {
          zoneId: zoneA.id,
          startLocal: '23:00',
          endLocal: '23:30',
          capacity: -1,
        })
        .expect(400);
      await as(managerA)
        .post('/admin/slot-templates', {
          zoneId: zoneB.id,
          startLocal: '22:00',
          endLocal: '23:00',
          capacity: 1,
        })
        .expect(404);

      const moved = await as(admin)
        .patch(`/admin/slot-templates/${made.body.id}`, { version: 1, weekday: 2 })
        .expect(200);
      expect(moved.body.version).toBe(2);
      expect((await slotsOn(WEDNESDAY)).slots.map((s) => s.label)).not.toContain('22:00-23:00');
      expect((await slotsOn(DAY)).slots.map((s) => s.label)).toContain('22:00-23:00');
      const stale = await as(admin)
        .patch(`/admin/slot-templates/${made.body.id}`, { version: 1, capacity: 9 })
        .expect(409);
      expect(stale.body.error.details.current).toMatchObject({ weekday: 2, version: 2 });
      expect((await audit('slot_template', made.body.id)).map((e) => e.action)).toEqual(['update', 'create']);
    });

    it('keeps a booking when the capacity override falls below what is booked, and the slot shows full', async () => {
      const slot = (await slotsOn(DAY)).slots.find((s) => s.label === '14:00-16:00')!;
      const productId = await productIn(zoneA.storeId);
      const o = (
        await as(alice)
          .post('/orders', {
            type: 'delivery',
            slotId: slot.id,
            address: address(here),
            items: [{ productId, quantity: 1 }],
          })
          .set('Idempotency-Key', key('cap'))
          .expect(201)
      ).body as Order;
      const res = await as(managerA)
        .post('/admin/slot-overrides', {
          kind: 'capacity',
          zoneId: zoneA.id,
          date: DAY,
          startLocal: '14:00',
          capacity: 0,
        })
        .expect(201);
      const body = res.body as AdminSlotOverrideResponse;
      expect(body.bookedKept).toBe(1);
      expect(body.affectedSlots).toEqual([{ slotId: slot.id, capacity: 0, booked: 1, full: true }]);
      expect(body.message).toContain('不会被取消');
      const after = (await slotsOn(DAY)).slots.find((s) => s.id === slot.id)!;
      expect(after).toMatchObject({ bookable: false, reason: 'FULL', remaining: 0 });
      const still = (await as(alice).get(`/orders/${o.id}`).expect(200)).body as Order;
      expect(still).toMatchObject({ status: 'pending_payment', slot: { id: slot.id } });
      const listed = await as(managerA).get(`/admin/slot-overrides?zoneId=${zoneA.id}`).expect(200);
      expect(listed.body.items).toContainEqual(
        expect.objectContaining({ kind: 'capacity', capacity: 0, date: DAY }),
      );
    });

    it("takes a blacked-out day out of the consumer's bookable slots, even once they were generated", async () => {
      expect((await slotsOn(THURSDAY)).slots.some((s) => s.bookable)).toBe(true);
      const res = await as(managerA)
        .post('/admin/slot-overrides', {
          kind: 'blackout',
          zoneId: zoneA.id,
          date: THURSDAY,
          reason: '道路封闭',
        })
        .expect(201);
      expect(res.body.override).toMatchObject({ kind: 'blackout', zoneId: zoneA.id, date: THURSDAY });
      const day = await slotsOn(THURSDAY);
      expect(day.slots.length).toBeGreaterThan(0);
      expect(day.slots.filter((s) => s.bookable)).toEqual([]);
      expect(new Set(day.slots.map((s) => s.reason))).toEqual(new Set(['BLACKOUT']));
      await as(managerA)
        .post('/admin/slot-overrides', { kind: 'blackout', zoneId: null, date: THURSDAY, reason: '全城停运' })
        .expect(403);
      await as(managerA)
        .post('/admin/slot-overrides', { kind: 'blackout', zoneId: zoneB.id, date: THURSDAY, reason: 'x' })
        .expect(404);
      expect((await audit('slot_blackout', res.body.override.id)).map((e) => e.action)).toEqual(['create']);
    });

    it('lifts a blackout and a capacity override: the day is bookable again, template seats back, audited', async () => {
      const black = await as(managerA)
        .post('/admin/slot-overrides', {
          kind: 'blackout',
          zoneId: zoneA.id,
          date: FRIDAY,
          reason: '临时停运',
        })
        .expect(201);
      expect((await slotsOn(FRIDAY)).slots.filter((s) => s.bookable)).toEqual([]);
      const cap = await as(managerA)
        .post('/admin/slot-overrides', {
          kind: 'capacity',
          zoneId: zoneA.id,
          date: FRIDAY,
          startLocal: '14:00',
          capacity: 1,
        })
        .expect(201);
      await as(managerA).delete(`/admin/slot-overrides/blackout/${black.body.override.id}`).expect(200);
      const open = await slotsOn(FRIDAY);
      expect(open.slots.some((s) => s.bookable)).toBe(true);
      expect(open.slots.find((s) => s.label === '14:00-16:00')).toMatchObject({ capacity: 1 });
      const lifted = await as(managerA)
        .delete(`/admin/slot-overrides/capacity/${cap.body.override.id}`)
        .expect(200);
      const back = (lifted.body as AdminSlotOverrideResponse).affectedSlots[0];
      expect(back.capacity).toBeGreaterThan(1);
      expect((await slotsOn(FRIDAY)).slots.find((s) => s.label === '14:00-16:00')!.capacity).toBe(
        back.capacity,
      );
      await as(managerA).delete(`/admin/slot-overrides/capacity/${cap.body.override.id}`).expect(404);
      await as(managerA).delete(`/admin/slot-overrides/sideways/1`).expect(400);
      expect((await audit('slot_blackout', black.body.override.id)).map((e) => e.action)).toEqual([
        'delete',
        'create',
      ]);
      // Another store's manager cannot see it, let alone lift it; an every-zone blackout is the admin's.
      const all = await as(admin)
        .post('/admin/slot-overrides', { kind: 'blackout', zoneId: null, date: FRIDAY, reason: '全城停运' })
        .expect(201);
      await as(managerA).delete(`/admin/slot-overrides/blackout/${all.body.override.id}`).expect(403);
      const zoneOnly = await as(managerA)
        .post('/admin/slot-overrides', {
          kind: 'blackout',
          zoneId: zoneA.id,
          date: FRIDAY,
          reason: '道路施工',
        })
        .expect(201);
      await as(admin).delete(`/admin/slot-overrides/blackout/${zoneOnly.body.override.id}`).expect(200);
      // The every-zone blackout still covers the day.
      expect((await slotsOn(FRIDAY)).slots.filter((s) => s.bookable)).toEqual([]);
      await as(admin).delete(`/admin/slot-overrides/blackout/${all.body.override.id}`).expect(200);
      expect((await slotsOn(FRIDAY)).slots.some((s) => s.bookable)).toBe(true);
    });

    it("cancels and refunds through the order lifecycle and refund records, within the manager's store", async () => {
      const o = await paidPickup(zoneA.storeId);
      const other = await paidPickup(zoneB.storeId);
      const mine = await as(managerA).get(`/admin/orders?storeId=${zoneB.storeId}&date=${DAY}`).expect(200);
      expect(mine.body.items.map((x: Order) => x.storeId)).toEqual(mine.body.items.map(() => zoneA.storeId));
      expect(mine.body.items.map((x: Order) => x.id)).toContain(o.id);
      await as(managerA).get(`/admin/orders/${other.id}`).expect(404);
      await as(managerA).post(`/admin/orders/${other.id}/cancel`).expect(404);
      const paidList = await as(admin).get(`/admin/orders?status=paid&storeId=${zoneB.storeId}`).expect(200);
      expect(paidList.body.items.map((x: Order) => x.id)).toEqual([other.id]);

      const cancelled = await as(admin).post(`/admin/orders/${o.id}/cancel`, { reason: '缺货' }).expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled' });
      const refunds = await t.container.db.getRepository(RefundEntity).findBy({ orderId: o.id });
      expect(refunds.map((r) => [r.amountFen, r.requestedByType])).toEqual([[o.totalFen, 'admin']]);
      await as(admin).post(`/admin/orders/${o.id}/cancel`).expect(409);
      expect((await audit('order', o.id)).map((e) => e.action)).toEqual(['cancel']);

      const two = await paidPickup(zoneA.storeId, 2);
      const line = { productId: two.items[0].productId, quantity: 1 };
      const wrong = await as(managerA)
        .post(`/admin/orders/${two.id}/refund`, { reason: '少发一件', lines: [line], amountFen: 1 })
        .expect(422);
      expect(wrong.body.error).toMatchObject({
        code: 'REFUND_AMOUNT_MISMATCH',
        details: { expectedFen: two.items[0].priceFen },
      });
      expect(await t.container.db.getRepository(RefundEntity).countBy({ orderId: two.id })).toBe(0);
      const part = await as(managerA)
        .post(`/admin/orders/${two.id}/refund`, {
          reason: '少发一件',
          lines: [line],
          amountFen: two.items[0].priceFen,
        })
        .expect(200);
      const r = part.body as AdminOrderRefundResponse;
      expect(r.refund).toMatchObject({
        amountFen: two.items[0].priceFen,
        status: 'pending',
        requestedBy: { type: 'staff' },
      });
      expect(r.order.status).toBe('paid');
      const rest = await as(admin).post(`/admin/orders/${two.id}/refund`, { reason: '整单退' }).expect(200);
      expect((rest.body as AdminOrderRefundResponse).order.status).toBe('cancelled');
      expect((rest.body as AdminOrderRefundResponse).refund.amountFen).toBe(
        two.totalFen - two.items[0].priceFen,
      );
      const again = await as(admin).post(`/admin/orders/${two.id}/refund`, { reason: '再退' }).expect(409);
      expect(again.body.error.code).toBe('INVALID_STATE'); // cancelled: nothing left to give back
      expect((await audit('order', two.id)).map((e) => e.action)).toEqual(['refund', 'refund']);
    });
  },
);
