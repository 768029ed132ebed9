import Router from '@koa/router';
import {
  CreateFaqBody,
  CreateProductRelationBody,
  DeleteVersionQuery,
  FaqListQuery,
  FaqTryBody,
  IdParam,
  ProductRelationListQuery,
  PutSuitabilityBody,
  UpdateFaqBody,
  UpdateProductRelationBody,
} from '@omni/shared-types';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import { auditActor } from '../audit/audit.service';
import type { KnowledgeAdminService } from './knowledge-admin.service';

const ADMIN = ['admin'] as const;
/** Who may call the FAQ and product-relation routes: admins only (brand-wide data). */
export const knowledgeAdminPermissions: Permission[] = [
  { method: 'GET', path: '/admin/faq', roles: ADMIN },
  { method: 'POST', path: '/admin/faq', roles: ADMIN },
  { method: 'POST', path: '/admin/faq/try', roles: ADMIN },
  { method: 'GET', path: '/admin/faq/:id', roles: ADMIN },
  { method: 'PATCH', path: '/admin/faq/:id', roles: ADMIN },
  { method: 'DELETE', path: '/admin/faq/:id', roles: ADMIN },
  { method: 'GET', path: '/admin/product-relations', roles: ADMIN },
  { method: 'POST', path: '/admin/product-relations', roles: ADMIN },
  { method: 'PATCH', path: '/admin/product-relations/:id', roles: ADMIN },
  { method: 'DELETE', path: '/admin/product-relations/:id', roles: ADMIN },
  { method: 'GET', path: '/admin/products/:id/suitability', roles: ADMIN },
  { method: 'PUT', path: '/admin/products/:id/suitability', roles: ADMIN },
];

/** The bot's knowledge in the back office: FAQ articles (and a try box) and product relations. */
export function knowledgeAdminRoutes(s: KnowledgeAdminService): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/admin' });
  const id = (raw: string | undefined) => parse(IdParam, raw, '编号');
  r.get('/faq', async (ctx) => {
    ctx.body = await s.listFaq(parse(FaqListQuery, singleQuery(ctx.query), '查询参数'));
  });
  r.post('/faq', async (ctx) => {
    ctx.body = await s.createFaq(auditActor(ctx.state), parse(CreateFaqBody, ctx.request.body));
    ctx.status = 201;
  });
  r.post('/faq/try', async (ctx) => {
    ctx.body = await s.tryFaq(parse(FaqTryBody, ctx.request.body).text);
  });
  r.get('/faq/:id', async (ctx) => {
    ctx.body = await s.getFaq(id(ctx.params.id));
  });
  r.patch('/faq/:id', async (ctx) => {
    ctx.body = await s.updateFaq(
      auditActor(ctx.state),
      id(ctx.params.id),
      parse(UpdateFaqBody, ctx.request.body),
    );
  });
  r.delete('/faq/:id', async (ctx) => {
    const { version } = parse(DeleteVersionQuery, singleQuery(ctx.query), '查询参数');
    await s.deleteFaq(auditActor(ctx.state), id(ctx.params.id), version);
    ctx.status = 204;
  });
  r.get('/products/:id/suitability', async (ctx) => {
    ctx.body = await s.getSuitability(id(ctx.params.id));
  });
  r.put('/products/:id/suitability', async (ctx) => {
    const body = parse(PutSuitabilityBody, ctx.request.body, '适用人群');
    ctx.body = await s.putSuitability(auditActor(ctx.state), id(ctx.params.id), body);
  });
  r.get('/product-relations', async (ctx) => {
    ctx.body = await s.listRelations(parse(ProductRelationListQuery, singleQuery(ctx.query), '查询参数'));
  });
  r.post('/product-relations', async (ctx) => {
    const body = parse(CreateProductRelationBody, ctx.request.body);
    ctx.body = await s.createRelation(auditActor(ctx.state), body);
    ctx.status = 201;
  });
  r.patch('/product-relations/:id', async (ctx) => {
    const body = parse(UpdateProductRelationBody, ctx.request.body);
    ctx.body = await s.updateRelation(auditActor(ctx.state), id(ctx.params.id), body);
  });
  r.delete('/product-relations/:id', async (ctx) => {
    const { version } = parse(DeleteVersionQuery, singleQuery(ctx.query), '查询参数');
    await s.deleteRelation(auditActor(ctx.state), id(ctx.params.id), version);
    ctx.status = 204;
  });
  return r;
}
