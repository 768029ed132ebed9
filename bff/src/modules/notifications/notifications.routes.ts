import Router from '@koa/router';
import { z } from 'zod';
import {
  IdParam,
  NotificationListQuery,
  OfferedTemplatesQuery,
  SubscribeConsentBody,
  UpdateNotifyPreferenceBody,
  UpdateNotifyTemplateBody,
} from '@omni/shared-types';
import type { AppState } from '../../http/context';
import { principalOf } from '../../http/auth';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import { auditActor } from '../audit/audit.service';
import type { Notifier } from './notifier';
import type { NotifyTemplates } from './templates';

const PEOPLE = ['consumer', 'staff', 'store_manager', 'courier'] as const;
const ADMIN = ['admin'] as const;

/** Who may call the notification routes. */
export const notificationsPermissions: Permission[] = [
  { method: 'GET', path: '/notifications/templates', roles: PEOPLE },
  { method: 'POST', path: '/notifications/consents', roles: PEOPLE },
  { method: 'GET', path: '/notifications/preferences', roles: PEOPLE },
  { method: 'PUT', path: '/notifications/preferences/:event', roles: PEOPLE },
  { method: 'GET', path: '/admin/notification-templates', roles: ADMIN },
  { method: 'PUT', path: '/admin/notification-templates/:event', roles: ADMIN },
  { method: 'GET', path: '/admin/notifications', roles: ADMIN },
  { method: 'GET', path: '/admin/notifications/stats', roles: ADMIN },
  { method: 'POST', path: '/admin/notifications/:id/retry', roles: ADMIN },
];

const OfferQuery = OfferedTemplatesQuery.extend({
  orderType: z.enum(['delivery', 'pickup']).optional(),
}).strict();
const EventParam = z.string().trim().min(1).max(48);

/** Consent and preferences for WeChat identities; templates and the outbox for admins. */
export function notificationsRoutes(s: {
  notifier: Notifier;
  notifyTemplates: NotifyTemplates;
}): Router<AppState> {
  const r = new Router<AppState>();
  r.get('/notifications/templates', async (ctx) => {
    const q = parse(OfferQuery, singleQuery(ctx.query), '查询参数');
    const p = principalOf(ctx.state);
    ctx.body = await s.notifyTemplates.offer({ userId: p.userId, role: p.role }, q.scene, q.orderType);
  });
  r.post('/notifications/consents', async (ctx) => {
    const body = parse(SubscribeConsentBody, ctx.request.body, '订阅结果');
    const p = principalOf(ctx.state);
    ctx.body = await s.notifyTemplates.consent({ userId: p.userId, role: p.role }, body);
  });
  r.get('/notifications/preferences', async (ctx) => {
    const p = principalOf(ctx.state);
    ctx.body = await s.notifyTemplates.preferences({ userId: p.userId, role: p.role });
  });
  r.put('/notifications/preferences/:event', async (ctx) => {
    const event = parse(EventParam, ctx.params.event, '通知类型');
    const body = parse(UpdateNotifyPreferenceBody, ctx.request.body, '通知设置');
    const p = principalOf(ctx.state);
    ctx.body = await s.notifyTemplates.setPreference({ userId: p.userId, role: p.role }, event, body.enabled);
  });
  r.get('/admin/notification-templates', async (ctx) => {
    ctx.body = await s.notifyTemplates.list();
  });
  r.put('/admin/notification-templates/:event', async (ctx) => {
    const event = parse(EventParam, ctx.params.event, '通知类型');
    const body = parse(UpdateNotifyTemplateBody, ctx.request.body, '通知模板');
    ctx.body = await s.notifyTemplates.update(auditActor(ctx.state), event, body);
  });
  r.get('/admin/notifications', async (ctx) => {
    ctx.body = await s.notifier.list(parse(NotificationListQuery, singleQuery(ctx.query), '查询参数'));
  });
  r.get('/admin/notifications/stats', async (ctx) => {
    ctx.body = await s.notifier.stats();
  });
  r.post('/admin/notifications/:id/retry', async (ctx) => {
    ctx.body = await s.notifier.retry(parse(IdParam, ctx.params.id, '通知编号'));
  });
  return r;
}
