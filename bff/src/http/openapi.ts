import { z } from 'zod';
import * as T from '@omni/shared-types';

/** One documented operation: its schemas come from shared-types, the same ones the routes parse with. */
export interface ApiOperation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  roles?: T.Role[];
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  errors?: T.ErrorCode[];
}

/** The operations of `/api/v1`; each module's routes are listed here as they land. */
export const API_OPERATIONS: ApiOperation[] = [
  {
    method: 'post',
    path: '/auth/wechat',
    summary: '微信登录 (code2session)',
    body: T.WechatLoginBody,
    response: T.LoginResponse,
    errors: ['WECHAT_CODE_INVALID', 'WECHAT_RATE_LIMITED'],
  },
  {
    method: 'post',
    path: '/auth/dev',
    summary: '开发登录 (ALLOW_DEV_LOGIN=1)',
    body: T.DevLoginBody,
    response: T.LoginResponse,
    errors: ['DEV_LOGIN_DISABLED'],
  },
  { method: 'get', path: '/categories', summary: '商品分类', response: T.CategoryListResponse },
  {
    method: 'get',
    path: '/products',
    summary: '商品列表与搜索',
    query: T.ProductListQuery,
    response: T.ProductListResponse,
  },
  {
    method: 'get',
    path: '/products/{id}',
    summary: '商品详情与门店库存',
    query: T.ProductDetailQuery,
    response: T.ProductDetail,
    errors: ['PRODUCT_NOT_FOUND'],
  },
  {
    method: 'post',
    path: '/routing/optimize',
    summary: '通用路线优化 (VRPTW, 类 VROOM)',
    roles: ['staff', 'admin'],
    body: T.OptimizeRequest,
    response: T.OptimizeResponse,
    errors: ['ROUTING_INPUT_INVALID', 'ROUTING_LIMIT_EXCEEDED', 'RATE_LIMITED'],
  },
  {
    method: 'post',
    path: '/dispatch/plan',
    summary: '门店当日配送排线 (版本化)',
    roles: ['staff', 'admin'],
    body: T.DispatchPlanBody,
    response: T.DispatchPlan,
    errors: ['STORE_NOT_FOUND', 'INVALID_STATE', 'FORBIDDEN'],
  },
  {
    method: 'get',
    path: '/courier/route',
    summary: '骑手当日路线',
    roles: ['courier'],
    query: T.CourierRouteQuery,
    response: T.CourierRoute,
    errors: ['ROUTE_NOT_PLANNED'],
  },
  {
    method: 'post',
    path: '/courier/stops/{id}/arrive',
    summary: '骑手到达站点',
    roles: ['courier'],
    body: T.StopArriveBody,
    response: T.StopActionResponse,
    errors: ['STOP_NOT_FOUND', 'INVALID_STATE', 'IDEMPOTENCY_KEY_REUSED'],
  },
  {
    method: 'post',
    path: '/courier/stops/{id}/deliver',
    summary: '骑手送达 (收货码或照片)',
    roles: ['courier'],
    body: T.StopDeliverBody,
    response: T.StopActionResponse,
    errors: [
      'STOP_NOT_FOUND',
      'DELIVERY_CODE_INVALID',
      'PHOTO_NOT_FOUND',
      'INVALID_STATE',
      'IDEMPOTENCY_KEY_REUSED',
    ],
  },
  {
    method: 'post',
    path: '/courier/stops/{id}/fail',
    summary: '骑手配送失败',
    roles: ['courier'],
    body: T.StopFailBody,
    response: T.StopActionResponse,
    errors: ['STOP_NOT_FOUND', 'INVALID_STATE', 'IDEMPOTENCY_KEY_REUSED'],
  },
  {
    method: 'post',
    path: '/courier/uploads',
    summary: '上传送达照片 (image/jpeg 或 image/png 原始字节, ≤ 2 MB)',
    roles: ['courier'],
    response: T.PhotoUploadResponse,
    errors: ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'],
  },
];

function schemaOf(s: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' }) as Record<
    string,
    unknown
  >;
}

function queryParameters(s: z.ZodType): unknown[] {
  const json = schemaOf(s) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema,
  }));
}

/** Builds the OpenAPI 3.0 document served at `GET /api/v1/openapi.json`. */
export function buildOpenApi(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorSchema = schemaOf(T.ErrorBody);
  for (const op of API_OPERATIONS) {
    const params: unknown[] = [];
    for (const m of op.path.matchAll(/\{(\w+)\}/g)) {
      params.push({ name: m[1], in: 'path', required: true, schema: { type: 'integer', minimum: 1 } });
    }
    if (op.query) params.push(...queryParameters(op.query));
    const responses: Record<string, unknown> = {
      '200': {
        description: 'OK',
        content: op.response ? { 'application/json': { schema: schemaOf(op.response) } } : undefined,
      },
      '4XX': {
        description: `错误${op.errors ? `: ${op.errors.join(', ')}` : ''}`,
        content: { 'application/json': { schema: errorSchema } },
      },
    };
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      parameters: params.length ? params : undefined,
      requestBody: op.body
        ? { required: true, content: { 'application/json': { schema: schemaOf(op.body) } } }
        : undefined,
      responses,
      security: op.roles ? [{ bearer: [] }] : undefined,
      'x-roles': op.roles,
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: '品牌微信小程序 BFF', version },
    servers: [{ url: '/api/v1' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
