import Router from '@koa/router';
import { IdParam, ProductDetailQuery, ProductListQuery } from '@omni/shared-types';
import { toGcj02 } from '../../algorithms/geo';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import type { CatalogService } from './catalog.service';

/** Who may call each route of `catalogRoutes` (see permission-table.ts). */
export const catalogPermissions: Permission[] = [
  { method: 'GET', path: '/products', roles: 'public' },
  { method: 'GET', path: '/products/:id', roles: 'public' },
  { method: 'GET', path: '/categories', roles: 'public' },
];

/** `GET /products`, `GET /products/:id`, `GET /categories`. */
export function catalogRoutes(catalog: CatalogService): Router<AppState> {
  const r = new Router<AppState>();
  r.get('/products', async (ctx) => {
    ctx.body = await catalog.list(parse(ProductListQuery, singleQuery(ctx.query), '查询参数'));
  });
  r.get('/products/:id', async (ctx) => {
    const id = parse(IdParam, ctx.params.id, '商品编号');
    const q = parse(ProductDetailQuery, singleQuery(ctx.query), '查询参数');
    const near =
      q.lat !== undefined && q.lng !== undefined
        ? toGcj02({ lat: q.lat, lng: q.lng }, q.coord ?? 'gcj02')
        : null;
    ctx.body = await catalog.detail(id, near);
  });
  r.get('/categories', async (ctx) => {
    ctx.body = await catalog.categories();
  });
  return r;
}
