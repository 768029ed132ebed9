import type { AdminZone, AuditListResponse, Order, SlotsResponse } from '@omni/shared-types';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { StoreEntity } from '../src/modules/stores/store.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { DAY, MORNING, MutableClock, address, key } from './fixtures';

/** A point in Pudong no seeded zone reaches (GCJ-02). */
const FAR = { lat: 31.19, lng: 121.8 };
/** A closed square ring of about ±1 km around a point, GeoJSON order ([lng, lat]). */
function square(c: { lat: number; lng: number }, d = 0.01): number[][] {
  return [
    [c.lng - d, c.lat - d],
    [c.lng + d, c.lat - d],
    [c.lng + d, c.lat + d],
    [c.lng - d, c.lat + d],
    [c.lng - d, c.lat - d],
  ];
}

describe.each(DB_TARGETS)('delivery zones in the back office on $name', (target) => {
  let t: TestApp;
  let admin: string;
  let manager: string;
  let alice: string;
  let storeA: StoreEntity;
  let storeB: StoreEntity;

  const zoneBody = (code: string, ring: number[][], extra: Record<string, unknown> = {}) => ({
    code,
    name: `${code} 测试配送区`,
    storeId: storeA.id,
    polygon: { type: 'Polygon', coordinates: [ring] },
    feeFen: 800,
    freeThresholdFen: 12000,
    cutoffMin: 30,
    ...extra,
  });
  const slotsAt = (p: { lat: number; lng: number }, date = DAY) =>
    t.http.get('/api/v1/slots').query({ lat: p.lat, lng: p.lng, date }).set('Authorization', alice);

  beforeAll(async () => {
    t = await startTestApp(target, {
      clock: new MutableClock(new Date(MORNING)),
      env: { JOBS_INTERVAL_S: '0' },
    });
    await t.container.services.adminUsers.createOrReset({
      username: 'zone-boss',
      password: 'zone-pass-1234',
      role: 'admin',
    });
    const login = await t.http
      .post('/api/v1/admin/auth/login')
      .send({ username: 'zone-boss', password: 'zone-pass-1234' })
      .expect(200);
    admin = `Bearer ${login.body.token as string}`;
    [storeA, storeB] = await t.container.db
      .getRepository(StoreEntity)
      .find({ order: { id: 'ASC' }, take: 2 });
    manager = `Bearer ${(await t.login('store_manager', { storeId: storeA.id, openid: 'zone-mgr' })).token}`;
    alice = `Bearer ${(await t.login('consumer', { openid: 'zone-alice' })).token}`;
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    [
      'a self-intersecting bow-tie',
      [
        [121.79, 31.18],
        [121.81, 31.2],
        [121.81, 31.18],
        [121.79, 31.2],
      ],
      '自相交',
    ],
    [
      'only two points',
      [
        [121.79, 31.18],
        [121.81, 31.2],
        [121.79, 31.18],
      ],
      '至少需要 3 个',
    ],
    [
      'a latitude out of range',
      [
        [121.79, 31.18],
        [121.81, 91],
        [121.81, 31.18],
      ],
      '超出范围',
    ],
    ['a ring outside mainland China', square({ lat: 48.85, lng: 2.35 }), '中国大陆'],
  ])('refuses %s with 400 ZONE_INVALID and a field message', async (_label, ring, message) => {
    const res = await t.http
      .post('/api/v1/admin/zones')
      .set('Authorization', admin)
      .send(zoneBody('Z-BAD', ring as number[][]))
      .expect(400);
    expect(res.body.error.code).toBe('ZONE_INVALID');
    expect(res.body.error.message).toContain(message);
    expect(res.body.error.details.fields[0].path).toMatch(/^polygon\.coordinates/);
    const list = await t.http.get('/api/v1/admin/zones').set('Authorization', admin).expect(200);
    expect(list.body.items.some((z: AdminZone) => z.code === 'Z-BAD')).toBe(false);
  });

  it('makes an address inside a new zone deliverable at checkout, and the moved polygon decides the next order', async () => {
    const before = await slotsAt(FAR).expect(422);
    expect(before.body.error.code).toBe('OUT_OF_DELIVERY_AREA');

    const created = await t.http
      .post('/api/v1/admin/zones')
      .set('Authorization', admin)
      .send(zoneBody('Z-PD-NEW', square(FAR).slice(0, 4), { freeThresholdFen: null })) // unclosed ring: closed for us
      .expect(201);
    const zone = created.body as AdminZone;
    expect(zone).toMatchObject({ storeId: storeA.id, feeFen: 800, version: 1 });
    expect(zone.polygon.coordinates[0]).toEqual(square(FAR));
    await t.http
      .post('/api/v1/admin/slot-templates')
      .set('Authorization', admin)
      .send({ zoneId: zone.id, startLocal: '18:00', endLocal: '20:00', capacity: 5 })
      .expect(201);

    const found = (await slotsAt(FAR).expect(200)).body as SlotsResponse;
    expect(found.zone).toMatchObject({ id: zone.id, storeId: storeA.id, feeFen: 800, cutoffMin: 30 });
    expect(found.slots.map((s) => s.label)).toEqual(['18:00-20:00']);
    const stock = (await t.container.db.getRepository(StockEntity).findBy({ storeId: storeA.id })).find(
      (s) => s.quantity >= 5,
    )!;
    const placed = await t.http
      .post('/api/v1/orders')
      .set('Authorization', alice)
      .set('Idempotency-Key', key('zone'))
      .send({
        type: 'delivery',
        slotId: found.slots[0].id,
        address: address(FAR),
        items: [{ productId: stock.productId, quantity: 1 }],
      })
      .expect(201);
    expect(placed.body as Order).toMatchObject({ storeId: storeA.id, deliveryFeeFen: 800 });

    const moved = await t.http
      .patch(`/api/v1/admin/zones/${zone.id}`)
      .set('Authorization', admin)
      .send({ version: 1, polygon: { type: 'Polygon', coordinates: [square({ lat: 31.25, lng: 121.8 })] } })
      .expect(200);
    expect(moved.body.version).toBe(2);
    expect((await slotsAt(FAR).expect(422)).body.error.code).toBe('OUT_OF_DELIVERY_AREA');
    await slotsAt({ lat: 31.25, lng: 121.8 }).expect(200);

    const stale = await t.http
      .patch(`/api/v1/admin/zones/${zone.id}`)
      .set('Authorization', admin)
      .send({ version: 1, feeFen: 0 })
      .expect(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect(stale.body.error.details.current).toMatchObject({ id: zone.id, version: 2, feeFen: 800 });

    const audit = await t.http
      .get('/api/v1/admin/audit')
      .query({ entity: 'zone', entityId: String(zone.id) })
      .set('Authorization', admin)
      .expect(200);
    const entries = (audit.body as AuditListResponse).items;
    expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(entries[0].after).toHaveProperty('polygon');
    expect(entries[0].before).not.toHaveProperty('feeFen'); // only what changed
  });

  it('refuses a zone for a store that does not exist and a taken code', async () => {
    const ring = square({ lat: 31.3, lng: 121.85 });
    const missing = await t.http
      .post('/api/v1/admin/zones')
      .set('Authorization', admin)
      .send(zoneBody('Z-NOSTORE', ring, { storeId: 999999 }))
      .expect(422);
    expect(missing.body.error.code).toBe('STORE_NOT_FOUND');
    const taken = await t.http
      .post('/api/v1/admin/zones')
      .set('Authorization', admin)
      .send(zoneBody('Z-PD-NEW', ring))
      .expect(409);
    expect(taken.body.error.code).toBe('ZONE_CODE_TAKEN');
  });

  it("lets a store manager read only its own store's zones and write none", async () => {
    const mine = await t.http.get('/api/v1/admin/zones').set('Authorization', manager).expect(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((z: AdminZone) => z.storeId === storeA.id)).toBe(true);
    const all = await t.http.get('/api/v1/admin/zones?pageSize=200').set('Authorization', admin).expect(200);
    const other = (all.body.items as AdminZone[]).find((z) => z.storeId !== storeA.id)!;
    await t.http.get(`/api/v1/admin/zones/${other.id}`).set('Authorization', manager).expect(404);
    await t.http
      .post('/api/v1/admin/zones')
      .set('Authorization', manager)
      .send(zoneBody('Z-MGR', square({ lat: 31.3, lng: 121.85 })))
      .expect(403);
    await t.http
      .patch(`/api/v1/admin/zones/${mine.body.items[0].id}`)
      .set('Authorization', manager)
      .send({ version: 1, feeFen: 0 })
      .expect(403);
    expect(storeB.id).not.toBe(storeA.id);
  });
});
