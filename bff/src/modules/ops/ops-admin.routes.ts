import Router from '@koa/router';
import { BillDate, IdParam, JobListQuery, OpsAlert, RefundListQuery } from '@omni/shared-types';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import type { JobsService } from '../jobs/jobs.service';
import type { BillsService } from '../payments/bills.service';
import type { RefundsService } from '../payments/refunds.service';
import type { AlertsService } from './alerts.service';

const ADMIN = ['admin'] as const;
export const opsAdminPermissions: Permission[] = [
  { method: 'GET', path: '/admin/jobs', roles: ADMIN },
  { method: 'POST', path: '/admin/jobs/:id/retry', roles: ADMIN },
  { method: 'GET', path: '/admin/refunds', roles: ADMIN },
  { method: 'GET', path: '/admin/bills', roles: ADMIN },
  { method: 'GET', path: '/admin/bills/:date', roles: ADMIN },
  { method: 'POST', path: '/admin/bills/:date/reconcile', roles: ADMIN },
  { method: 'GET', path: '/admin/alerts', roles: ADMIN },
];

/** Back-office money operations: durable jobs and dead letters, the refund queue, daily 对账 reports, alerts. */
export function opsAdminRoutes(s: {
  jobs: JobsService;
  refunds: RefundsService;
  bills: BillsService;
  alerts: AlertsService;
}): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/admin' });
  r.get('/jobs', async (ctx) => {
    ctx.body = await s.jobs.list(parse(JobListQuery, singleQuery(ctx.query), '查询参数'));
  });
  r.post('/jobs/:id/retry', async (ctx) => {
    ctx.body = await s.jobs.retry(parse(IdParam, ctx.params.id, '任务编号'));
  });
  r.get('/refunds', async (ctx) => {
    ctx.body = await s.refunds.list(parse(RefundListQuery, singleQuery(ctx.query), '查询参数'));
  });
  r.get('/bills', async (ctx) => {
    ctx.body = { items: await s.bills.list() };
  });
  r.get('/bills/:date', async (ctx) => {
    ctx.body = await s.bills.get(parse(BillDate, ctx.params.date, '账单日期'));
  });
  r.post('/bills/:date/reconcile', async (ctx) => {
    ctx.body = await s.bills.reconcile(parse(BillDate, ctx.params.date, '账单日期'));
  });
  r.get('/alerts', async (ctx) => {
    const kind = parse(OpsAlert.shape.kind.optional(), singleQuery(ctx.query).kind, '告警类型');
    ctx.body = { items: await s.alerts.list(kind) };
  });
  return r;
}
