import Router from '@koa/router';
import { ConsentBody, IdParam, LocationReport, ResolveEventBody, StaffEventsQuery } from '@omni/shared-types';
import { principalOf } from '../../http/auth';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import type { LbsService } from './lbs.service';
import type { StaffEventsService } from './staff-events.service';
import type { StaffOrdersService } from './staff-orders.service';

/** Who may call each route of `lbsRoutes` (see permission-table.ts). */
export const lbsPermissions: Permission[] = [
  { method: 'GET', path: '/lbs/consent', roles: ['consumer'] },
  { method: 'POST', path: '/lbs/consent', roles: ['consumer'] },
  { method: 'POST', path: '/lbs/location', roles: [] },
  { method: 'GET', path: '/staff/events', roles: ['staff'] },
  { method: 'POST', path: '/staff/events/:id/claim', roles: ['staff'] },
  { method: 'POST', path: '/staff/events/:id/resolve', roles: ['staff'] },
  { method: 'POST', path: '/staff/orders/:id/ready', roles: ['staff'] },
  { method: 'POST', path: '/staff/orders/:id/picked-up', roles: ['staff'] },
];

/** Consent, location reports, the staff event inbox and staff pickup actions. */
export function lbsRoutes(
  lbs: LbsService,
  events: StaffEventsService,
  staffOrders: StaffOrdersService,
): Router<AppState> {
  const r = new Router<AppState>();
  r.get('/lbs/consent', async (ctx) => {
    ctx.body = await lbs.consent(principalOf(ctx.state));
  });
  r.post('/lbs/consent', async (ctx) => {
    ctx.body = await lbs.setConsent(principalOf(ctx.state), parse(ConsentBody, ctx.request.body, '授权参数'));
  });
  r.post('/lbs/location', async (ctx) => {
    ctx.body = await lbs.report(principalOf(ctx.state), parse(LocationReport, ctx.request.body, '位置'));
  });
  r.get('/staff/events', async (ctx) => {
    const q = parse(StaffEventsQuery, singleQuery(ctx.query), '查询参数');
    ctx.body = { items: await events.list(principalOf(ctx.state), q.status) };
  });
  r.post('/staff/events/:id/claim', async (ctx) => {
    ctx.body = await events.claim(principalOf(ctx.state), parse(IdParam, ctx.params.id, '事件编号'));
  });
  r.post('/staff/events/:id/resolve', async (ctx) => {
    const id = parse(IdParam, ctx.params.id, '事件编号');
    ctx.body = await events.resolve(
      principalOf(ctx.state),
      id,
      parse(ResolveEventBody, ctx.request.body, '处理备注').note,
    );
  });
  r.post('/staff/orders/:id/ready', async (ctx) => {
    ctx.body = await staffOrders.markReady(principalOf(ctx.state), parse(IdParam, ctx.params.id, '订单编号'));
  });
  r.post('/staff/orders/:id/picked-up', async (ctx) => {
    ctx.body = await staffOrders.markPickedUp(
      principalOf(ctx.state),
      parse(IdParam, ctx.params.id, '订单编号'),
    );
  });
  return r;
}
