import type { AftersalesCase, CaseListResponse, Order } from '@omni/shared-types';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { MORNING, MutableClock, key } from './fixtures';

// What the staff app's 售后 pages need: the store's cases only, a page at a time, by state.
describe.each(DB_TARGETS)('after-sales cases for store staff on $name', (target) => {
  let t: TestApp;
  let alice: string;
  let staffA: string;
  let staffB: string;
  const stores: Array<{ storeId: number; productId: number }> = [];
  const mine: AftersalesCase[] = [];
  let theirs: AftersalesCase;

  const order = async (at: { storeId: number; productId: number }): Promise<Order> =>
    (
      await t.http
        .post('/api/v1/orders')
        .set('Authorization', alice)
        .set('Idempotency-Key', key())
        .send({ type: 'pickup', storeId: at.storeId, items: [{ productId: at.productId, quantity: 1 }] })
        .expect(201)
    ).body as Order;
  const paid = async (at: { storeId: number; productId: number }): Promise<Order> => {
    const o = await order(at);
    await t.http.post(`/api/v1/orders/${o.id}/pay`).set('Authorization', alice).expect(200);
    t.container.mocks.pay!.buildNotify(o.orderNo); // paid at WeChat; settled by the confirm below
    return (await t.http.post(`/api/v1/orders/${o.id}/pay/confirm`).set('Authorization', alice).expect(200))
      .body as Order;
  };
  const open = async (o: Order, type: 'complaint' | 'refund') =>
    (
      await t.http
        .post('/api/v1/aftersales')
        .set('Authorization', alice)
        .send({ orderId: o.id, type, reason: type === 'refund' ? '不想要了' : '店员态度不好' })
        .expect(201)
    ).body as AftersalesCase;
  const list = async (auth: string, query: Record<string, string | number> = {}) =>
    (await t.http.get('/api/v1/aftersales').query(query).set('Authorization', auth).expect(200))
      .body as CaseListResponse;
  const act = (auth: string, id: number, action: string, note?: string) =>
    t.http
      .post(`/api/v1/aftersales/${id}/${action}`)
      .set('Authorization', auth)
      .send(note ? { note } : {});

  beforeAll(async () => {
    t = await startTestApp(target, {
      clock: new MutableClock(new Date(MORNING)),
      env: { JOBS_INTERVAL_S: '0' },
    });
    alice = `Bearer ${(await t.login('consumer', { openid: 'as-list-alice' })).token}`;
    const rows = await t.container.db.getRepository(StockEntity).find({ order: { id: 'ASC' } });
    for (const row of rows.filter((s) => s.quantity >= 20)) {
      if (!stores.some((s) => s.storeId === row.storeId)) stores.push(row);
      if (stores.length === 2) break;
    }
    staffA = `Bearer ${(await t.login('staff', { storeId: stores[0].storeId, openid: 'as-list-a' })).token}`;
    staffB = `Bearer ${(await t.login('staff', { storeId: stores[1].storeId, openid: 'as-list-b' })).token}`;
    for (let i = 0; i < 3; i++) mine.push(await open(await order(stores[0]), 'complaint'));
    mine.push(await open(await paid(stores[0]), 'refund'));
    theirs = await open(await order(stores[1]), 'complaint');
  });
  afterAll(async () => {
    await t.close();
  });

  it("lists only the staff member's own store, newest first, a page at a time", async () => {
    const first = await list(staffA, { pageSize: 3 });
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(first.items.map((c) => c.id)).toEqual([mine[3].id, mine[2].id, mine[1].id]);
    const second = await list(staffA, { pageSize: 3, page: 2 });
    expect(second.items.map((c) => c.id)).toEqual([mine[0].id]);
    const other = await list(staffB);
    expect(other.items.map((c) => c.id)).toEqual([theirs.id]);
    expect(other.pageSize).toBe(50);
  });

  it('filters by one state or several, comma-separated', async () => {
    await act(staffA, mine[0].id, 'approve').expect(200);
    await act(staffA, mine[1].id, 'approve').expect(200);
    await act(staffA, mine[1].id, 'progress').expect(200);
    expect((await list(staffA, { status: 'approved' })).items.map((c) => c.id)).toEqual([mine[0].id]);
    const doing = await list(staffA, { status: 'approved,in_progress' });
    expect(doing).toMatchObject({ total: 2 });
    expect(doing.items.map((c) => c.status)).toEqual(['in_progress', 'approved']);
    expect((await list(staffA, { status: 'submitted', pageSize: 1 })).total).toBe(2);
    expect((await list(staffB, { status: 'approved,in_progress' })).total).toBe(0);
  });

  it('refuses an unknown state, a repeated filter and a page size over 100', async () => {
    for (const path of [
      '/api/v1/aftersales?status=lost',
      '/api/v1/aftersales?status=approved,',
      '/api/v1/aftersales?status=approved&status=submitted',
      '/api/v1/aftersales?pageSize=101',
      '/api/v1/aftersales?page=0',
    ]) {
      const res = await t.http.get(path).set('Authorization', staffA).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers 404 to staff of another store, reading or acting on the case', async () => {
    const read = await t.http.get(`/api/v1/aftersales/${theirs.id}`).set('Authorization', staffA).expect(404);
    expect(read.body.error.code).toBe('CASE_NOT_FOUND');
    expect((await act(staffA, theirs.id, 'approve').expect(404)).body.error.code).toBe('CASE_NOT_FOUND');
    const seen = (await t.http.get(`/api/v1/aftersales/${theirs.id}`).set('Authorization', alice).expect(200))
      .body as AftersalesCase;
    expect(seen.status).toBe('submitted');
    await t.http.get(`/api/v1/aftersales/${theirs.id}`).set('Authorization', staffB).expect(200);
  });

  it("shows the staff decisions on the customer's timeline, 退款中 until WeChat Pay pays back", async () => {
    const refund = mine[3];
    await act(staffA, refund.id, 'approve', '同意退款').expect(200);
    const resolving = (await act(staffA, refund.id, 'resolve').expect(200)).body as AftersalesCase;
    expect(resolving.status).toBe('refunding');
    const seen = (await t.http.get(`/api/v1/aftersales/${refund.id}`).set('Authorization', alice).expect(200))
      .body as AftersalesCase;
    expect(seen.status).toBe('refunding');
    expect(seen.timeline.map((e) => [e.status, e.actor, e.note])).toEqual([
      ['submitted', 'customer', '不想要了'],
      ['approved', 'staff', '同意退款'],
      ['refunding', 'staff', '已同意退款，等待微信支付退回'],
    ]);
    expect((await list(staffA, { status: 'refunding' })).items.map((c) => c.id)).toEqual([refund.id]);
    await t.container.services.jobs.runDue();
    const done = (await t.http.get(`/api/v1/aftersales/${refund.id}`).set('Authorization', alice).expect(200))
      .body as AftersalesCase;
    expect(done.status).toBe('resolved');
    expect(done.timeline.at(-1)).toMatchObject({ status: 'resolved', actor: 'system' });
    expect((await list(alice, { status: 'resolved' })).items.map((c) => c.id)).toEqual([refund.id]);
  });
});
