import type { Middleware } from 'koa';
import type { Role } from '@omni/shared-types';
import type { AppState, Principal, PrincipalKind } from './context';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from './errors';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call one route: a method and a path template under `/api/v1` (`:name` matches one
 * segment), the roles allowed (or 'public'), and optionally the kinds of identity allowed
 * (back-office username logins, WeChat identities). Object-level checks (a store manager sees only
 * its store) stay in the services; this table answers only "may this role call this at all".
 */
export interface Permission {
  method: Method;
  path: string;
  roles: 'public' | readonly Role[];
  kinds?: readonly PrincipalKind[];
}

interface CompiledRule extends Permission {
  re: RegExp;
}

// Case-insensitive, like the router's own matching (`/api/v1/Admin/users` reaches the same
// handler as `/api/v1/admin/users`, so it must meet the same row).
function compile(rule: Permission): CompiledRule {
  const pattern = rule.path
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { ...rule, re: new RegExp(`^${pattern}/?$`, 'i') };
}

/** The rule for `method path` (path relative to `/api/v1`), the first that matches. */
export function findRule(table: readonly Permission[], method: string, path: string): Permission | null {
  return compiledOf(table).find((r) => r.method === method && r.re.test(path)) ?? null;
}

/** The methods the table lists for `path` (whatever the method), in table order. */
export function methodsOf(table: readonly Permission[], path: string): Method[] {
  const methods = compiledOf(table)
    .filter((r) => r.re.test(path))
    .map((r) => r.method);
  return [...new Set(methods)];
}

const compiledCache = new WeakMap<readonly Permission[], CompiledRule[]>();
function compiledOf(table: readonly Permission[]): CompiledRule[] {
  let c = compiledCache.get(table);
  if (!c) {
    c = table.map(compile);
    compiledCache.set(table, c);
  }
  return c;
}

/**
 * A store manager may act wherever its store's staff may: on a row open to `staff` (or to any
 * signed-in role) a WeChat store manager is handed to the handler as staff of its store, so every
 * store-scoped check applies unchanged. Back-office store managers (username logins) are not:
 * their ids are `admin_users` ids, which staff-side records (claimed by, agent) would mistake for
 * WeChat users.
 */
export function actingAsStaff(p: Principal, roles: readonly Role[]): Principal | null {
  if (p.role !== 'store_manager' || roles.includes('store_manager')) return null;
  if (p.kind === 'backoffice' || p.storeId === null) return null;
  if (roles.length && !roles.includes('staff')) return null;
  return { ...p, role: 'staff' };
}

/**
 * Throws 401/403 unless `p` satisfies `rule`; returns the principal the handler sees (`p`, or
 * `p` acting as staff of its store, see `actingAsStaff`).
 */
export function checkRule(rule: Permission, p: Principal | undefined): Principal | undefined {
  if (rule.roles === 'public') return p;
  if (!p) throw new UnauthenticatedError();
  const kindOk = !rule.kinds || rule.kinds.includes(p.kind ?? 'wechat');
  const asStaff = kindOk ? actingAsStaff(p, rule.roles) : null;
  if (asStaff) return asStaff;
  if (rule.roles.length && !rule.roles.includes(p.role)) throw new ForbiddenError();
  if (!kindOk) throw new ForbiddenError('仅限后台账号');
  return p;
}

/**
 * The one middleware that enforces the permission table: every request under `/api/v1` must
 * match a row (a path no row lists answers 404, as if it did not exist; a listed path with an
 * unlisted method 405, and OPTIONS lists the methods) and the caller must hold one of its roles.
 * Mount it on the `/api/v1` router after `authenticate`.
 */
export function authorize(table: readonly Permission[], prefix = '/api/v1'): Middleware<AppState> {
  return async (ctx, next) => {
    const underPrefix = ctx.path.toLowerCase().startsWith(prefix.toLowerCase());
    // Anything else that reaches this router matches no row (rows are relative to the prefix).
    const path = underPrefix ? ctx.path.slice(prefix.length) : ctx.path;
    const method = ctx.method === 'HEAD' ? 'GET' : ctx.method;
    const rule = findRule(table, method, path);
    if (!rule) {
      const methods = methodsOf(table, path);
      if (!methods.length) {
        throw new NotFoundError('ROUTE_NOT_FOUND', `接口不存在：${ctx.method} ${ctx.path}`);
      }
      // What the router's allowedMethods answered before every route had a row.
      ctx.set('Allow', methods.flatMap((m) => (m === 'GET' ? ['HEAD', m] : [m])).join(', '));
      if (ctx.method === 'OPTIONS') {
        ctx.status = 200;
        ctx.body = '';
      } else ctx.status = 405;
      return;
    }
    const acting = checkRule(rule, ctx.state.principal);
    if (acting) ctx.state.principal = acting;
    await next();
  };
}

/**
 * 404 for a path whose `/api/v1` prefix is spelt in another case: the router's route layers match
 * it (they ignore case) but its `use` middleware (`authenticate`, `authorize`) would not run.
 * Mount it on the app before the `/api/v1` router.
 */
export function exactPrefix(prefix = '/api/v1'): Middleware<AppState> {
  const lower = prefix.toLowerCase();
  return async (ctx, next) => {
    const head = ctx.path.slice(0, prefix.length);
    if (head !== prefix && head.toLowerCase() === lower) {
      throw new NotFoundError('ROUTE_NOT_FOUND', `接口不存在：${ctx.method} ${ctx.path}`);
    }
    await next();
  };
}

/**
 * Store scoping of back-office data: an admin may touch any store, a store manager only its own;
 * anything else answers `notFound()` (404, so a manager cannot even learn that store B's record exists).
 */
export function assertStoreAccess(p: Principal, storeId: number, notFound: () => Error): void {
  if (p.role === 'admin') return;
  if (p.role === 'store_manager' && p.storeId === storeId) return;
  throw notFound();
}

/** The stores `p` may see in back-office lists: null means every store. */
export function storeScopeOf(p: Principal): number[] | null {
  if (p.role === 'admin') return null;
  return p.storeId ? [p.storeId] : [];
}
