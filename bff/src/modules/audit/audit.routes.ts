import Router from '@koa/router';
import { AuditQuery } from '@omni/shared-types';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import type { AuditService } from './audit.service';

export const auditPermissions: Permission[] = [{ method: 'GET', path: '/admin/audit', roles: ['admin'] }];

/** `GET /admin/audit`: the log of admin-side writes. */
export function auditRoutes(audit: AuditService): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/admin' });
  r.get('/audit', async (ctx) => {
    ctx.body = await audit.list(parse(AuditQuery, singleQuery(ctx.query), '查询参数'));
  });
  return r;
}
