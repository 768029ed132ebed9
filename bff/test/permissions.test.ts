import type { Role } from '@omni/shared-types';
import { apiRouters } from '../src/app';
import { GUARDED_PREFIX, findRule, type Permission } from '../src/http/permissions';
import { PERMISSIONS } from '../src/permission-table';
import { CourierEntity, StoreEntity } from '../src/modules/stores/store.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';

// The permission table is the one place that says who may call each back-office route. These
// tests keep it complete (every mounted /admin/ route has a row, every row a route) and prove the
// one middleware enforces it, row by row, for every kind of caller.

/** `METHOD /path` of every /admin/ route the routers mount (`:name` kept as written). */
function adminRoutes(t: TestApp): string[] {
  const out = new Set<string>();
  for (const router of apiRouters(t.container)) {
    for (const layer of router.stack) {
      if (typeof layer.path !== 'string' || !layer.path.startsWith(GUARDED_PREFIX)) continue;
      for (const m of layer.methods) {
        if (m === 'HEAD' && layer.methods.includes('GET')) continue;
        out.add(`${m} ${layer.path.replace(/\(\[\^\/\]\+\)|\([^)]*\)/g, '')}`);
      }
    }
  }
  return [...out].sort();
}

/** A caller of the matrix: a role, and whether it is a back-office (username) login. */
interface Caller {
  label: string;
  role: Role;
  kind: 'wechat' | 'backoffice';
  token: string;
}

function allows(rule: Permission, c: Caller): boolean {
  if (rule.roles === 'public') return true;
  if (rule.roles.length && !rule.roles.includes(c.role)) return false;
  return !rule.kinds || rule.kinds.includes(c.kind);
}

/** A concrete path for a rule: every `:param` an id that exists nowhere. */
const concrete = (path: string) => path.replace(/:[A-Za-z]+/g, '999999');

describe('the permission table', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ name: 'sqlite' });
  });
  afterAll(() => t.close());

  it('has a row for every back-office route the app mounts, and no row without a route', () => {
    const mounted = adminRoutes(t);
    expect(mounted.length).toBeGreaterThan(10);
    expect(mounted.filter((r) => !findRule(PERMISSIONS, r.split(' ')[0], concrete(r.split(' ')[1])))).toEqual(
      [],
    );
    const rows = PERMISSIONS.filter((p) => p.path.startsWith(GUARDED_PREFIX)).map(
      (p) => `${p.method} ${p.path}`,
    );
    expect(rows.filter((r) => !mounted.includes(r))).toEqual([]);
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('answers an unlisted /admin/ path as a route that does not exist', async () => {
    const res = await t.http.get('/api/v1/admin/no-such-thing').expect(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe.each(DB_TARGETS)('every back-office route enforces its row on $name', (target) => {
  let t: TestApp;
  const callers: Caller[] = [];

  beforeAll(async () => {
    t = await startTestApp(target, { env: { JOBS_INTERVAL_S: '0' } });
    const db = t.container.db;
    const store = (await db.getRepository(StoreEntity).find({ order: { id: 'ASC' }, take: 1 }))[0];
    const courier = (await db.getRepository(CourierEntity).find({ order: { id: 'ASC' }, take: 1 }))[0];
    const wechat = async (role: Role, extra: Record<string, unknown> = {}) =>
      callers.push({
        label: `${role} (微信)`,
        role,
        kind: 'wechat',
        token: (await t.login(role, extra)).token,
      });
    await wechat('consumer');
    await wechat('courier', { courierId: courier.id });
    await wechat('staff', { storeId: store.id });
    await wechat('store_manager', { storeId: store.id });
    for (const [username, role, storeId] of [
      ['perm-admin', 'admin', undefined],
      ['perm-manager', 'store_manager', store.id],
    ] as const) {
      await t.container.services.adminUsers.createOrReset({
        username,
        password: 'perm-pass-1234',
        role,
        storeId,
      });
      const res = await t.http
        .post('/api/v1/admin/auth/login')
        .send({ username, password: 'perm-pass-1234' });
      expect(res.status).toBe(200);
      callers.push({ label: `${role} (后台)`, role, kind: 'backoffice', token: res.body.token as string });
    }
  });
  afterAll(() => t.close());

  const guarded = () => PERMISSIONS.filter((p) => p.path.startsWith(GUARDED_PREFIX) && p.roles !== 'public');

  it('refuses a caller without a token with 401 on every guarded row', async () => {
    const seen: string[] = [];
    for (const rule of guarded()) {
      const res = await t.http[rule.method.toLowerCase() as 'get'](`/api/v1${concrete(rule.path)}`).send({});
      if (res.status !== 401) seen.push(`${rule.method} ${rule.path} → ${res.status}`);
    }
    expect(seen).toEqual([]);
  });

  it('lets exactly the listed roles through each row (others 403), for every caller', async () => {
    const wrong: string[] = [];
    let allowedCalls = 0;
    for (const rule of guarded()) {
      for (const c of callers) {
        const res = await t.http[rule.method.toLowerCase() as 'get'](`/api/v1${concrete(rule.path)}`)
          .set('Authorization', `Bearer ${c.token}`)
          .send({});
        const may = allows(rule, c);
        if (may) allowedCalls++;
        // Let through: whatever the handler says about id 999999 (404, 400, 409...), never 401/403/500.
        const ok = may ? ![401, 403].includes(res.status) && res.status < 500 : res.status === 403;
        if (!ok)
          wrong.push(
            `${c.label}: ${rule.method} ${rule.path} → ${res.status} ${res.body?.error?.code ?? ''}`,
          );
      }
    }
    expect(allowedCalls).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});
