import Router from '@koa/router';
import {
  AdminCaseAction,
  AdminCaseActionBody,
  AdminCaseAssignBody,
  AdminCaseListQuery,
  IdParam,
} from '@omni/shared-types';
import { principalOf } from '../../http/auth';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import { auditActor } from '../audit/audit.service';
import type { AftersalesAdminService } from './aftersales-admin.service';

/** Object-level scoping in the service: a store manager reaches only its own store's cases (others 404). */
const ADMIN_OR_MANAGER = ['admin', 'store_manager'] as const;

/** Who may call the back office's after-sales routes. */
export const aftersalesAdminPermissions: Permission[] = [
  { method: 'GET', path: '/admin/aftersales', roles: ADMIN_OR_MANAGER },
  { method: 'GET', path: '/admin/aftersales/:id', roles: ADMIN_OR_MANAGER },
  { method: 'POST', path: '/admin/aftersales/:id/assign', roles: ADMIN_OR_MANAGER },
  { method: 'POST', path: '/admin/aftersales/:id/:action', roles: ADMIN_OR_MANAGER },
];

/** `/admin/aftersales`: the queue, one case, decisions and `assign`. */
export function aftersalesAdminRoutes(cases: AftersalesAdminService): Router<AppState> {
  const r = new Router<AppState>();
  const id = (raw: string) => parse(IdParam, raw, '售后单编号');
  r.get('/admin/aftersales', async (ctx) => {
    ctx.body = await cases.list(
      principalOf(ctx.state),
      parse(AdminCaseListQuery, singleQuery(ctx.query), '查询参数'),
    );
  });
  r.get('/admin/aftersales/:id', async (ctx) => {
    ctx.body = await cases.get(principalOf(ctx.state), id(ctx.params.id));
  });
  r.post('/admin/aftersales/:id/assign', async (ctx) => {
    const body = parse(AdminCaseAssignBody, ctx.request.body, '指派');
    ctx.body = await cases.assign(auditActor(ctx.state), id(ctx.params.id), body);
  });
  r.post('/admin/aftersales/:id/:action', async (ctx) => {
    const caseId = id(ctx.params.id);
    const action = parse(AdminCaseAction, ctx.params.action, '操作');
    const body = parse(AdminCaseActionBody, ctx.request.body ?? {}, '处理意见');
    ctx.body = await cases.act(auditActor(ctx.state), caseId, action, body);
  });
  return r;
}
