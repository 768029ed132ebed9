import Router from '@koa/router';
import { KpiQuery } from '@omni/shared-types';
import { principalOf, requireRole } from '../../http/auth';
import type { AppState } from '../../http/context';
import { parse, singleQuery } from '../../http/validate';
import type { KpisService } from './kpis.service';

/** `GET /ops/kpis?from=&to=&storeId=` (staff: own store; admin: any or all). */
export function kpisRoutes(kpis: KpisService): Router<AppState> {
  const r = new Router<AppState>();
  r.get('/ops/kpis', requireRole('staff', 'admin'), async (ctx) => {
    ctx.body = await kpis.compute(
      principalOf(ctx.state),
      parse(KpiQuery, singleQuery(ctx.query), '查询参数'),
    );
  });
  return r;
}
