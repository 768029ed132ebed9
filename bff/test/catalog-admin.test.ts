import type { AdminProduct, AdminStockRow, AuditListResponse } from '@omni/shared-types';
import { StoreEntity } from '../src/modules/stores/store.entity';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { CatalogChanges } from '../src/modules/catalog-admin/catalog-changes';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { MORNING, MutableClock, key } from './fixtures';

const PASSWORD = 'catalog-admin-42';

describe.each(DB_TARGETS)('catalogue and stock admin on $name', (target) => {
  let t: TestApp;
  let admin: string;
  let managerA: string;
  let storeA: number;
  let storeB: number;
  let category: string;
  let seq = 0;

  const backoffice = async (username: string, role: 'admin' | 'store_manager', storeId?: number) => {
    await t.container.services.adminUsers.createOrReset({ username, password: PASSWORD, role, storeId });
    const res = await t.http
      .post('/api/v1/admin/auth/login')
      .send({ username, password: PASSWORD })
      .expect(200);
    return `Bearer ${res.body.token as string}`;
  };
  const newProduct = (extra: Record<string, unknown> = {}) => ({
    sku: `T-${target.name}-${++seq}`,
    name: `测试商品${seq}号`,
    categoryId: category,
    priceFen: 3900,
    unit: '个',
    attributes: [{ name: '保质期', value: '冷藏3天' }],
    ...extra,
  });
  const create = async (extra: Record<string, unknown> = {}): Promise<AdminProduct> =>
    (
      await t.http
        .post('/api/v1/admin/products')
        .set('Authorization', admin)
        .send(newProduct(extra))
        .expect(201)
    ).body;
  const setStock = (who: string, storeId: number, productId: number, body: object) =>
    t.http.put(`/api/v1/admin/stores/${storeId}/stock/${productId}`).set('Authorization', who).send(body);
  const audit = async (entity: string, entityId: string | number): Promise<AuditListResponse> =>
    (
      await t.http
        .get('/api/v1/admin/audit')
        .query({ entity, entityId: String(entityId) })
        .set('Authorization', admin)
        .expect(200)
    ).body;
  const search = async (q: string): Promise<number[]> =>
    ((await t.http.get('/api/v1/products').query({ q }).expect(200)).body.items as Array<{ id: number }>).map(
      (i) => i.id,
    );

  beforeAll(async () => {
    t = await startTestApp(target, {
      clock: new MutableClock(new Date(MORNING)),
      env: { JOBS_INTERVAL_S: '0' },
    });
    const stores = await t.container.db.getRepository(StoreEntity).find({ order: { id: 'ASC' } });
    [storeA, storeB] = [stores[0].id, stores[1].id];
    admin = await backoffice('cat-admin', 'admin');
    managerA = await backoffice('cat-manager', 'store_manager', storeA);
    category = (await t.http.get('/api/v1/categories').expect(200)).body.items[0].id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a product the consumer finds by search at once, and audits it', async () => {
    const p = await create({ name: '巴斯克芝士蛋糕测试' });
    expect(p).toMatchObject({ status: 'active', version: 1, priceFen: 3900, images: [], tags: [] });
    expect(await search('巴斯克芝士蛋糕测试')).toContain(p.id);
    const log = await audit('product', p.id);
    expect(log.items).toEqual([expect.objectContaining({ action: 'create', entity: 'product' })]);
    expect(log.items[0].after).toMatchObject({ sku: p.sku, priceFen: 3900 });
  });

  it('refuses bad prices, unknown categories and a taken SKU with clear codes', async () => {
    const post = (body: object) =>
      t.http.post('/api/v1/admin/products').set('Authorization', admin).send(body);
    for (const priceFen of [12.5, '12.5元', -1, 0]) {
      const res = await post(newProduct({ priceFen })).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.fields).toEqual([
        expect.objectContaining({ path: 'priceFen', message: expect.stringContaining('正整数') }),
      ]);
    }
    expect(
      (await post(newProduct({ name: 'x'.repeat(101) })).expect(400)).body.error.details.fields[0].path,
    ).toBe('name');
    expect((await post(newProduct({ categoryId: 'no-such-cat' })).expect(422)).body.error.code).toBe(
      'CATEGORY_NOT_FOUND',
    );
    const p = await create();
    expect((await post(newProduct({ sku: p.sku })).expect(409)).body.error.code).toBe('SKU_TAKEN');
  });

  it('patches under a version and answers a stale one with 409 and the current record', async () => {
    const p = await create();
    const patched = await t.http
      .patch(`/api/v1/admin/products/${p.id}`)
      .set('Authorization', admin)
      .send({ priceFen: 3600, version: p.version })
      .expect(200);
    expect(patched.body).toMatchObject({ priceFen: 3600, version: 2, name: p.name });
    const stale = await t.http
      .patch(`/api/v1/admin/products/${p.id}`)
      .set('Authorization', admin)
      .send({ priceFen: 3300, version: p.version })
      .expect(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect(stale.body.error.details.current).toMatchObject({ id: p.id, priceFen: 3600, version: 2 });
    const got = await t.http.get(`/api/v1/admin/products/${p.id}`).set('Authorization', admin).expect(200);
    expect(got.body.priceFen).toBe(3600);
    const log = await audit('product', p.id);
    expect(log.items.map((i) => i.action)).toEqual(['update', 'create']);
    expect(log.items[0]).toMatchObject({ before: { priceFen: 3900 }, after: { priceFen: 3600 } });
  });

  it('hides an archived product from the consumer catalogue but keeps it in the admin list', async () => {
    const p = await create({ name: '将要下架的测试商品' });
    expect(await search('将要下架的测试商品')).toContain(p.id);
    await t.http
      .patch(`/api/v1/admin/products/${p.id}`)
      .set('Authorization', admin)
      .send({ status: 'archived', version: 1 })
      .expect(200);
    expect(await search('将要下架的测试商品')).not.toContain(p.id);
    await t.http.get(`/api/v1/products/${p.id}`).expect(404);
    const list = await t.http
      .get('/api/v1/admin/products')
      .query({ q: p.sku, status: 'archived' })
      .set('Authorization', admin)
      .expect(200);
    expect(list.body.items.map((i: AdminProduct) => i.id)).toEqual([p.id]);
  });

  it('lets a store manager set its own stock, not another store’s, and not create products', async () => {
    const p = await create();
    const own = await setStock(managerA, storeA, p.id, { quantity: 12 }).expect(200);
    expect(own.body).toMatchObject({
      onHand: 12,
      reserved: 0,
      available: 12,
      version: 1,
    } satisfies Partial<AdminStockRow>);
    expect((await setStock(managerA, storeB, p.id, { quantity: 12 }).expect(404)).body.error.code).toBe(
      'STORE_NOT_FOUND',
    );
    await t.http.get(`/api/v1/admin/stores/${storeB}/stock`).set('Authorization', managerA).expect(404);
    const denied = await t.http
      .post('/api/v1/admin/products')
      .set('Authorization', managerA)
      .send({ name: 'x', priceFen: 1 })
      .expect(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
    const stale = await setStock(managerA, storeA, p.id, { quantity: 20, version: 5 }).expect(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect(stale.body.error.details.current).toMatchObject({ onHand: 12, version: 1 });
    const log = await audit('stock', `${storeA}:${p.id}`);
    expect(log.items).toEqual([expect.objectContaining({ action: 'create', role: 'store_manager' })]);
  });

  it('refuses stock changes to couriers, staff and consumers', async () => {
    const p = await create();
    const logins = [
      t.login('consumer'),
      t.login('staff', { storeId: storeA }),
      t.login('courier', { courierId: 1 }),
    ] as const;
    for (const [i, role] of (['consumer', 'staff', 'courier'] as const).entries()) {
      const who = `Bearer ${(await logins[i]).token}`;
      const res = await setStock(who, storeA, p.id, { quantity: 3 });
      expect([role, res.status]).toEqual([role, 403]);
    }
  });

  it('never sets stock below what an open order holds', async () => {
    const p = await create({ maxPerOrder: 10 });
    await setStock(admin, storeA, p.id, { quantity: 10 }).expect(200);
    const consumer = `Bearer ${(await t.login('consumer', { openid: 'stock-buyer' })).token}`;
    await t.http
      .post('/api/v1/orders')
      .set('Authorization', consumer)
      .set('Idempotency-Key', key())
      .send({ type: 'pickup', storeId: storeA, items: [{ productId: p.id, quantity: 4 }] })
      .expect(201);
    const row = await t.container.db
      .getRepository(StockEntity)
      .findOneByOrFail({ storeId: storeA, productId: p.id });
    expect(row.quantity).toBe(6);
    const list = await t.http
      .get(`/api/v1/admin/stores/${storeA}/stock`)
      .query({ q: p.sku })
      .set('Authorization', managerA)
      .expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ onHand: 10, reserved: 4, available: 6, version: 1 }),
    ]);
    const below = await setStock(admin, storeA, p.id, { quantity: 3 }).expect(409);
    expect(below.body.error).toMatchObject({ code: 'STOCK_BELOW_RESERVED', details: { reserved: 4 } });
    const ok = await setStock(admin, storeA, p.id, { quantity: 4, version: 1 }).expect(200);
    expect(ok.body).toMatchObject({ onHand: 4, reserved: 4, available: 0, version: 2 });
    const summary = await t.http
      .get('/api/v1/admin/products')
      .query({ q: p.sku })
      .set('Authorization', admin)
      .expect(200);
    expect(summary.body.items[0].stock).toMatchObject({
      onHand: 4,
      reserved: 4,
      lowest: { storeId: storeA, onHand: 4 },
    });
  });

  it('lets another instance without Redis see a product change through the catalogue stamp', async () => {
    // A second instance's view: the same database, its own process-local state.
    const other = new CatalogChanges({ db: t.container.db, redis: null, log: t.container.log });
    const seen = await other.stamp();
    const p = await create();
    await new Promise((ok) => setTimeout(ok, 1100));
    const afterCreate = await other.stamp();
    expect(afterCreate).not.toBe(seen);
    await t.http
      .patch(`/api/v1/admin/products/${p.id}`)
      .set('Authorization', admin)
      .send({ name: '改过名的测试商品', version: p.version })
      .expect(200);
    await new Promise((ok) => setTimeout(ok, 1100));
    expect(await other.stamp()).not.toBe(afterCreate);
  });

  it('sums a product’s stock over one store when the list is asked for it', async () => {
    const p = await create();
    await setStock(admin, storeA, p.id, { quantity: 7 }).expect(200);
    await setStock(admin, storeB, p.id, { quantity: 30 }).expect(200);
    const list = (storeId?: number) =>
      t.http
        .get('/api/v1/admin/products')
        .query({ q: p.sku, ...(storeId ? { storeId } : {}) })
        .set('Authorization', admin);
    expect((await list().expect(200)).body.items[0].stock).toMatchObject({ onHand: 37, available: 37 });
    expect((await list(storeB).expect(200)).body.items[0].stock).toEqual({
      onHand: 30,
      reserved: 0,
      available: 30,
      lowest: { storeId: storeB, storeName: expect.any(String), onHand: 30 },
    });
    expect((await list(999999).expect(404)).body.error.code).toBe('STORE_NOT_FOUND');
    await t.http
      .get('/api/v1/admin/products')
      .query({ storeId: 'x' })
      .set('Authorization', admin)
      .expect(400);
  });

  it('keeps stock rows below a chosen threshold with below=N', async () => {
    const prefix = `BELOW-${target.name}-`;
    const made: AdminProduct[] = [];
    for (const n of [0, 3, 8]) {
      const p = await create({ sku: `${prefix}${n}` });
      if (n) await setStock(admin, storeA, p.id, { quantity: n }).expect(200);
      made.push(p);
    }
    const skus = async (query: object) =>
      (
        await t.http
          .get(`/api/v1/admin/stores/${storeA}/stock`)
          .query({ q: prefix, ...query })
          .set('Authorization', managerA)
          .expect(200)
      ).body.items.map((r: AdminStockRow) => r.sku);
    expect(await skus({ below: 3 })).toEqual([`${prefix}0`]);
    expect(await skus({ below: 4 })).toEqual([`${prefix}0`, `${prefix}3`]);
    expect(await skus({ below: 9 })).toEqual([`${prefix}0`, `${prefix}3`, `${prefix}8`]);
    expect(await skus({})).toHaveLength(3);
    const bad = await t.http
      .get(`/api/v1/admin/stores/${storeA}/stock`)
      .query({ below: 0 })
      .set('Authorization', managerA)
      .expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('pages and filters the product list', async () => {
    const res = await t.http
      .get('/api/v1/admin/products')
      .query({ page: 1, pageSize: 2, categoryId: category })
      .set('Authorization', admin)
      .expect(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.total).toBeGreaterThan(2);
    expect(res.body.items.every((i: AdminProduct) => i.categoryId === category)).toBe(true);
    await t.http
      .get('/api/v1/admin/products')
      .query({ status: 'gone' })
      .set('Authorization', admin)
      .expect(400);
  });
});
