import type { ImportResult } from '@omni/shared-types';
import { ProductEntity, StockEntity } from '../src/modules/catalog/catalog.entity';
import { StoreEntity } from '../src/modules/stores/store.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';

const PASSWORD = 'catalog-import-42';
const HEADER = 'sku,name,categoryId,priceFen,unit';
const BOM = '\uFEFF';

describe.each(DB_TARGETS)('catalogue CSV import and export on $name', (target) => {
  let t: TestApp;
  let admin: string;
  let cat: string;
  let storeCode: string;

  const upload = (path: string, body: string | Buffer, query: Record<string, string> = {}) =>
    t.http
      .post(`/api/v1/admin/import/${path}`)
      .query(query)
      .set('Authorization', admin)
      .set('Content-Type', 'text/csv')
      .send(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
  const productCount = () => t.container.db.getRepository(ProductEntity).count();
  const bySku = (sku: string) => t.container.db.getRepository(ProductEntity).findOneBy({ sku });
  const download = async (what: string): Promise<string> => {
    const res = await t.http
      .get(`/api/v1/admin/export/${what}.csv`)
      .set('Authorization', admin)
      .buffer(true)
      .parse((r, done) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => done(null, Buffer.concat(parts).toString('utf8')));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    return res.body as string;
  };

  beforeAll(async () => {
    t = await startTestApp(target, { env: { JOBS_INTERVAL_S: '0' } });
    await t.container.services.adminUsers.createOrReset({
      username: 'csv-admin',
      password: PASSWORD,
      role: 'admin',
    });
    const res = await t.http
      .post('/api/v1/admin/auth/login')
      .send({ username: 'csv-admin', password: PASSWORD })
      .expect(200);
    admin = `Bearer ${res.body.token as string}`;
    cat = (await t.http.get('/api/v1/categories').expect(200)).body.items[0].id;
    storeCode = (await t.container.db.getRepository(StoreEntity).find({ order: { id: 'ASC' } }))[0].code;
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes nothing when one row of two is bad, and lists every bad cell', async () => {
    const before = await productCount();
    const csv = [
      HEADER,
      `CSV-GOOD-1,好的商品A,${cat},1200,个`,
      `CSV-BAD-1,坏的商品B,${cat},12.5元,个`,
      `CSV-BAD-2,坏的商品C,${cat},-1,个`,
      `CSV-BAD-3,坏的商品D,no-such-category,100,个`,
    ].join('\n');
    const res = await upload('products', csv).expect(422);
    expect(res.body.error.code).toBe('CSV_ROWS_INVALID');
    expect(res.body.error.details.errors).toEqual([
      { row: 3, column: 'priceFen', message: expect.stringContaining('正整数') },
      { row: 4, column: 'priceFen', message: expect.stringContaining('正整数') },
      { row: 5, column: 'categoryId', message: expect.stringContaining('不存在') },
    ]);
    expect(await productCount()).toBe(before);
    expect(await bySku('CSV-GOOD-1')).toBeNull();
  });

  it('imports a UTF-8 file with a BOM, optional columns included, and audits it', async () => {
    const csv = `${BOM}${HEADER},description,status,volumeL,maxPerOrder\r\nCSV-BOM-1,"带逗号,的商品",${cat},990,瓶,"第一行\n第二行",archived,0.5,3\r\n`;
    const res = await upload('products', csv).expect(200);
    expect(res.body).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      dryRun: false,
      errors: [],
    } satisfies ImportResult);
    expect(await bySku('CSV-BOM-1')).toMatchObject({
      name: '带逗号,的商品',
      description: '第一行\n第二行',
      active: false,
      volumeL: 0.5,
      maxPerOrder: 3,
      priceFen: 990,
    });
    const id = (await bySku('CSV-BOM-1'))!.id;
    const log = await t.http
      .get('/api/v1/admin/audit')
      .query({ entity: 'product', entityId: String(id) })
      .set('Authorization', admin)
      .expect(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({ action: 'import', after: expect.objectContaining({ sku: 'CSV-BOM-1' }) }),
    ]);
  });

  it('refuses a wrong header, a non-UTF-8 file, a body that is not CSV and a file over the limit', async () => {
    const wrong = await upload('products', `sku,title,categoryId,price,unit\nA-1,x,${cat},1,个\n`).expect(
      400,
    );
    expect(wrong.body.error).toMatchObject({
      code: 'CSV_HEADER_INVALID',
      details: { missing: ['name', 'priceFen'] },
    });
    expect((await upload('products', '').expect(400)).body.error.code).toBe('CSV_HEADER_INVALID');
    // 商品 and 个 in GBK, as Excel on a Chinese Windows saves "CSV (逗号分隔)".
    const gbk = Buffer.concat([
      Buffer.from(`${HEADER}\nGBK-1,`),
      Buffer.from([0xc9, 0xcc, 0xc6, 0xb7]),
      Buffer.from(`,${cat},100,`),
      Buffer.from([0xb8, 0xf6, 0x0a]),
    ]);
    expect((await upload('products', gbk).expect(400)).body.error.code).toBe('CSV_ENCODING_INVALID');
    expect(await bySku('GBK-1')).toBeNull();
    const json = await t.http
      .post('/api/v1/admin/import/products')
      .set('Authorization', admin)
      .send({ sku: 'x' })
      .expect(415);
    expect(json.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = Buffer.alloc(5 * 1024 * 1024 + 10, 0x61);
    expect((await upload('products', huge).expect(413)).body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('imports 10,000 rows in one go, and re-importing the same file changes nothing', async () => {
    const before = await productCount();
    const lines = [HEADER];
    for (let i = 0; i < 10_000; i++)
      lines.push(`BULK-${String(i).padStart(5, '0')},批量商品${i},${cat},${100 + i},件`);
    const csv = lines.join('\n');
    expect((await upload('products', csv).expect(200)).body).toMatchObject({ created: 10_000, updated: 0 });
    expect(await productCount()).toBe(before + 10_000);
    expect((await upload('products', csv).expect(200)).body).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 10_000,
    });
    const changed = csv.replace('BULK-00007,批量商品7,', 'BULK-00007,批量商品七,');
    expect((await upload('products', changed, { dryRun: '1' }).expect(200)).body).toMatchObject({
      updated: 1,
      dryRun: true,
    });
    expect((await bySku('BULK-00007'))!.name).toBe('批量商品7');
    expect((await upload('products', changed).expect(200)).body).toMatchObject({ created: 0, updated: 1 });
    expect(await bySku('BULK-00007')).toMatchObject({ name: '批量商品七', version: 2 });
  }, 120_000);

  it('exports products and stock with a BOM, and both exports import back unchanged', async () => {
    const products = await download('products');
    expect(products.startsWith(BOM)).toBe(true);
    expect(products.split('\r\n')[0]).toBe(`${BOM}${HEADER},description,status,volumeL,maxPerOrder`);
    expect((await upload('products', products).expect(200)).body).toMatchObject({ created: 0, updated: 0 });
    const stock = await download('stock');
    expect(stock.split('\r\n')[0]).toBe(`${BOM}storeCode,sku,quantity`);
    expect((await upload('stock', stock).expect(200)).body).toMatchObject({ created: 0, updated: 0 });
  }, 60_000);

  it('sets stock on hand by store code and SKU, all or nothing', async () => {
    const good = `storeCode,sku,quantity\n${storeCode},BULK-00001,7\n${storeCode},BULK-00002,0\n`;
    const bad = `${good}NO-STORE,BULK-00003,1\n${storeCode},NO-SUCH-SKU,1\n${storeCode},BULK-00004,1.5\n`;
    const refused = await upload('stock', bad).expect(422);
    expect(
      refused.body.error.details.errors.map((e: { row: number; column: string }) => [e.row, e.column]),
    ).toEqual([
      [4, 'storeCode'],
      [5, 'sku'],
      [6, 'quantity'],
    ]);
    const stockRepo = t.container.db.getRepository(StockEntity);
    const p1 = (await bySku('BULK-00001'))!.id;
    expect(await stockRepo.findOneBy({ productId: p1 })).toBeNull();
    expect((await upload('stock', good).expect(200)).body).toMatchObject({ created: 2, updated: 0 });
    expect((await upload('stock', good).expect(200)).body).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    expect((await upload('stock', good.replace(',7\n', ',9\n')).expect(200)).body).toMatchObject({
      updated: 1,
    });
    expect(await stockRepo.findOneBy({ productId: p1 })).toMatchObject({ quantity: 9, version: 2 });
    expect((await upload('stock', 'store,sku,qty\n').expect(400)).body.error.code).toBe('CSV_HEADER_INVALID');
  });
});
