import Router from '@koa/router';
import { IdParam, NearbyStoresQuery } from '@omni/shared-types';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import type { StoresService } from './stores.service';

/** Who may call each route of `storesRoutes` (see permission-table.ts). */
export const storesPermissions: Permission[] = [
  { method: 'GET', path: '/stores/nearby', roles: 'public' },
  { method: 'GET', path: '/stores/:id', roles: 'public' },
];

/** `GET /stores/nearby`, `GET /stores/:id`. */
export function storesRoutes(stores: StoresService): Router<AppState> {
  const r = new Router<AppState>();
  r.get('/stores/nearby', async (ctx) => {
    ctx.body = await stores.nearby(parse(NearbyStoresQuery, singleQuery(ctx.query), '查询参数'));
  });
  r.get('/stores/:id', async (ctx) => {
    ctx.body = await stores.detail(parse(IdParam, ctx.params.id, '门店编号'));
  });
  return r;
}
