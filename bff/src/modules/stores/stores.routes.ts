import Router from '@koa/router';
import { IdParam, NearbyStoresQuery } from '@omni/shared-types';
import type { AppState } from '../../http/context';
import { parse, singleQuery } from '../../http/validate';
import type { StoresService } from './stores.service';

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
