import Router from '@koa/router';
import { DashboardAnomaliesQuery, DashboardQuery } from '@omni/shared-types';
import { principalOf } from '../../http/auth';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import type { DashboardService } from './dashboard.service';

const ADMIN_OR_MANAGER = ['admin', 'store_manager'] as const;

/** Who may call the 看板 routes: admins (any or every store), store managers (their own store; others 404). */
export const dashboardPermissions: Permission[] = [
  { method: 'GET', path: '/admin/dashboard', roles: ADMIN_OR_MANAGER },
  { method: 'GET', path: '/admin/dashboard/anomalies', roles: ADMIN_OR_MANAGER },
];

/** `GET /admin/dashboard` and `GET /admin/dashboard/anomalies`. */
export function dashboardRoutes(dashboard: DashboardService): Router<AppState> {
  const r = new Router<AppState>();
  r.get('/admin/dashboard', async (ctx) => {
    const q = parse(DashboardQuery, singleQuery(ctx.query), '查询参数');
    ctx.body = await dashboard.dashboard(principalOf(ctx.state), q);
  });
  r.get('/admin/dashboard/anomalies', async (ctx) => {
    const q = parse(DashboardAnomaliesQuery, singleQuery(ctx.query), '查询参数');
    ctx.body = await dashboard.anomalies(principalOf(ctx.state), q);
  });
  return r;
}
