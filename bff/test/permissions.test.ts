import type { Role } from '@omni/shared-types';
import { apiRouters } from '../src/app';
import { findRule, type Permission } from '../src/http/permissions';
import { PERMISSIONS } from '../src/permission-table';
import { CourierEntity, StoreEntity } from '../src/modules/stores/store.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';

// The permission table is the one place that says who may call each route under /api/v1. These
// tests keep it complete (every mounted route has a row, every row a route) and prove the one
// middleware enforces it, row by row, for every kind of caller.

/** Routes app.ts serves itself, outside the module routers. */
const APP_ROUTES = ['GET /openapi.json'];

/** `METHOD /path` of every route the routers mount (`:name` kept as written), and app.ts's own. */
function mountedRoutes(t: TestApp): string[] {
  const out = new Set<string>(APP_ROUTES);
  for (const router of apiRouters(t.container)) {
    for (const layer of router.stack) {
      if (typeof layer.path !== 'string') continue;
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

/** Whether the table lets `c` through `rule`: its role is listed (or any role is), or it is a
 * WeChat store manager (of a store) on a row open to staff, which it then calls as staff. */
function allows(rule: Permission, c: Caller): boolean {
  if (rule.roles === 'public') return true;
  if (rule.kinds && !rule.kinds.includes(c.kind)) return false;
  if (!rule.roles.length || rule.roles.includes(c.role)) return true;
  return c.role === 'store_manager' && c.kind === 'wechat' && rule.roles.includes('staff');
}

/** A concrete path for a rule: every `:param` an id that exists nowhere. */
const concrete = (path: string) => path.replace(/:[A-Za-z]+/g, '999999');

const label = (p: Permission) => `${p.method} ${p.path}`;

/** Rows whose handler itself refuses some callers the table lets through (with its own message). */
const HANDLER_REFUSALS: Record<string, string> = { 'POST /me/phone': '后台账号不能绑定手机号' };

describe('the permission table', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ name: 'sqlite' });
  });
  afterAll(() => t.close());

  it('has a row for every route the app mounts under /api/v1, and no row without a route', () => {
    const mounted = mountedRoutes(t);
    expect(mounted.length).toBeGreaterThan(100);
    expect(mounted.filter((r) => r.includes('/admin/')).length).toBeGreaterThan(10);
    const rows = PERMISSIONS.map(label);
    expect(mounted.filter((r) => !rows.includes(r))).toEqual([]);
    expect(rows.filter((r) => !mounted.includes(r))).toEqual([]);
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('meets each row for its own path: no earlier row with other access shadows it', () => {
    const shadowed = PERMISSIONS.filter((p) => {
      const first = findRule(PERMISSIONS, p.method, concrete(p.path));
      return !first || JSON.stringify([first.roles, first.kinds]) !== JSON.stringify([p.roles, p.kinds]);
    });
    expect(shadowed.map(label)).toEqual([]);
  });

  it('answers an unlisted path as a route that does not exist', async () => {
    for (const path of ['/api/v1/admin/no-such-thing', '/api/v1/no-such-thing', '/api/v1/products/1/x']) {
      const res = await t.http.get(path).expect(404);
      expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
    }
  });

  it('answers a listed path with an unlisted method 405 (OPTIONS lists the methods)', async () => {
    const res = await t.http.delete('/api/v1/admin/users').expect(405);
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
    expect(res.headers.allow).toBe('HEAD, GET, POST');
    const wrong = await t.http.get('/api/v1/orders/1/pay').expect(405);
    expect(wrong.headers.allow).toBe('POST');
    const options = await t.http.options('/api/v1/products').expect(200);
    expect(options.headers.allow).toBe('HEAD, GET');
  });

  it('guards a path however it is cased, as the router matches it', async () => {
    for (const path of ['/api/v1/Admin/users', '/api/v1/ME/addresses']) {
      const res = await t.http.get(path);
      expect([path, res.status]).toEqual([path, 401]);
    }
    // The router's own middleware would not run for a prefix in other case: no such route.
    for (const path of ['/API/V1/admin/users', '/Api/v1/me/addresses']) {
      const res = await t.http.get(path);
      expect([path, res.status, res.body.error?.code]).toEqual([path, 404, 'ROUTE_NOT_FOUND']);
    }
  });

  it('serves every public GET row without a token (never 401, 403 or 500)', async () => {
    const publicGets = PERMISSIONS.filter((p) => p.roles === 'public' && p.method === 'GET');
    expect(publicGets.length).toBeGreaterThan(5);
    const wrong: string[] = [];
    for (const rule of publicGets) {
      const res = await t.http.get(`/api/v1${concrete(rule.path)}`);
      if ([401, 403].includes(res.status) || res.status >= 500) wrong.push(`${label(rule)} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe.each(DB_TARGETS)('every guarded route enforces its row on $name', (target) => {
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

  // Public rows are not called here: some have side effects (payment notifies, SMS codes, logins).
  const guarded = () => PERMISSIONS.filter((p) => p.roles !== 'public');

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
        // Let through: whatever the handler says about id 999999 (404, 400, 409...), never 401/403/500
        // (but for a handler's own refusal listed above).
        const refusedByHandler =
          res.status === 403 && res.body?.error?.message === HANDLER_REFUSALS[label(rule)];
        const ok = may
          ? (![401, 403].includes(res.status) || refusedByHandler) && res.status < 500
          : res.status === 403;
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
