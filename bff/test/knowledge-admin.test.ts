import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  AdminSuitability,
  AdminFaq,
  AdminProductRelation,
  AuditListResponse,
  FaqListResponse,
  SendMessageResponse,
} from '@omni/shared-types';
import { ProductEntity, StockEntity } from '../src/modules/catalog/catalog.entity';
import { StoreEntity } from '../src/modules/stores/store.entity';
import { loadKnowledgeData } from '../src/modules/knowledge-admin/knowledge-store';
import { faqArticles, productGraph } from '@omni/mock/data';
import { DB_TARGETS, freshMysqlDatabase, startTestApp, type DbTarget, type TestApp } from './harness';

const PASSWORD = 'knowledge-admin-42';
const LOCKER_Q = '你们可以帮忙把快递放进智能快递柜吗';
const LOCKER_A = '可以，备注"放柜"即可，口令蓝鲸';

/** Asks `ask` again (a fresh question each time) until `ok`, for at most `tries` × 500 ms. */
async function eventually(ask: () => Promise<string>, ok: (reply: string) => boolean, tries = 20) {
  let last = '';
  for (let i = 0; i < tries; i++) {
    last = await ask();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  return last;
}

async function adminToken(t: TestApp, username: string, role: 'admin' | 'store_manager' = 'admin') {
  await t.container.services.adminUsers.createOrReset({
    username,
    password: PASSWORD,
    role,
    storeId: role === 'store_manager' ? 1 : undefined,
  });
  const res = await t.http
    .post('/api/v1/admin/auth/login')
    .send({ username, password: PASSWORD })
    .expect(200);
  return `Bearer ${res.body.token as string}`;
}

let openids = 0;
/** What the bot answers a new customer (so earlier unanswered turns never hand the chat to a person). */
async function botSays(t: TestApp, text: string): Promise<string> {
  const who = await t.login('consumer', { openid: `kb-consumer-${process.pid}-${++openids}` });
  const res = await t.http
    .post('/api/v1/support/messages')
    .set('Authorization', `Bearer ${who.token}`)
    .send({ text, clientId: `kb-${Math.random().toString(36).slice(2, 12)}` })
    .expect(200);
  return (res.body as SendMessageResponse).replies.map((r) => r.text).join('\n');
}

describe.each(DB_TARGETS)('the bot’s knowledge in the back office on $name', (target) => {
  let t: TestApp;
  let admin: string;
  let consumer: string;

  beforeAll(async () => {
    t = await startTestApp(target, { env: { JOBS_INTERVAL_S: '0', SUPPORT_MESSAGES_PER_10S: '1000' } });
    admin = await adminToken(t, 'kb-admin');
    consumer = `Bearer ${(await t.login('consumer', { openid: 'kb-consumer' })).token}`;
  });
  afterAll(async () => {
    await t.close();
  });

  const faqAudit = async (id: number): Promise<AuditListResponse> =>
    (
      await t.http
        .get('/api/v1/admin/audit')
        .query({ entity: 'faq', entityId: String(id) })
        .set('Authorization', admin)
        .expect(200)
    ).body;

  it('holds the demo help centre and product graph after seeding, as the bot reads them', async () => {
    const data = await loadKnowledgeData(t.container.db);
    // A keyword listed twice is stored once.
    const once = (words: string[]) => [...new Set(words)];
    expect(data.articles).toEqual(
      faqArticles.map((a) => ({ ...a, keywords: once(a.keywords), questions: once(a.questions) })),
    );
    expect(data.graph.edges.map(({ from, to, kind }) => ({ from, to, kind }))).toEqual(productGraph.edges);
    expect(data.graph.suitableFor).toEqual(productGraph.suitableFor);
  });

  it('lists the seeded help centre from the database, filtered by category and text', async () => {
    const all = (await t.http.get('/api/v1/admin/faq').set('Authorization', admin).expect(200))
      .body as FaqListResponse;
    expect(all.total).toBeGreaterThanOrEqual(30);
    const invoices = (
      await t.http
        .get('/api/v1/admin/faq')
        .query({ category: 'invoice', q: '发票' })
        .set('Authorization', admin)
        .expect(200)
    ).body as FaqListResponse;
    expect(invoices.items.length).toBeGreaterThan(0);
    expect(invoices.items.every((f) => f.category === 'invoice')).toBe(true);
    // LIKE wildcards typed by an admin are searched for literally.
    const odd = await t.http.get('/api/v1/admin/faq').query({ q: '100%_!' }).set('Authorization', admin);
    expect(odd.status).toBe(200);
    expect(odd.body.total).toBe(0);
  });

  it('creates, edits, refuses a stale version, archives and deletes an article, auditing each write', async () => {
    const created = (
      await t.http
        .post('/api/v1/admin/faq')
        .set('Authorization', admin)
        .send({ question: '可以开增值税专用发票给公司吗', answer: '可以开专票', keywords: ['专票'] })
        .expect(201)
    ).body as AdminFaq;
    expect(created).toMatchObject({ category: 'general', active: true, version: 1, keywords: ['专票'] });

    const edited = (
      await t.http
        .patch(`/api/v1/admin/faq/${created.id}`)
        .set('Authorization', admin)
        .send({ answer: '可以开专票，请在订单详情填写公司税号', category: 'invoice', version: 1 })
        .expect(200)
    ).body as AdminFaq;
    expect(edited).toMatchObject({ version: 2, category: 'invoice' });

    const stale = await t.http
      .patch(`/api/v1/admin/faq/${created.id}`)
      .set('Authorization', admin)
      .send({ answer: '不能开', version: 1 })
      .expect(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect(stale.body.error.details.current).toMatchObject({ version: 2, answer: edited.answer });

    await t.http
      .patch(`/api/v1/admin/faq/${created.id}`)
      .set('Authorization', admin)
      .send({ active: false, version: 2 })
      .expect(200);
    const stale2 = await t.http
      .delete(`/api/v1/admin/faq/${created.id}`)
      .query({ version: 2 })
      .set('Authorization', admin)
      .expect(409);
    expect(stale2.body.error.code).toBe('VERSION_CONFLICT');
    await t.http
      .delete(`/api/v1/admin/faq/${created.id}`)
      .query({ version: 3 })
      .set('Authorization', admin)
      .expect(204);
    await t.http.get(`/api/v1/admin/faq/${created.id}`).set('Authorization', admin).expect(404);

    const log = await faqAudit(created.id);
    expect(log.items.map((i) => i.action)).toEqual(['delete', 'archive', 'update', 'create']);
    expect(log.items[2]).toMatchObject({
      before: { answer: '可以开专票', category: 'general' },
      after: { answer: edited.answer, category: 'invoice' },
    });
  });

  it('refuses bad FAQ input and non-admins', async () => {
    const bad = await t.http
      .post('/api/v1/admin/faq')
      .set('Authorization', admin)
      .send({ question: '', answer: 'x', keywords: 'not a list' })
      .expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const manager = await adminToken(t, 'kb-manager', 'store_manager');
    await t.http.get('/api/v1/admin/faq').set('Authorization', manager).expect(403);
    await t.http.post('/api/v1/admin/faq').set('Authorization', consumer).send({}).expect(403);
    await t.http.get('/api/v1/admin/faq').expect(401);
  });

  it('answers a newly created FAQ in the chat within seconds', async () => {
    expect(await botSays(t, LOCKER_Q)).not.toContain('蓝鲸');
    await t.http
      .post('/api/v1/admin/faq')
      .set('Authorization', admin)
      .send({ question: LOCKER_Q, answer: LOCKER_A, keywords: ['快递柜', '放柜'] })
      .expect(201);
    expect(
      await eventually(
        () => botSays(t, LOCKER_Q),
        (r) => r.includes('蓝鲸'),
      ),
    ).toContain('蓝鲸');
    const tried = await t.http
      .post('/api/v1/admin/faq/try')
      .set('Authorization', admin)
      .send({ text: '快递能放快递柜吗' })
      .expect(200);
    expect(tried.body.article.answer).toBe(LOCKER_A);
    expect(typeof tried.body.intent).toBe('string');
  });

  it('knows the attributes of a product that exists only in the database', async () => {
    const name = `巴斯克芝士蛋糕${target.name}`;
    await t.container.db.getRepository(ProductEntity).insert({
      sku: `KB-${target.name}`,
      name,
      subtitle: '浓郁芝士',
      description: '浓郁芝士',
      categoryId: 'food',
      priceFen: 3900,
      originalPriceFen: null,
      unit: '个',
      volumeL: 1,
      maxPerOrder: 5,
      tags: [],
      attributes: [
        { name: '保质期', value: '冷藏3天' },
        { name: '产地', value: '上海' },
      ],
      images: [],
      active: true,
      version: 1,
    });
    const reply = await eventually(
      () => botSays(t, `${name}保质期多久`),
      (r) => r.includes('3天'),
    );
    expect(reply).toContain('冷藏3天');
    expect(reply).toContain(name);
  });

  it('manages product relations: validated, no duplicates, audited, and used for recommendations', async () => {
    const products = await t.container.db.getRepository(ProductEntity).find({ order: { id: 'ASC' } });
    const [a, b] = [products[0], products[products.length - 2]];
    const post = (body: object) =>
      t.http.post('/api/v1/admin/product-relations').set('Authorization', admin).send(body);

    const self = await post({ fromProductId: a.id, toProductId: a.id, kind: 'complement' }).expect(400);
    expect(self.body.error.code).toBe('RELATION_SELF');
    const unknown = await post({ fromProductId: a.id, toProductId: 999999, kind: 'upgrade' }).expect(422);
    expect(unknown.body.error.code).toBe('PRODUCT_NOT_FOUND');
    await post({ fromProductId: a.id, toProductId: b.id, kind: 'friend' }).expect(400);

    const edge = (
      await post({
        fromProductId: a.id,
        toProductId: b.id,
        kind: 'upgrade',
        reason: '更大一瓶更划算',
      }).expect(201)
    ).body as AdminProductRelation;
    expect(edge).toMatchObject({ fromSku: a.sku, toSku: b.sku, kind: 'upgrade', weight: 1, version: 1 });
    const dup = await post({ fromProductId: a.id, toProductId: b.id, kind: 'upgrade' }).expect(409);
    expect(dup.body.error.code).toBe('RELATION_EXISTS');

    const listed = await t.http
      .get('/api/v1/admin/product-relations')
      .query({ productId: b.id, kind: 'upgrade' })
      .set('Authorization', admin)
      .expect(200);
    expect(listed.body.items.map((r: AdminProductRelation) => r.id)).toEqual([edge.id]);

    const patched = await t.http
      .patch(`/api/v1/admin/product-relations/${edge.id}`)
      .set('Authorization', admin)
      .send({ weight: 0.5, version: 1 })
      .expect(200);
    expect(patched.body).toMatchObject({ weight: 0.5, version: 2 });
    await t.http
      .delete(`/api/v1/admin/product-relations/${edge.id}`)
      .query({ version: 1 })
      .set('Authorization', admin)
      .expect(409);
    await t.http
      .delete(`/api/v1/admin/product-relations/${edge.id}`)
      .query({ version: 2 })
      .set('Authorization', admin)
      .expect(204);
    const log = (
      await t.http
        .get('/api/v1/admin/audit')
        .query({ entity: 'product_relation', entityId: String(edge.id) })
        .set('Authorization', admin)
        .expect(200)
    ).body as AuditListResponse;
    expect(log.items.map((i) => i.action)).toEqual(['delete', 'update', 'create']);
  });

  it('recommends from the relations stored in the database', async () => {
    const products = await t.container.db.getRepository(ProductEntity).find({ order: { id: 'ASC' } });
    const a = products.find((p) => p.sku === 'SK-0001')!;
    const fresh = products.find((p) => p.sku === `KB-${target.name}`)!;
    const stores = await t.container.db.getRepository(StoreEntity).find();
    await t.container.db
      .getRepository(StockEntity)
      .insert(stores.map((st) => ({ storeId: st.id, productId: fresh.id, quantity: 9, version: 1 })));
    // Without an edge the new cake has nothing to do with a face cream.
    const before = await botSays(t, `${a.name}配什么好`);
    expect(before).not.toContain(fresh.name);
    await t.http
      .post('/api/v1/admin/product-relations')
      .set('Authorization', admin)
      .send({ fromProductId: a.id, toProductId: fresh.id, kind: 'complement', reason: '护肤后来块甜点' })
      .expect(201);
    const res = await t.http
      .post('/api/v1/support/messages')
      .set('Authorization', consumer)
      .send({ text: `${a.name}配什么好`, clientId: `kb-rec-${target.name}` })
      .expect(200);
    const cards = (res.body as SendMessageResponse).replies.flatMap((r) => r.payload?.products ?? []);
    expect(cards.find((c) => c.id === fresh.id)?.reason).toContain('护肤后来块甜点');
  });
  it('sets who a product suits with a version, audits it, and refuses bad input', async () => {
    const p = (await t.container.db.getRepository(ProductEntity).find({ order: { id: 'ASC' } })).at(-1)!;
    const path = `/api/v1/admin/products/${p.id}/suitability`;
    const put = (body: object, auth = admin) => t.http.put(path).set('Authorization', auth).send(body);
    const first = (await put({ suitable: { skin: ['油皮', '混合皮'], season: ['夏'] } }).expect(200))
      .body as AdminSuitability;
    expect(first).toMatchObject({ productId: p.id, suitable: { skin: ['油皮', '混合皮'], season: ['夏'] } });
    expect((await t.http.get(path).set('Authorization', admin).expect(200)).body).toEqual(first);
    const stale = await put({ suitable: { skin: ['干皮'] }, version: first.version + 5 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect(stale.body.error.details.current).toMatchObject({ version: first.version });
    await put({ suitable: { skin: ['干皮'] }, version: first.version }).expect(200);
    expect((await t.http.get(path).set('Authorization', admin).expect(200)).body).toMatchObject({
      suitable: { skin: ['干皮'] },
      version: first.version + 1,
    });
    expect((await put({ suitable: { skin: ['油皮', '油皮'] } })).status).toBe(400);
    expect((await put({ suitable: { skin: ['外星皮'] } })).status).toBe(400);
    expect((await put({ suitable: { mood: ['开心'] } })).status).toBe(400);
    const missing = await t.http
      .put('/api/v1/admin/products/999999/suitability')
      .set('Authorization', admin)
      .send({ suitable: {} });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('PRODUCT_NOT_FOUND');
    expect((await put({ suitable: {} }, consumer)).status).toBe(403);
    const log = (
      await t.http
        .get('/api/v1/admin/audit')
        .query({ entity: 'product_suitability', entityId: String(p.id) })
        .set('Authorization', admin)
        .expect(200)
    ).body as AuditListResponse;
    expect(log.items[0]).toMatchObject({ action: 'update', after: { suitable: { skin: ['干皮'] } } });
    expect(log.items[1].after).toEqual({ suitable: { skin: ['油皮', '混合皮'], season: ['夏'] } });
  });
});

describe.each(DB_TARGETS)('two BFF instances on one $name database', (target: DbTarget) => {
  let a: TestApp;
  let b: TestApp;
  let dir: string | null = null;
  let dropDb: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    let url: string;
    if (target.name === 'mysql') {
      const fresh = await freshMysqlDatabase();
      url = fresh.url;
      dropDb = fresh.drop;
    } else {
      dir = mkdtempSync(join(tmpdir(), 'omni-kb-'));
      url = `sqlite:${join(dir, 'shared.sqlite')}`;
    }
    const env = { DATABASE_URL: url, JOBS_INTERVAL_S: '0', SUPPORT_MESSAGES_PER_10S: '1000' };
    a = await startTestApp(target, { env });
    b = await startTestApp(target, { env, seed: false });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    if (dropDb) await dropDb();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers on instance B from an FAQ created through instance A (version check, no Redis)', async () => {
    const admin = await adminToken(a, 'kb-two-admin');
    expect(await botSays(b, LOCKER_Q)).not.toContain('蓝鲸');
    await a.http
      .post('/api/v1/admin/faq')
      .set('Authorization', admin)
      .send({ question: LOCKER_Q, answer: LOCKER_A, keywords: ['快递柜', '放柜'] })
      .expect(201);
    expect(
      await eventually(
        () => botSays(b, LOCKER_Q),
        (r) => r.includes('蓝鲸'),
      ),
    ).toContain('蓝鲸');
  });
});
