import Router from '@koa/router';
import {
  AdminOrderCancelBody,
  AdminOrderRescheduleBody,
  AdminOrderListQuery,
  AdminOrderRefundBody,
  AdminSlotGridQuery,
  AdminSlotOverrideBody,
  AdminSlotOverrideListQuery,
  AdminSlotTemplateCreateBody,
  AdminSlotTemplateListQuery,
  AdminSlotTemplatePatchBody,
  AdminStoreCreateBody,
  AdminStoreListQuery,
  AdminStorePatchBody,
  AdminZoneCreateBody,
  AdminZoneListQuery,
  AdminZonePatchBody,
  IdParam,
} from '@omni/shared-types';
import { principalOf } from '../../http/auth';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import { auditActor } from '../audit/audit.service';
import { z } from 'zod';
import type { OpsDataServices } from './ops-data.container';

const ADMIN = ['admin'] as const;
/** Object-level scoping in the services: a store manager reaches only its own store's records (others 404). */
const ADMIN_OR_MANAGER = ['admin', 'store_manager'] as const;

/**
 * Who may call the operations-data routes. Stores: admins; a store manager reads its own store and
 * may PATCH only its hours, closed dates and pickup switch. Zones: admins write, a manager reads its
 * store's. Slot templates and overrides: admins, and managers for their own store's zones
 * (an every-zone blackout is the admin's). Orders: admins all stores, managers their own.
 */
export const opsDataPermissions: Permission[] = [
  { method: 'GET', path: '/admin/stores', roles: ADMIN_OR_MANAGER },
  { method: 'POST', path: '/admin/stores', roles: ADMIN },
  { method: 'GET', path: '/admin/stores/:id', roles: ADMIN_OR_MANAGER },
  { method: 'PATCH', path: '/admin/stores/:id', roles: ADMIN_OR_MANAGER },
  { method: 'GET', path: '/admin/zones', roles: ADMIN_OR_MANAGER },
  { method: 'POST', path: '/admin/zones', roles: ADMIN },
  { method: 'GET', path: '/admin/zones/:id', roles: ADMIN_OR_MANAGER },
  { method: 'PATCH', path: '/admin/zones/:id', roles: ADMIN },
  { method: 'GET', path: '/admin/slot-templates', roles: ADMIN_OR_MANAGER },
  { method: 'POST', path: '/admin/slot-templates', roles: ADMIN_OR_MANAGER },
  { method: 'PATCH', path: '/admin/slot-templates/:id', roles: ADMIN_OR_MANAGER },
  { method: 'GET', path: '/admin/slot-overrides', roles: ADMIN_OR_MANAGER },
  { method: 'POST', path: '/admin/slot-overrides', roles: ADMIN_OR_MANAGER },
  { method: 'DELETE', path: '/admin/slot-overrides/:kind/:id', roles: ADMIN_OR_MANAGER },
  { method: 'GET', path: '/admin/slots', roles: ADMIN_OR_MANAGER },
  { method: 'GET', path: '/admin/orders', roles: ADMIN_OR_MANAGER },
  { method: 'GET', path: '/admin/orders/:id', roles: ADMIN_OR_MANAGER },
  { method: 'POST', path: '/admin/orders/:id/cancel', roles: ADMIN_OR_MANAGER },
  { method: 'POST', path: '/admin/orders/:id/refund', roles: ADMIN_OR_MANAGER },
  { method: 'POST', path: '/admin/orders/:id/reschedule', roles: ADMIN_OR_MANAGER },
];

const OverrideKind = z.enum(['blackout', 'capacity']);

