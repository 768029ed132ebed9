import Router from '@koa/router';
import { KpiQuery } from '@omni/shared-types';
import { principalOf } from '../../http/auth';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import type { KpisService } from './kpis.service';

/** Who may call each route of `kpisRoutes` (see permission-table.ts). */
export const kpisPermissions: Permission[] = [
  { method: 'GET', path: '/ops/kpis', roles: ['staff', 'admin'] },
];

/** `GET /ops/kpis?from=&to=&storeId=` (staff: own store; admin: any or all). */
export function kpisRoutes(kpis: KpisService): Router<AppState> {
  const r = new Router<AppState>();
  r.get('/ops/kpis', async (ctx) => {
    ctx.body = await kpis.compute(
      principalOf(ctx.state),
      parse(KpiQuery, singleQuery(ctx.query), '查询参数'),
    );
  });
  return r;
}
