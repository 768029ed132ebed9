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

/** The path prefix whose routes must each have a row: an unlisted one is not reachable. */
export const GUARDED_PREFIX = '/admin/';

interface CompiledRule extends Permission {
  re: RegExp;
}

function compile(rule: Permission): CompiledRule {
  const pattern = rule.path
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { ...rule, re: new RegExp(`^${pattern}/?$`) };
}

/** The rule for `method path` (path relative to `/api/v1`), the first that matches. */
export function findRule(table: readonly Permission[], method: string, path: string): Permission | null {
  return compiledOf(table).find((r) => r.method === method && r.re.test(path)) ?? null;
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

/** Throws 401/403 unless `p` satisfies `rule`. */
export function checkRule(rule: Permission, p: Principal | undefined): void {
  if (rule.roles === 'public') return;
  if (!p) throw new UnauthenticatedError();
  if (rule.roles.length && !rule.roles.includes(p.role)) throw new ForbiddenError();
  if (rule.kinds && !rule.kinds.includes(p.kind ?? 'wechat')) throw new ForbiddenError('仅限后台账号');
}

/**
 * The one middleware that enforces the permission table: every request under `/api/v1/admin/`
 * must match a row (an unlisted admin route answers 404, as if it did not exist) and the caller
 * must hold one of its roles. Mount it on the `/api/v1` router after `authenticate`.
 */
export function authorize(table: readonly Permission[], prefix = '/api/v1'): Middleware<AppState> {
  return async (ctx, next) => {
    const path = ctx.path.startsWith(prefix) ? ctx.path.slice(prefix.length) : ctx.path;
    if (path.startsWith(GUARDED_PREFIX)) {
      const method = ctx.method === 'HEAD' ? 'GET' : ctx.method;
      const rule = findRule(table, method, path);
      if (!rule) throw new NotFoundError('ROUTE_NOT_FOUND', `接口不存在：${ctx.method} ${ctx.path}`);
      checkRule(rule, ctx.state.principal);
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