/** `/admin/stores`, `/admin/zones`, `/admin/slot-templates`, `/admin/slot-overrides`, `/admin/orders`. */
export function opsDataRoutes(s: OpsDataServices): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/admin' });
  const query = (ctx: { query: Record<string, string | string[] | undefined> }) => singleQuery(ctx.query);
  const id = (raw: string, what: string) => parse(IdParam, raw, what);

  r.get('/stores', async (ctx) => {
    ctx.body = await s.stores.list(
      principalOf(ctx.state),
      parse(AdminStoreListQuery, query(ctx), '查询参数'),
    );
  });
  r.post('/stores', async (ctx) => {
    ctx.status = 201;
    ctx.body = await s.stores.create(auditActor(ctx.state), parse(AdminStoreCreateBody, ctx.request.body));
  });
  r.get('/stores/:id', async (ctx) => {
    ctx.body = await s.stores.get(principalOf(ctx.state), id(ctx.params.id, '门店编号'));
  });
  r.patch('/stores/:id', async (ctx) => {
    const body = parse(AdminStorePatchBody, ctx.request.body);
    ctx.body = await s.stores.patch(auditActor(ctx.state), id(ctx.params.id, '门店编号'), body);
  });

  r.get('/zones', async (ctx) => {
    ctx.body = await s.zones.list(principalOf(ctx.state), parse(AdminZoneListQuery, query(ctx), '查询参数'));
  });
  r.post('/zones', async (ctx) => {
    ctx.status = 201;
    ctx.body = await s.zones.create(auditActor(ctx.state), parse(AdminZoneCreateBody, ctx.request.body));
  });
  r.get('/zones/:id', async (ctx) => {
    ctx.body = await s.zones.get(principalOf(ctx.state), id(ctx.params.id, '配送区编号'));
  });
  r.patch('/zones/:id', async (ctx) => {
    const body = parse(AdminZonePatchBody, ctx.request.body);
    ctx.body = await s.zones.patch(auditActor(ctx.state), id(ctx.params.id, '配送区编号'), body);
  });

  r.get('/slot-templates', async (ctx) => {
    ctx.body = await s.slots.listTemplates(
      principalOf(ctx.state),
      parse(AdminSlotTemplateListQuery, query(ctx), '查询参数'),
    );
  });
  r.post('/slot-templates', async (ctx) => {
    const body = parse(AdminSlotTemplateCreateBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = await s.slots.createTemplate(auditActor(ctx.state), body);
  });
  r.patch('/slot-templates/:id', async (ctx) => {
    const body = parse(AdminSlotTemplatePatchBody, ctx.request.body);
    ctx.body = await s.slots.patchTemplate(auditActor(ctx.state), id(ctx.params.id, '模板编号'), body);
  });
  r.get('/slot-overrides', async (ctx) => {
    ctx.body = await s.slots.listOverrides(
      principalOf(ctx.state),
      parse(AdminSlotOverrideListQuery, query(ctx), '查询参数'),
    );
  });
  r.post('/slot-overrides', async (ctx) => {
    const body = parse(AdminSlotOverrideBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = await s.slots.createOverride(auditActor(ctx.state), body);
  });
  r.delete('/slot-overrides/:kind/:id', async (ctx) => {
    const kind = parse(OverrideKind, ctx.params.kind, '调整类型');
    ctx.body = await s.slots.removeOverride(auditActor(ctx.state), kind, id(ctx.params.id, '调整编号'));
  });

  r.get('/slots', async (ctx) => {
    ctx.body = await s.slotGrid.grid(
      principalOf(ctx.state),
      parse(AdminSlotGridQuery, query(ctx), '查询参数'),
    );
  });

  r.get('/orders', async (ctx) => {
    ctx.body = await s.orders.list(
      principalOf(ctx.state),
      parse(AdminOrderListQuery, query(ctx), '查询参数'),
    );
  });
  r.get('/orders/:id', async (ctx) => {
    ctx.body = await s.orders.get(principalOf(ctx.state), id(ctx.params.id, '订单编号'));
  });
  r.post('/orders/:id/cancel', async (ctx) => {
    const body = parse(AdminOrderCancelBody, ctx.request.body ?? {});
    ctx.body = await s.orders.cancel(auditActor(ctx.state), id(ctx.params.id, '订单编号'), body);
  });
  r.post('/orders/:id/reschedule', async (ctx) => {
    const body = parse(AdminOrderRescheduleBody, ctx.request.body, '改约');
    ctx.body = await s.orders.reschedule(auditActor(ctx.state), id(ctx.params.id, '订单编号'), body);
  });
  r.post('/orders/:id/refund', async (ctx) => {
    const body = parse(AdminOrderRefundBody, ctx.request.body);
    ctx.body = await s.orders.refund(auditActor(ctx.state), id(ctx.params.id, '订单编号'), body);
  });
  return r;
}
