import type { AdminSlotGridResponse, AdminStore, SlotsResponse } from '@omni/shared-types';
import { SlotEntity, ZoneEntity } from '../src/modules/slots/slot.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { DAY, MORNING, MutableClock, zonePoint } from './fixtures';

/** DAY (2026-12-01) is a Tuesday. */
const THURSDAY = '2026-12-03';
const FRIDAY = '2026-12-04';
const SATURDAY = '2026-12-05';

describe.each(DB_TARGETS)('the back-office slot week grid on $name', (target) => {
  let t: TestApp;
  let admin: string;
  let managerA: string;
  let alice: string;
  let zoneA: ZoneEntity;
  let zoneB: ZoneEntity;
  const here = zonePoint(0);

  const as = (auth: string) => ({
    get: (path: string) => t.http.get(`/api/v1${path}`).set('Authorization', auth),
    post: (path: string, body: object) => t.http.post(`/api/v1${path}`).set('Authorization', auth).send(body),
    patch: (path: string, body: object) =>
      t.http.patch(`/api/v1${path}`).set('Authorization', auth).send(body),
  });
  const grid = async (query: string, auth = admin) =>
    (await as(auth).get(`/admin/slots?${query}`).expect(200)).body as AdminSlotGridResponse;

  beforeAll(async () => {
    t = await startTestApp(target, {
      clock: new MutableClock(new Date(MORNING)),
      env: { JOBS_INTERVAL_S: '0' },
    });
    await t.container.services.adminUsers.createOrReset({
      username: 'grid-boss',
      password: 'grid-pass-1234',
      role: 'admin',
    });
    const login = await t.http
      .post('/api/v1/admin/auth/login')
      .send({ username: 'grid-boss', password: 'grid-pass-1234' })
      .expect(200);
    admin = `Bearer ${login.body.token as string}`;
    const zones = await t.container.db.getRepository(ZoneEntity).find({ order: { id: 'ASC' } });
    zoneA = zones.find((z) => z.code === `Z-${here.storeCode}`)!;
    zoneB = zones.find((z) => z.storeId !== zoneA.storeId)!;
    managerA = `Bearer ${(await t.login('store_manager', { storeId: zoneA.storeId, openid: 'grid-mgr' })).token}`;
    alice = `Bearer ${(await t.login('consumer', { openid: 'grid-alice' })).token}`;
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows seven days from today with every template slot, projected without generating any day', async () => {
    const g = await grid(`zoneId=${zoneA.id}`);
    expect(g.storeId).toBe(zoneA.storeId);
    expect(g.from).toBe(DAY);
    expect(g.days.map((d) => d.date)).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
    ]);
    expect(g.days[0].weekday).toBe(2);
    expect(g.days[5].weekday).toBe(0);
    const tuesday = g.cells.filter((c) => c.date === DAY);
    expect(tuesday.map((c) => `${c.startLocal}-${c.endLocal}/${c.capacity}`)).toEqual([
      '10:00-12:00/8',
      '12:00-14:00/8',
      '14:00-16:00/8',
      '16:00-18:00/8',
      '18:00-20:00/10',
      '20:00-22:00/6',
    ]);
    expect(tuesday[0]).toMatchObject({ booked: 0, generated: false, slotId: null, blocked: false });
    // 10:00 Shanghai is 02:00 UTC; the seeded cut-off is 60 minutes before.
    expect(tuesday[0].cutoffAt).toBe('2026-12-01T01:00:00.000Z');
    expect(await t.container.db.getRepository(SlotEntity).countBy({ zoneId: zoneA.id })).toBe(0);
  });

  it('reports the booked seats of a generated day, and blackouts and capacity overrides of projected ones', async () => {
    const day = (await as(alice).get(`/slots?lat=${here.lat}&lng=${here.lng}&date=${DAY}`).expect(200))
      .body as SlotsResponse;
    const slot = day.slots.find((s) => s.label === '12:00-14:00')!;
    await t.container.db.getRepository(SlotEntity).update({ id: slot.id }, { booked: 5 });
    await as(managerA)
      .post('/admin/slot-overrides', {
        kind: 'blackout',
        zoneId: zoneA.id,
        date: THURSDAY,
        reason: '道路封闭',
      })
      .expect(201);
    await as(managerA)
      .post('/admin/slot-overrides', {
        kind: 'capacity',
        zoneId: zoneA.id,
        date: FRIDAY,
        startLocal: '18:00',
        capacity: 3,
      })
      .expect(201);

    const g = await grid(`zoneId=${zoneA.id}`, managerA);
    expect(g.cells.find((c) => c.date === DAY && c.startLocal === '12:00')).toMatchObject({
      slotId: slot.id,
      booked: 5,
      capacity: 8,
      generated: true,
    });
    const thursday = g.cells.filter((c) => c.date === THURSDAY);
    expect(thursday.length).toBe(6);
    expect(thursday.every((c) => c.blocked && c.blockReason === '道路封闭')).toBe(true);
    expect(g.cells.find((c) => c.date === FRIDAY && c.startLocal === '18:00')).toMatchObject({
      capacity: 3,
      overridden: true,
      generated: false,
    });
    expect(g.cells.find((c) => c.date === FRIDAY && c.startLocal === '20:00')).toMatchObject({
      capacity: 6,
      overridden: false,
    });
  });

  it("marks the store's closed dates and covers every zone of a store, from any start for up to 14 days", async () => {
    const store = (await as(admin).get(`/admin/stores/${zoneA.storeId}`).expect(200)).body as AdminStore;
    await as(admin)
      .patch(`/admin/stores/${store.id}`, { closedDates: [SATURDAY], version: store.version })
      .expect(200);
    const g = await grid(`storeId=${zoneA.storeId}&from=${THURSDAY}&days=3`);
    expect(g.days).toEqual([
      { date: THURSDAY, weekday: 4, storeClosed: false },
      { date: FRIDAY, weekday: 5, storeClosed: false },
      { date: SATURDAY, weekday: 6, storeClosed: true },
    ]);
    const zoneIds = (await t.container.db.getRepository(ZoneEntity).findBy({ storeId: zoneA.storeId })).map(
      (z) => z.id,
    );
    expect(g.zones.map((z) => z.id)).toEqual(zoneIds);
    expect(new Set(g.cells.map((c) => c.zoneId))).toEqual(new Set(zoneIds));
    expect((await grid(`zoneId=${zoneA.id}&days=14`)).days).toHaveLength(14);
  });

  it("refuses a missing store and zone, a bad range, and another store's zone for a store manager", async () => {
    const none = await as(admin).get('/admin/slots').expect(400);
    expect(none.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(none.body.error.details.fields[0].path).toBe('storeId');
    await as(admin).get(`/admin/slots?zoneId=${zoneA.id}&days=15`).expect(400);
    await as(admin).get(`/admin/slots?zoneId=${zoneA.id}&from=2026-13-01`).expect(400);
    await as(admin).get('/admin/slots?zoneId=999999').expect(404);
    await as(admin).get(`/admin/slots?zoneId=${zoneA.id}&storeId=${zoneB.storeId}`).expect(404);
    const other = await as(managerA).get(`/admin/slots?zoneId=${zoneB.id}`).expect(404);
    expect(other.body.error.code).toBe('ZONE_NOT_FOUND');
    await as(managerA).get(`/admin/slots?storeId=${zoneB.storeId}`).expect(404);
    await as(alice).get(`/admin/slots?zoneId=${zoneA.id}`).expect(403);
  });
});
