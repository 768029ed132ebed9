import Router from '@koa/router';
import { DispatchBoardQuery, DispatchReassignBody } from '@omni/shared-types';
import { principalOf } from '../../http/auth';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import { auditActor } from '../audit/audit.service';
import type { DispatchBoardService } from './dispatch-board.service';

/** Object-level scoping in the service: a store manager reaches only its own store (others 404). */
const ADMIN_OR_MANAGER = ['admin', 'store_manager'] as const;

/** Who may call each route of `dispatchBoardRoutes` (see permission-table.ts). */
export const dispatchBoardPermissions: Permission[] = [
  { method: 'GET', path: '/admin/dispatch', roles: ADMIN_OR_MANAGER },
  { method: 'POST', path: '/admin/dispatch/reassign', roles: ADMIN_OR_MANAGER },
];

/** `GET /admin/dispatch` (the board of a store's day) and `POST /admin/dispatch/reassign`. */
export function dispatchBoardRoutes(boards: DispatchBoardService): Router<AppState> {
  const r = new Router<AppState>();
  r.get('/admin/dispatch', async (ctx) => {
    const q = parse(DispatchBoardQuery, singleQuery(ctx.query), '查询参数');
    ctx.body = await boards.board(principalOf(ctx.state), q.storeId, q.date);
  });
  r.post('/admin/dispatch/reassign', async (ctx) => {
    const body = parse(DispatchReassignBody, ctx.request.body, '改派参数');
    ctx.body = await boards.reassign(auditActor(ctx.state), body);
  });
  return r;
}
