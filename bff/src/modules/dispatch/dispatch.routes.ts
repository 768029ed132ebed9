import Router from '@koa/router';
import {
  CourierRouteQuery,
  DispatchPlanBody,
  IdParam,
  StopArriveBody,
  StopDeliverBody,
  StopFailBody,
} from '@omni/shared-types';
import { principalOf } from '../../http/auth';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { AppError } from '../../http/errors';
import { readRawBody } from '../../http/raw-body';
import { parse, singleQuery } from '../../http/validate';
import { MAX_PHOTO_BYTES, type CourierService } from './courier.service';
import type { DispatchService } from './dispatch.service';

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png']);

const photoTooLarge = () => new AppError(413, 'PAYLOAD_TOO_LARGE', '照片不能超过 2 MB');

/** Who may call each route of `dispatchRoutes` (see permission-table.ts). */
export const dispatchPermissions: Permission[] = [
  { method: 'POST', path: '/dispatch/plan', roles: ['staff', 'admin', 'store_manager'] },
  { method: 'GET', path: '/courier/route', roles: ['courier'] },
  { method: 'POST', path: '/courier/stops/:id/arrive', roles: ['courier'] },
  { method: 'POST', path: '/courier/stops/:id/deliver', roles: ['courier'] },
  { method: 'POST', path: '/courier/stops/:id/fail', roles: ['courier'] },
  { method: 'POST', path: '/courier/uploads', roles: ['courier'] },
];

/** `POST /dispatch/plan` (staff, store managers, admins) and the courier app: route, stop events, proof photos. */
export function dispatchRoutes(dispatch: DispatchService, courier: CourierService): Router<AppState> {
  const r = new Router<AppState>();
  r.post('/dispatch/plan', async (ctx) => {
    ctx.body = await dispatch.plan(
      principalOf(ctx.state),
      parse(DispatchPlanBody, ctx.request.body, '排线参数'),
    );
  });
  r.get('/courier/route', async (ctx) => {
    const q = parse(CourierRouteQuery, singleQuery(ctx.query), '查询参数');
    ctx.body = await courier.route(principalOf(ctx.state), q.date);
  });
  r.post('/courier/stops/:id/arrive', async (ctx) => {
    const id = parse(IdParam, ctx.params.id, '站点编号');
    const body = parse(StopArriveBody, ctx.request.body, '到达参数');
    ctx.body = await courier.act(principalOf(ctx.state), id, { kind: 'arrive', ...body });
  });
  r.post('/courier/stops/:id/deliver', async (ctx) => {
    const id = parse(IdParam, ctx.params.id, '站点编号');
    const body = parse(StopDeliverBody, ctx.request.body, '送达参数');
    ctx.body = await courier.act(principalOf(ctx.state), id, { kind: 'deliver', ...body });
  });
  r.post('/courier/stops/:id/fail', async (ctx) => {
    const id = parse(IdParam, ctx.params.id, '站点编号');
    const body = parse(StopFailBody, ctx.request.body, '失败参数');
    ctx.body = await courier.act(principalOf(ctx.state), id, { kind: 'fail', ...body });
  });
  r.post('/courier/uploads', async (ctx) => {
    const type = (ctx.get('Content-Type').split(';')[0] ?? '').trim().toLowerCase();
    if (!PHOTO_TYPES.has(type)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '照片必须是 JPEG 或 PNG');
    const bytes = await readRawBody(ctx, MAX_PHOTO_BYTES, photoTooLarge);
    ctx.status = 201;
    ctx.body = await courier.upload(principalOf(ctx.state), type, bytes);
  });
  return r;
}
