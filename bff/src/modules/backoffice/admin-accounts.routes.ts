import Router from '@koa/router';
import {
  AdminAccountCreate,
  AdminAccountPatch,
  AdminAccountQuery,
  AdminPasswordReset,
  IdParam,
  OwnPasswordChange,
} from '@omni/shared-types';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import { auditActor } from '../audit/audit.service';
import type { AdminAccountsService } from './admin-accounts.service';

export const adminAccountsPermissions: Permission[] = [
  { method: 'GET', path: '/admin/users', roles: ['admin'] },
  { method: 'POST', path: '/admin/users', roles: ['admin'] },
  { method: 'GET', path: '/admin/users/:id', roles: ['admin'] },
  { method: 'PATCH', path: '/admin/users/:id', roles: ['admin'] },
  { method: 'POST', path: '/admin/users/:id/password', roles: ['admin'] },
  { method: 'POST', path: '/admin/me/password', roles: ['admin', 'store_manager'], kinds: ['backoffice'] },
];

/** `/admin/users`: admins manage back-office accounts; `/admin/me/password`: anyone changes their own. */
export function adminAccountsRoutes(accounts: AdminAccountsService): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/admin' });
  r.get('/users', async (ctx) => {
    ctx.body = await accounts.list(parse(AdminAccountQuery, singleQuery(ctx.query), '查询参数'));
  });
  r.post('/users', async (ctx) => {
    const body = parse(AdminAccountCreate, ctx.request.body, '账号');
    ctx.status = 201;
    ctx.body = await accounts.create(auditActor(ctx.state), body);
  });
  r.get('/users/:id', async (ctx) => {
    ctx.body = await accounts.get(parse(IdParam, ctx.params.id, '账号编号'));
  });
  r.patch('/users/:id', async (ctx) => {
    const id = parse(IdParam, ctx.params.id, '账号编号');
    ctx.body = await accounts.update(
      auditActor(ctx.state),
      id,
      parse(AdminAccountPatch, ctx.request.body, '账号'),
    );
  });
  r.post('/users/:id/password', async (ctx) => {
    const id = parse(IdParam, ctx.params.id, '账号编号');
    const { password } = parse(AdminPasswordReset, ctx.request.body, '新密码');
    ctx.body = await accounts.resetPassword(auditActor(ctx.state), id, password);
  });
  r.post('/me/password', async (ctx) => {
    const body = parse(OwnPasswordChange, ctx.request.body, '修改密码');
    ctx.body = await accounts.changeOwnPassword(auditActor(ctx.state), body);
  });
  return r;
}
