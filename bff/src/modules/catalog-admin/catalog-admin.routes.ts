import Router from '@koa/router';
import {
  AdminProductListQuery,
  AdminStockListQuery,
  CreateProductBody,
  IdParam,
  ImportQuery,
  SetStockBody,
  UpdateProductBody,
} from '@omni/shared-types';
import type { AppContext, AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import { auditActor } from '../audit/audit.service';
import type { CatalogAdminService } from './catalog-admin.service';
import type { CatalogImportService } from './catalog-import.service';
import { readCsvBody } from './csv-body';

const ADMIN = ['admin'] as const;
const STORE_ADMINS = ['admin', 'store_manager'] as const;

/** Who may call the catalogue and stock admin routes (store managers: their own store's stock only). */
export const catalogAdminPermissions: Permission[] = [
  { method: 'GET', path: '/admin/products', roles: ADMIN },
  { method: 'POST', path: '/admin/products', roles: ADMIN },
  { method: 'GET', path: '/admin/products/:id', roles: ADMIN },
  { method: 'PATCH', path: '/admin/products/:id', roles: ADMIN },
  { method: 'GET', path: '/admin/stores/:storeId/stock', roles: STORE_ADMINS },
  { method: 'PUT', path: '/admin/stores/:storeId/stock/:productId', roles: STORE_ADMINS },
  { method: 'POST', path: '/admin/import/products', roles: ADMIN },
  { method: 'POST', path: '/admin/import/stock', roles: ADMIN },
  { method: 'GET', path: '/admin/export/products.csv', roles: ADMIN },
  { method: 'GET', path: '/admin/export/stock.csv', roles: ADMIN },
];

function sendCsv(ctx: AppContext, filename: string, text: string): void {
  ctx.type = 'text/csv; charset=utf-8';
  ctx.set('Content-Disposition', `attachment; filename="${filename}"`);
  ctx.body = text;
}

/** `/admin/products`, `/admin/stores/:storeId/stock`, CSV `/admin/import/*` and `/admin/export/*`. */
export function catalogAdminRoutes(s: {
  catalogAdmin: CatalogAdminService;
  catalogImport: CatalogImportService;
}): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/admin' });
  r.get('/products', async (ctx) => {
    ctx.body = await s.catalogAdmin.listProducts(
      parse(AdminProductListQuery, singleQuery(ctx.query), '查询参数'),
    );
  });
  r.post('/products', async (ctx) => {
    const body = parse(CreateProductBody, ctx.request.body, '商品信息');
    ctx.status = 201;
    ctx.body = await s.catalogAdmin.createProduct(auditActor(ctx.state), body);
  });
  r.get('/products/:id', async (ctx) => {
    ctx.body = await s.catalogAdmin.product(parse(IdParam, ctx.params.id, '商品编号'));
  });
  r.patch('/products/:id', async (ctx) => {
    const id = parse(IdParam, ctx.params.id, '商品编号');
    const body = parse(UpdateProductBody, ctx.request.body, '商品信息');
    ctx.body = await s.catalogAdmin.updateProduct(auditActor(ctx.state), id, body);
  });
  r.get('/stores/:storeId/stock', async (ctx) => {
    const storeId = parse(IdParam, ctx.params.storeId, '门店编号');
    const q = parse(AdminStockListQuery, singleQuery(ctx.query), '查询参数');
    ctx.body = await s.catalogAdmin.listStock(auditActor(ctx.state), storeId, q);
  });
  r.put('/stores/:storeId/stock/:productId', async (ctx) => {
    const storeId = parse(IdParam, ctx.params.storeId, '门店编号');
    const productId = parse(IdParam, ctx.params.productId, '商品编号');
    const body = parse(SetStockBody, ctx.request.body, '库存');
    ctx.body = await s.catalogAdmin.setStock(auditActor(ctx.state), storeId, productId, body);
  });
  r.post('/import/products', async (ctx) => {
    const { dryRun } = parse(ImportQuery, singleQuery(ctx.query), '查询参数');
    ctx.body = await s.catalogImport.importProducts(
      auditActor(ctx.state),
      await readCsvBody(ctx),
      dryRun ?? false,
    );
  });
  r.post('/import/stock', async (ctx) => {
    const { dryRun } = parse(ImportQuery, singleQuery(ctx.query), '查询参数');
    ctx.body = await s.catalogImport.importStock(
      auditActor(ctx.state),
      await readCsvBody(ctx),
      dryRun ?? false,
    );
  });
  r.get('/export/products.csv', async (ctx) => {
    sendCsv(ctx, 'products.csv', await s.catalogImport.exportProducts());
  });
  r.get('/export/stock.csv', async (ctx) => {
    sendCsv(ctx, 'stock.csv', await s.catalogImport.exportStock());
  });
  return r;
}
