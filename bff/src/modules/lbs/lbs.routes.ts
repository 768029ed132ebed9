import Router from '@koa/router';
import { ConsentBody, IdParam, LocationReport, ResolveEventBody, StaffEventsQuery } from '@omni/shared-types';
import { principalOf, requireRole } from '../../http/auth';
import type { AppState } from '../../http/context';
import { parse, singleQuery } from '../../http/validate';
import type { LbsService } from './lbs.service';
import type { StaffEventsService } from './staff-events.service';
import type { StaffOrdersService } from './staff-orders.service';

/** Consent, location reports, the staff event inbox and staff pickup actions. */
export function lbsRoutes(
  lbs: LbsService,
  events: StaffEventsService,
  staffOrders: StaffOrdersService,
): Router<AppState> {
  const r = new Router<AppState>();
  r.get('/lbs/consent', requireRole('consumer'), async (ctx) => {
    ctx.body = await lbs.consent(principalOf(ctx.state));
  });
  r.post('/lbs/consent', requireRole('consumer'), async (ctx) => {
    ctx.body = await lbs.setConsent(principalOf(ctx.state), parse(ConsentBody, ctx.request.body, '授权参数'));
  });
  r.post('/lbs/location', requireRole(), async (ctx) => {
    ctx.body = await lbs.report(principalOf(ctx.state), parse(LocationReport, ctx.request.body, '位置'));
  });
  r.get('/staff/events', requireRole('staff'), async (ctx) => {
    const q = parse(StaffEventsQuery, singleQuery(ctx.query), '查询参数');
    ctx.body = { items: await events.list(principalOf(ctx.state), q.status) };
  });
  r.post('/staff/events/:id/claim', requireRole('staff'), async (ctx) => {
    ctx.body = await events.claim(principalOf(ctx.state), parse(IdParam, ctx.params.id, '事件编号'));
  });
  r.post('/staff/events/:id/resolve', requireRole('staff'), async (ctx) => {
    const id = parse(IdParam, ctx.params.id, '事件编号');
    ctx.body = await events.resolve(
      principalOf(ctx.state),
      id,
      parse(ResolveEventBody, ctx.request.body, '处理备注').note,
    );
  });
  r.post('/staff/orders/:id/ready', requireRole('staff'), async (ctx) => {
    ctx.body = await staffOrders.markReady(principalOf(ctx.state), parse(IdParam, ctx.params.id, '订单编号'));
  });
  r.post('/staff/orders/:id/picked-up', requireRole('staff'), async (ctx) => {
    ctx.body = await staffOrders.markPickedUp(
      principalOf(ctx.state),
      parse(IdParam, ctx.params.id, '订单编号'),
    );
  });
  return r;
}
