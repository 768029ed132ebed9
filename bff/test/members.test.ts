import { randomBytes } from 'node:crypto';
import type { CreateInviteResponse, MemberItem, RoleLoginResponse } from '@omni/shared-types';
import { StoreEntity } from '../src/modules/stores/store.entity';
import { loadDay } from '../src/modules/dispatch/dispatch.snapshot';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { connectSocket } from './sockets';

const PASSWORD = 'correct-horse-42';
const HOUR_MS = 3600_000;

/** Today in Shanghai, `YYYY-MM-DD`. */
const today = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
const openid = () => `o_${randomBytes(6).toString('hex')}`;
/** A fresh mock `wx.login` code of `oid` (each works once). */
const wx = (oid: string) => `mock:${oid}:${randomBytes(4).toString('hex')}`;

describe.each(DB_TARGETS)('invites and members on $name', (target) => {
  let t: TestApp;
  let offsetMs = 0;
  let admin: string;
  let storeA: number;
  let storeB: number;

  beforeAll(async () => {
    t = await startTestApp(target, {
      env: { JOBS_INTERVAL_S: '0' },
      clock: { now: () => new Date(Date.now() + offsetMs) },
      listen: true,
    });
    admin = await backofficeLogin('boss', 'admin');
    const stores = await t.container.db.getRepository(StoreEntity).find({ order: { id: 'ASC' } });
    [storeA, storeB] = stores.filter((s) => s.services.includes('delivery')).map((s) => s.id);
  });
  afterAll(async () => {
    await t.close();
  });

  async function backofficeLogin(username: string, role: 'admin' | 'store_manager', storeId?: number) {
    await t.container.services.adminUsers.createOrReset({ username, password: PASSWORD, role, storeId });
    const res = await t.http
      .post('/api/v1/admin/auth/login')
      .set('X-Forwarded-For', `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]}`)
      .send({ username, password: PASSWORD })
      .expect(200);
    return res.body.token as string;
  }
  const bearer = (token: string) => `Bearer ${token}`;
  const invite = (token: string, body: object) =>
    t.http.post('/api/v1/admin/invites').set('Authorization', bearer(token)).send(body);
  const created = async (token: string, body: object) =>
    (await invite(token, body).expect(201)).body as CreateInviteResponse;
  const accept = (code: string, oid: string) =>
    t.http.post('/api/v1/auth/invite/accept').send({ code, wxCode: wx(oid) });
  const wechat = (oid: string, role?: string) =>
    t.http.post('/api/v1/auth/wechat').send({ code: wx(oid), ...(role ? { role } : {}) });
  const route = (token: string) =>
    t.http
      .get('/api/v1/courier/route')
      .query({ date: today(new Date()) })
      .set('Authorization', bearer(token));
  const members = async (token: string, query: object = {}) =>
    (await t.http.get('/api/v1/admin/members').query(query).set('Authorization', bearer(token)).expect(200))
      .body as { items: MemberItem[]; total: number };
  const setMember = (token: string, id: number, action: 'disable' | 'enable') =>
    t.http.post(`/api/v1/admin/members/${id}/${action}`).set('Authorization', bearer(token)).send({});
  const audit = async (entity: string, entityId: number) =>
    (
      await t.http
        .get('/api/v1/admin/audit')
        .query({ entity, entityId: String(entityId) })
        .set('Authorization', bearer(admin))
        .expect(200)
    ).body.items as Array<{ action: string; after: Record<string, unknown> | null }>;

  it('binds a courier invited without a store; the token opens the courier route', async () => {
    const inv = await created(admin, { role: 'courier', name: '测试骑手' });
    expect(inv.code).toMatch(/^[A-HJ-KM-NP-Z2-9]{8}$/);
    expect(inv.scene).toContain(`code=${inv.code}`);
    const ttlMs = new Date(inv.expiresAt).getTime() - Date.now();
    expect(Math.abs(ttlMs - 72 * HOUR_MS)).toBeLessThan(60_000);

    const oid = openid();
    const res = await accept(inv.code, oid).expect(200);
    const bound = res.body as RoleLoginResponse;
    expect(bound.user).toMatchObject({ role: 'courier', storeId: inv.storeId });
    expect(bound.roles).toEqual([expect.objectContaining({ role: 'courier', displayName: '测试骑手' })]);
    const notPlanned = await route(bound.token).expect(200);
    expect(notPlanned.body).toMatchObject({ planned: false, stops: [] });
    const staff = await t.login('staff', { storeId: inv.storeId });
    await t.http
      .post('/api/v1/dispatch/plan')
      .set('Authorization', bearer(staff.token))
      .send({ date: today(new Date()) })
      .expect(200);
    const planned = await route(bound.token).expect(200);
    expect(planned.body.planned).toBe(true);
    expect(planned.body.courierId).toBe(bound.user.courierId);

    const listed = await members(admin, { role: 'courier' });
    expect(listed.items.find((m) => m.name === '测试骑手')).toMatchObject({
      storeId: inv.storeId,
      disabled: false,
    });
    expect((await audit('invite', inv.id)).map((a) => a.action).sort()).toEqual(['accept', 'create']);
  });

  it('refuses a spent, unknown, revoked or expired code and a malformed body with clear codes', async () => {
    const inv = await created(admin, { role: 'staff', storeId: storeA, name: '店员甲' });
    await accept(inv.code, openid()).expect(200);
    expect((await accept(inv.code, openid()).expect(409)).body.error.code).toBe('INVITE_SPENT');
    expect((await accept('ABCDEFGH', openid()).expect(404)).body.error.code).toBe('INVITE_NOT_FOUND');
    await t.http.post('/api/v1/auth/invite/accept').send({ code: 'short' }).expect(400);
    await t.http.post('/api/v1/auth/invite/accept').send({ code: 'O0O0O0O0', wxCode: 'x' }).expect(400);

    const revoked = await created(admin, { role: 'staff', storeId: storeA, name: '店员乙' });
    await t.http
      .post(`/api/v1/admin/invites/${revoked.id}/revoke`)
      .set('Authorization', bearer(admin))
      .send({})
      .expect(200);
    expect((await accept(revoked.code, openid()).expect(410)).body.error.code).toBe('INVITE_REVOKED');
    expect((await audit('invite', revoked.id)).map((a) => a.action).sort()).toEqual(['create', 'revoke']);
    const again = await t.http
      .post(`/api/v1/admin/invites/${inv.id}/revoke`)
      .set('Authorization', bearer(admin))
      .send({})
      .expect(409);
    expect(again.body.error.code).toBe('INVALID_STATE');

    const expiring = await created(admin, { role: 'staff', storeId: storeA, name: '店员丙', ttlH: 1 });
    offsetMs = 2 * HOUR_MS;
    try {
      expect((await accept(expiring.code, openid()).expect(410)).body.error.code).toBe('INVITE_EXPIRED');
      const listed = await t.http
        .get('/api/v1/admin/invites')
        .query({ status: 'expired' })
        .set('Authorization', bearer(admin))
        .expect(200);
      expect(listed.body.items.map((i: { id: number }) => i.id)).toContain(expiring.id);
    } finally {
      offsetMs = 0;
    }
    await invite(admin, { role: 'store_manager', name: '无店店长' }).expect(400);
    await invite(admin, { role: 'janitor', storeId: storeA, name: 'x' }).expect(400);
  });

  it('lets only one of two simultaneous accepts of one code win', async () => {
    const inv = await created(admin, { role: 'courier', storeId: storeA, name: '抢码骑手' });
    const results = await Promise.all([accept(inv.code, openid()), accept(inv.code, openid())]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const listed = await members(admin, { role: 'courier', storeId: storeA });
    expect(listed.items.filter((m) => m.name === '抢码骑手')).toHaveLength(1);
  });

  it('logs a bound identity in as its role, refuses unbound roles, and never resets roles on login', async () => {
    const oid = openid();
    const inv = await created(admin, { role: 'courier', storeId: storeA, name: '多身份骑手' });
    await accept(inv.code, oid).expect(200);
    const asConsumer = (await wechat(oid).expect(200)).body as RoleLoginResponse;
    expect(asConsumer.user.role).toBe('consumer');
    expect(asConsumer.roles.map((r) => r.role)).toEqual(['courier']);
    const asCourier = (await wechat(oid, 'courier').expect(200)).body as RoleLoginResponse;
    expect(asCourier.user).toMatchObject({ role: 'courier', storeId: storeA });
    await route(asCourier.token).expect((res) => expect([200, 404]).toContain(res.status));
    expect((await wechat(oid, 'staff').expect(403)).body.error.code).toBe('ROLE_NOT_BOUND');
    expect((await wechat(openid(), 'courier').expect(403)).body.error.code).toBe('ROLE_NOT_BOUND');
    // A consumer token is refused on the courier's screens.
    await route(asConsumer.token).expect(403);
  });

  it('kills a disabled member’s tokens and sockets at once, keeps its other roles, and re-enables', async () => {
    const oid = openid();
    const c = await created(admin, { role: 'courier', storeId: storeA, name: '停用骑手' });
    const courier = (await accept(c.code, oid).expect(200)).body as RoleLoginResponse;
    const s = await created(admin, { role: 'staff', storeId: storeA, name: '停用骑手兼店员' });
    await accept(s.code, oid).expect(200);
    const socket = await connectSocket(t.base, courier.token);
    const dropped = new Promise<void>((ok) => socket.once('disconnect', () => ok()));

    const member = (await members(admin, { role: 'courier', storeId: storeA })).items.find(
      (m) => m.name === '停用骑手',
    )!;
    const off = await setMember(admin, member.id, 'disable').expect(200);
    expect(off.body).toMatchObject({ id: member.id, disabled: true });
    expect((await route(courier.token).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
    await dropped;
    expect((await wechat(oid, 'courier').expect(403)).body.error.code).toBe('MEMBER_DISABLED');
    const staff = (await wechat(oid, 'staff').expect(200)).body as RoleLoginResponse;
    await t.http.get('/api/v1/staff/events').set('Authorization', bearer(staff.token)).expect(200);

    await setMember(admin, member.id, 'enable').expect(200);
    await route(courier.token).expect(401);
    const back = (await wechat(oid, 'courier').expect(200)).body as RoleLoginResponse;
    await route(back.token).expect((res) => expect([200, 404]).toContain(res.status));
    const again = await connectSocket(t.base, back.token);
    again.disconnect();
    expect((await audit('member', member.id)).map((a) => a.action)).toEqual(['enable', 'disable']);
  });

  it('drops a held socket at the next re-check once its member is disabled elsewhere', async () => {
    const oid = openid();
    const c = await created(admin, { role: 'courier', storeId: storeA, name: '长连骑手' });
    const courier = (await accept(c.code, oid).expect(200)).body as RoleLoginResponse;
    const socket = await connectSocket(t.base, courier.token);
    const dropped = new Promise<void>((ok) => socket.once('disconnect', () => ok()));
    const member = (await members(admin, { role: 'courier' })).items.find((m) => m.name === '长连骑手')!;
    // Straight in the database, as another instance's disable would look from here.
    await t.container.db.query('UPDATE user_roles SET disabled = 1 WHERE id = ?', [member.id]);
    await t.container.realtime.recheck();
    await dropped;
  });

  it('scopes store managers to their own store: invites, members, disable', async () => {
    const manager = await backofficeLogin(`mgr-${storeA}`, 'store_manager', storeA);
    const own = await created(manager, { role: 'courier', name: '本店骑手' });
    expect(own.storeId).toBe(storeA);
    await created(manager, { role: 'staff', storeId: storeA, name: '本店店员' });
    expect(
      (await invite(manager, { role: 'staff', storeId: storeB, name: '他店' }).expect(404)).body.error.code,
    ).toBe('STORE_NOT_FOUND');
    await invite(manager, { role: 'store_manager', storeId: storeA, name: '副店长' }).expect(403);
    await accept(own.code, openid()).expect(200);

    const otherInv = await created(admin, { role: 'staff', storeId: storeB, name: '他店店员' });
    await accept(otherInv.code, openid()).expect(200);
    const mine = await members(manager);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((m) => m.storeId === storeA)).toBe(true);
    expect((await members(manager, { storeId: storeB })).total).toBe(0);
    const theirs = (await members(admin, { storeId: storeB })).items.find((m) => m.name === '他店店员')!;
    expect((await setMember(manager, theirs.id, 'disable').expect(404)).body.error.code).toBe(
      'MEMBER_NOT_FOUND',
    );

    const invites = await t.http
      .get('/api/v1/admin/invites')
      .set('Authorization', bearer(manager))
      .expect(200);
    expect(invites.body.items.every((i: { storeId: number }) => i.storeId === storeA)).toBe(true);
    await t.http
      .post(`/api/v1/admin/invites/${otherInv.id}/revoke`)
      .set('Authorization', bearer(manager))
      .send({})
      .expect(404);

    // A store manager bound through WeChat manages its store the same way.
    const m = await created(admin, { role: 'store_manager', storeId: storeB, name: '微信店长' });
    const moid = openid();
    await accept(m.code, moid).expect(200);
    const wxManager = (await wechat(moid, 'store_manager').expect(200)).body as RoleLoginResponse;
    await created(wxManager.token, { role: 'courier', name: '微信店长的骑手' });
    await setMember(wxManager.token, theirs.id, 'disable').expect(200);
    const courierTok = (await t.login('courier', { courierId: 1 })).token;
    await invite(courierTok, { role: 'courier', name: 'x' }).expect(403);
  });

  it('lists the seeded couriers and staff as members', async () => {
    const listed = await members(admin, { role: 'courier', pageSize: 200 });
    expect(listed.items.map((m) => m.name)).toEqual(expect.arrayContaining(['张伟', '李强']));
    expect((await members(admin, { role: 'staff', pageSize: 200 })).items.map((m) => m.name)).toContain(
      '沈佳怡',
    );
    const found = await members(admin, { q: '张', pageSize: 200 });
    expect(found.items.map((m) => m.name)).toContain('张伟');
    expect(found.items.every((m) => m.name.includes('张'))).toBe(true);
    expect((await members(admin, { q: '%' })).total).toBe(0);
  });

  it('gives a disabled courier no stops when the day is planned, and routes it again once enabled', async () => {
    const inv = await created(admin, { role: 'courier', storeId: storeA, name: '停用骑手' });
    const bound = (await accept(inv.code, openid()).expect(200)).body as RoleLoginResponse;
    const courierId = bound.user.courierId!;
    const member = (await members(admin, { role: 'courier', pageSize: 200 })).items.find(
      (m) => m.courierId === courierId,
    )!;
    const day = today(new Date());
    await setMember(admin, member.id, 'disable').expect(200);
    const off = await loadDay(t.container.db, storeA, day);
    expect(off.couriers.map((c) => c.id)).not.toContain(courierId);
    expect(off.couriers.length).toBeGreaterThan(0);
    await setMember(admin, member.id, 'enable').expect(200);
    expect((await loadDay(t.container.db, storeA, day)).couriers.map((c) => c.id)).toContain(courierId);
  });
});
