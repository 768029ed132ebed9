import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import type { ProductDetail, ProductListResponse } from '@omni/shared-types';

describe.each(DB_TARGETS)('catalogue on $name', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(target);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists categories with product counts', async () => {
    const res = await t.http.get('/api/v1/categories').expect(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(6);
    for (const c of res.body.items) expect(c.productCount).toBeGreaterThanOrEqual(8);
  });

  it('finds face creams by the Chinese word 面霜', async () => {
    const res = await t.http.get('/api/v1/products').query({ q: '面霜' }).expect(200);
    const body = res.body as ProductListResponse;
    expect(body.total).toBeGreaterThanOrEqual(3);
    for (const p of body.items) expect(typeof p.priceFen).toBe('number');
    // Name matches rank before description-only matches.
    const nameHits = body.items.map((p) => p.name.includes('面霜'));
    expect(nameHits.indexOf(false) === -1 || nameHits.lastIndexOf(true) < nameHits.indexOf(false)).toBe(true);
  });

  it('pages through a category in a stable order without overlap', async () => {
    const cats = (await t.http.get('/api/v1/categories')).body.items as Array<{
      id: string;
      productCount: number;
    }>;
    const cat = cats[0];
    const a = (
      await t.http.get('/api/v1/products').query({ category: cat.id, page: 1, pageSize: 5 }).expect(200)
    ).body;
    const b = (
      await t.http.get('/api/v1/products').query({ category: cat.id, page: 2, pageSize: 5 }).expect(200)
    ).body;
    const again = (await t.http.get('/api/v1/products').query({ category: cat.id, page: 1, pageSize: 5 }))
      .body;
    expect(a.total).toBe(cat.productCount);
    expect(a.items.every((p: { categoryId: string }) => p.categoryId === cat.id)).toBe(true);
    const ids = [...a.items, ...b.items].map((p: { id: number }) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(again.items.map((p: { id: number }) => p.id)).toEqual(a.items.map((p: { id: number }) => p.id));
  });

  it('returns an empty page past the end and for a query nothing matches', async () => {
    const far = await t.http.get('/api/v1/products').query({ page: 999, pageSize: 100 }).expect(200);
    expect(far.body.items).toEqual([]);
    expect(far.body.total).toBeGreaterThanOrEqual(60);
    const none = await t.http.get('/api/v1/products').query({ q: '不存在的商品名称' }).expect(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });

  it('tells a search inside one category how many matches each category holds', async () => {
    const inSkincare = (
      await t.http.get('/api/v1/products').query({ q: '牛奶', category: 'skincare' }).expect(200)
    ).body as ProductListResponse;
    expect(inSkincare.total).toBe(0);
    const everywhere = (await t.http.get('/api/v1/products').query({ q: '牛奶' }).expect(200))
      .body as ProductListResponse;
    expect(everywhere.total).toBeGreaterThanOrEqual(2);
    const counts = Object.fromEntries(inSkincare.categoryCounts!.map((c) => [c.categoryId, c.count]));
    expect(counts).toEqual(
      Object.fromEntries(everywhere.categoryCounts!.map((c) => [c.categoryId, c.count])),
    );
    expect(counts.food).toBe(everywhere.items.filter((p) => p.categoryId === 'food').length);
    expect(counts.skincare ?? 0).toBe(0);
    expect(inSkincare.suggestions).toBeUndefined(); // it does match elsewhere
    const plain = (await t.http.get('/api/v1/products').query({ pageSize: 1 })).body as ProductListResponse;
    expect(plain.categoryCounts).toBeUndefined();
  });

  it('suggests the nearest product names when a search finds nothing', async () => {
    const res = (await t.http.get('/api/v1/products').query({ q: '保湿霜' }).expect(200))
      .body as ProductListResponse;
    expect(res.total).toBe(0);
    expect(res.suggestions!.length).toBeGreaterThan(0);
    expect(res.suggestions!.length).toBeLessThanOrEqual(5);
    expect(res.suggestions!.every((name) => name.includes('保湿') || name.includes('湿霜'))).toBe(true);
    const nothing = (await t.http.get('/api/v1/products').query({ q: '火箭' }).expect(200))
      .body as ProductListResponse;
    expect(nothing.suggestions).toEqual([]);
  });

  it('treats % and _ in a query as plain characters', async () => {
    const res = await t.http.get('/api/v1/products').query({ q: '%', pageSize: 100 }).expect(200);
    const all = (await t.http.get('/api/v1/products').query({ pageSize: 100 })).body;
    expect(res.body.total).toBeLessThan(all.total);
    for (const p of res.body.items) {
      const detail = (await t.http.get(`/api/v1/products/${p.id}`)).body;
      expect(`${detail.name}${detail.subtitle}${detail.description}`).toContain('%');
    }
  });

  it.each([
    [{ pageSize: '0' }, 'pageSize'],
    [{ pageSize: '101' }, 'pageSize'],
    [{ page: '-1' }, 'page'],
    [{ page: '1.5' }, 'page'],
    [{ page: '99999999999' }, 'page'],
    [{ page: 'abc' }, 'page'],
    [{ q: 'x'.repeat(51) }, 'q'],
    [{ q: "' OR 1=1 --" }, 'q'],
    [{ q: '面霜😀' }, 'q'],
    [{ category: 'DROP TABLE' }, 'category'],
    [{ unknown: '1' }, '(body)'],
  ])('rejects %j with 400 naming %s', async (query, field) => {
    const res = await t.http.get('/api/v1/products').query(query).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const paths = res.body.error.details.fields.map((f: { path: string }) => f.path);
    expect(paths.join(',')).toContain(field === '(body)' ? '' : field);
  });

  it('rejects a repeated query key', async () => {
    const res = await t.http.get('/api/v1/products?page=1&page=2').expect(400);
    expect(res.body.error.details.fields[0].path).toBe('page');
  });

  it('shows a product with stock per store, nearest first when a position is given', async () => {
    const list = (await t.http.get('/api/v1/products').query({ q: '面霜' })).body as ProductListResponse;
    const id = list.items[0].id;
    // 静安寺, GCJ-02
    const res = await t.http
      .get(`/api/v1/products/${id}`)
      .query({ lat: '31.2235', lng: '121.4456' })
      .expect(200);
    const d = res.body as ProductDetail;
    expect(d.name).toBe(list.items[0].name);
    expect(d.stock.length).toBeGreaterThanOrEqual(8);
    const dists = d.stock.map((s) => s.distanceM as number);
    expect([...dists].sort((x, y) => x - y)).toEqual(dists);
    expect(d.nearestInStock.length).toBeGreaterThan(0);
    expect(d.nearestInStock.every((s) => s.quantity > 0)).toBe(true);
    expect(d.totalStock).toBe(d.stock.reduce((n, s) => n + s.quantity, 0));
  });

  it('answers 404 PRODUCT_NOT_FOUND for an unknown product and 400 for a bad id', async () => {
    const res = await t.http.get('/api/v1/products/999999').expect(404);
    expect(res.body.error.code).toBe('PRODUCT_NOT_FOUND');
    await t.http.get('/api/v1/products/abc').expect(400);
    await t.http.get('/api/v1/products/1').query({ lat: '31.2' }).expect(400);
    await t.http.get('/api/v1/products/1').query({ lat: '91', lng: '121' }).expect(400);
  });
});
