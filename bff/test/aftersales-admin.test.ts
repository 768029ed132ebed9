import type {
  AdminCase,
  AdminCaseListResponse,
  AftersalesCase,
  AuditListResponse,
  CaseListResponse,
  MemberListResponse,
  Order,
} from '@omni/shared-types';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { RefundEntity } from '../src/modules/payments/refund.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { MORNING, MutableClock, key } from './fixtures';

const PASSWORD = 'aftersales-admin-42';
const HOUR_S = 3600;

// The console's 售后 queue: admins see every store, a store manager its own; both decide like the
// store staff do (same states, same refund path), assign cases to the store's people, audited.
describe.each(DB_TARGETS)('the after-sales queue in the back office on $name', (target) => {
  let t: TestApp;
  const clock = new MutableClock(new Date(MORNING));
  let alice: string;
  let admin: string;
  let managerA: string;
  let wechatManagerA: string;
  let staffA: string;
  const stores: Array<{ storeId: number; productId: number }> = [];
  let complaintA: AftersalesCase;
  let refundA: AftersalesCase;
  let complaintB: AftersalesCase;
  let memberA: number;
  let memberB: number;

  const bearer = (token: string) => `Bearer ${token}`;
  const backoffice = async (username: string, role: 'admin' | 'store_manager', storeId?: number) => {
    await t.container.services.adminUsers.createOrReset({ username, password: PASSWORD, role, storeId });
    const res = await t.http
      .post('/api/v1/admin/auth/login')
      .send({ username, password: PASSWORD })
      .expect(200);
    return bearer(res.body.token as string);
  };
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
    t.container.mocks.pay!.buildNotify(o.orderNo);
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
  const queue = async (auth: string, query: Record<string, string | number> = {}) =>
    (await t.http.get('/api/v1/admin/aftersales').query(query).set('Authorization', auth).expect(200))
      .body as AdminCaseListResponse;
  const one = async (auth: string, id: number) =>
    (await t.http.get(`/api/v1/admin/aftersales/${id}`).set('Authorization', auth).expect(200))
      .body as AdminCase;
  const post = (auth: string, id: number, action: string, body: object = {}) =>
    t.http.post(`/api/v1/admin/aftersales/${id}/${action}`).set('Authorization', auth).send(body);
  const audit = async (id: number) =>
    (
      (
        await t.http
          .get('/api/v1/admin/audit')
          .query({ entity: 'aftersales', entityId: String(id) })
          .set('Authorization', admin)
          .expect(200)
      ).body as AuditListResponse
    ).items;

  beforeAll(async () => {
    t = await startTestApp(target, { clock, env: { JOBS_INTERVAL_S: '0' } });
    alice = bearer((await t.login('consumer', { openid: 'asq-alice' })).token);
    const rows = await t.container.db.getRepository(StockEntity).find({ order: { id: 'ASC' } });
    for (const row of rows.filter((s) => s.quantity >= 20)) {
      if (!stores.some((s) => s.storeId === row.storeId)) stores.push(row);
      if (stores.length === 2) break;
    }
    const [a, b] = stores;
    admin = await backoffice(`asq-admin-${target.name}`, 'admin');
    managerA = await backoffice(`asq-manager-${target.name}`, 'store_manager', a.storeId);
    wechatManagerA = bearer(
      (await t.login('store_manager', { storeId: a.storeId, openid: 'asq-wx-manager' })).token,
    );
    staffA = bearer((await t.login('staff', { storeId: a.storeId, openid: 'asq-staff-a' })).token);
    await t.login('staff', { storeId: b.storeId, openid: 'asq-staff-b' });
    const staffOf = async (storeId: number) =>
      (
        (
          await t.http
            .get('/api/v1/admin/members')
            .query({ role: 'staff', storeId })
            .set('Authorization', admin)
            .expect(200)
        ).body as MemberListResponse
      ).items[0].id;
    [memberA, memberB] = [await staffOf(a.storeId), await staffOf(b.storeId)];
    complaintA = await open(await order(a), 'complaint');
    refundA = await open(await paid(a), 'refund');
    complaintB = await open(await order(b), 'complaint');
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every store for an admin and only its own for a store manager, paged, with the SLA countdown', async () => {
    const all = await queue(admin);
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(all.items.map((c) => c.id)).toEqual([complaintB.id, refundA.id, complaintA.id]);
    const first = all.items.find((c) => c.id === complaintA.id)!;
    // Opened at the (frozen) clock: a complaint has 24 h, a refund 24 h.
    expect(first).toMatchObject({
      slaDueAt: complaintA.slaDueAt,
      slaRemainingS: 24 * HOUR_S,
      overdue: false,
      assignee: null,
      version: 1,
      storeId: stores[0].storeId,
    });
    expect(first.storeName).not.toBe('');
    expect((await queue(admin, { storeId: stores[1].storeId })).items.map((c) => c.id)).toEqual([
      complaintB.id,
    ]);
    const mine = await queue(managerA, { pageSize: 1 });
    expect(mine).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(mine.items.map((c) => c.id)).toEqual([refundA.id]);
    expect((await queue(managerA, { pageSize: 1, page: 2 })).items.map((c) => c.id)).toEqual([complaintA.id]);
    expect(await queue(managerA, { storeId: stores[1].storeId })).toMatchObject({ total: 0, items: [] });
    expect((await queue(wechatManagerA)).total).toBe(2);
  });

  it('filters by state, type, case or order number, and puts the nearest deadline first', async () => {
    expect(
      (await queue(admin, { status: 'submitted,approved', type: 'refund' })).items.map((c) => c.id),
    ).toEqual([refundA.id]);
    expect((await queue(admin, { q: complaintB.caseNo.slice(-6) })).items.map((c) => c.id)).toEqual([
      complaintB.id,
    ]);
    expect((await queue(admin, { q: refundA.orderNo })).items.map((c) => c.id)).toEqual([refundA.id]);
    expect((await queue(admin, { q: '%' })).total).toBe(0);
    expect((await queue(admin, { sort: 'sla' })).items.map((c) => c.id)).toEqual([
      complaintA.id,
      refundA.id,
      complaintB.id,
    ]);
    for (const query of ['status=lost', 'pageSize=500', 'sort=oldest', 'color=red', 'overdue=yes']) {
      const res = await t.http
        .get(`/api/v1/admin/aftersales?${query}`)
        .set('Authorization', admin)
        .expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('keeps GET /aftersales as the mini-program reads it', async () => {
    const staffList = (await t.http.get('/api/v1/aftersales').set('Authorization', staffA).expect(200))
      .body as CaseListResponse;
    expect(staffList).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(Object.keys(staffList.items[0]).sort()).toEqual(
      [
        'caseNo',
        'createdAt',
        'id',
        'lines',
        'orderId',
        'orderNo',
        'overdue',
        'reason',
        'refundFen',
        'slaDueAt',
        'status',
        'storeId',
        'timeline',
        'type',
      ].sort(),
    );
  });

  it('assigns a case to a member of its store only, with the version it read, audited', async () => {
    const wrongStore = await post(managerA, complaintA.id, 'assign', {
      assigneeId: memberB,
      version: 1,
    }).expect(422);
    expect(wrongStore.body.error).toMatchObject({
      code: 'ASSIGNEE_INVALID',
      details: { fields: [expect.objectContaining({ path: 'assigneeId' })] },
    });
    expect(
      (await post(managerA, complaintA.id, 'assign', { assigneeId: 999999 }).expect(422)).body.error.code,
    ).toBe('ASSIGNEE_INVALID');
    expect((await post(managerA, complaintA.id, 'assign', {}).expect(400)).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
    const done = (
      await post(managerA, complaintA.id, 'assign', { assigneeId: memberA, version: 1 }).expect(200)
    ).body as AdminCase;
    expect(done).toMatchObject({ version: 2, assignee: { id: memberA, role: 'staff', disabled: false } });
    expect(done.assignedAt).toBe(clock.now().toISOString());
    const stale = await post(admin, complaintA.id, 'assign', { assigneeId: memberA, version: 1 }).expect(409);
    expect(stale.body.error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { current: { version: 2 } },
    });
    expect((await queue(admin, { assigneeId: memberA })).items.map((c) => c.id)).toEqual([complaintA.id]);
    expect((await queue(admin, { assigneeId: 'none' })).items.map((c) => c.id)).toEqual([
      complaintB.id,
      refundA.id,
    ]);
    expect(await audit(complaintA.id)).toEqual([
      expect.objectContaining({
        action: 'assign',
        role: 'store_manager',
        actorKind: 'backoffice',
        before: { assigneeId: null, assigneeName: null },
        after: { assigneeId: memberA, assigneeName: done.assignee!.name },
      }),
    ]);
    // Another store's case is not there for this manager at all.
    expect(
      (await post(managerA, complaintB.id, 'assign', { assigneeId: memberA }).expect(404)).body.error.code,
    ).toBe('CASE_NOT_FOUND');
    await t.http.get(`/api/v1/admin/aftersales/${complaintB.id}`).set('Authorization', managerA).expect(404);
    await post(alice, complaintA.id, 'assign', { assigneeId: memberA }).expect(403);
    await post(staffA, complaintA.id, 'approve').expect(403);
  });

  it('decides like the store staff, refuses a stale version, and audits each decision', async () => {
    const stale = await post(managerA, complaintA.id, 'approve', { version: 1 }).expect(409);
    expect(stale.body.error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { current: { version: 2 } },
    });
    const approved = (
      await post(managerA, complaintA.id, 'approve', { version: 2, note: '已联系顾客' }).expect(200)
    ).body as AdminCase;
    expect(approved).toMatchObject({ status: 'approved', version: 3 });
    expect(approved.timeline.at(-1)).toMatchObject({
      status: 'approved',
      actor: 'staff',
      note: '已联系顾客',
    });
    expect((await post(managerA, complaintA.id, 'approve').expect(409)).body.error.code).toBe(
      'INVALID_STATE',
    );
    expect((await post(managerA, complaintA.id, 'explode').expect(400)).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
    const resolved = (await post(wechatManagerA, complaintA.id, 'resolve').expect(200)).body as AdminCase;
    expect(resolved).toMatchObject({ status: 'resolved', slaRemainingS: null });
    expect((await audit(complaintA.id)).map((e) => [e.action, e.after?.status ?? null])).toEqual([
      ['resolve', 'resolved'],
      ['approve', 'approved'],
      ['assign', null],
    ]);
    expect(
      (await post(admin, complaintA.id, 'assign', { assigneeId: memberA }).expect(409)).body.error.code,
    ).toBe('INVALID_STATE');
  });

  it('resolves a refund case through the refund path: 退款中 until WeChat Pay pays back', async () => {
    const refunding = (await post(admin, refundA.id, 'resolve', { version: 1 }).expect(200))
      .body as AdminCase;
    expect(refunding.status).toBe('refunding');
    const refunds = await t.container.db.getRepository(RefundEntity).findBy({ caseId: refundA.id });
    expect(refunds.map((r) => [r.amountFen, r.requestedByType])).toEqual([[refundA.refundFen, 'admin']]);
    await t.container.services.jobs.runDue();
    const done = await one(admin, refundA.id);
    expect(done.status).toBe('resolved');
    expect(done.version).toBe(3);
    const seen = (
      await t.http.get(`/api/v1/aftersales/${refundA.id}`).set('Authorization', alice).expect(200)
    ).body as AftersalesCase;
    expect(seen.timeline.map((e) => [e.status, e.actor])).toEqual([
      ['submitted', 'customer'],
      ['refunding', 'admin'],
      ['resolved', 'system'],
    ]);
  });

  it('counts down past the deadline: overdue cases have negative seconds left', async () => {
    clock.advanceMin(25 * 60);
    const late = await queue(admin, { overdue: 'true' });
    expect(late.items.map((c) => c.id)).toEqual([complaintB.id]);
    expect(late.items[0]).toMatchObject({ overdue: true, slaRemainingS: -HOUR_S });
    expect((await queue(admin, { overdue: 'false' })).items.map((c) => c.id)).toEqual([
      refundA.id,
      complaintA.id,
    ]);
  });
});
