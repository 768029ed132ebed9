import Router from '@koa/router';
import { z } from 'zod';
import { CaseActionBody, CaseListQuery, CreateCaseBody, IdParam } from '@omni/shared-types';
import { principalOf } from '../../http/auth';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import type { AftersalesService } from './aftersales.service';

/** The staff decisions of `POST /aftersales/:id/:action`. */
export const CaseAction = z.enum(['approve', 'reject', 'progress', 'resolve']);

/** Who may call each route of `aftersalesRoutes` (see permission-table.ts). */
export const aftersalesPermissions: Permission[] = [
  { method: 'POST', path: '/aftersales', roles: ['consumer'] },
  { method: 'GET', path: '/aftersales', roles: ['consumer', 'staff', 'admin'] },
  { method: 'GET', path: '/aftersales/:id', roles: [] },
  { method: 'POST', path: '/aftersales/:id/:action', roles: ['staff'] },
];

/** `POST /aftersales`, `GET /aftersales`, `GET /aftersales/:id`, staff `POST /aftersales/:id/:action`. */
export function aftersalesRoutes(cases: AftersalesService): Router<AppState> {
  const r = new Router<AppState>();
  r.post('/aftersales', async (ctx) => {
    const { case: c, created } = await cases.open(
      principalOf(ctx.state),
      parse(CreateCaseBody, ctx.request.body, '售后申请'),
    );
    ctx.status = created ? 201 : 200;
    ctx.body = c;
  });
  r.get('/aftersales', async (ctx) => {
    ctx.body = await cases.list(
      principalOf(ctx.state),
      parse(CaseListQuery, singleQuery(ctx.query), '查询参数'),
    );
  });
  r.get('/aftersales/:id', async (ctx) => {
    ctx.body = await cases.get(principalOf(ctx.state), parse(IdParam, ctx.params.id, '售后单编号'));
  });
  r.post('/aftersales/:id/:action', async (ctx) => {
    const id = parse(IdParam, ctx.params.id, '售后单编号');
    const action = parse(CaseAction, ctx.params.action, '操作');
    ctx.body = await cases.act(
      principalOf(ctx.state),
      id,
      action,
      parse(CaseActionBody, ctx.request.body ?? {}, '备注').note,
    );
  });
  return r;
}
