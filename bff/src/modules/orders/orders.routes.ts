import Router from '@koa/router';
import {
  CancelBody,
  CreateOrderBody,
  IdParam,
  IdempotencyKey,
  OrderListQuery,
  RescheduleBody,
} from '@omni/shared-types';
import { principalOf } from '../../http/auth';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { ValidationError } from '../../http/errors';
import { parse, singleQuery } from '../../http/validate';
import type { OrderLifecycle } from './order-lifecycle';
import type { OrdersService } from './orders.service';

/** Who may call each route of `ordersRoutes` (see permission-table.ts). */
export const ordersPermissions: Permission[] = [
  { method: 'POST', path: '/orders', roles: ['consumer'] },
  { method: 'GET', path: '/orders', roles: ['consumer', 'staff', 'admin'] },
  { method: 'GET', path: '/orders/:id', roles: [] },
  { method: 'PATCH', path: '/orders/:id/slot', roles: ['consumer'] },
  { method: 'POST', path: '/orders/:id/cancel', roles: ['consumer', 'staff', 'admin'] },
];

/** `POST /orders`, `GET /orders`, `GET /orders/:id`, `PATCH /orders/:id/slot`, `POST /orders/:id/cancel`. */
export function ordersRoutes(orders: OrdersService, lifecycle: OrderLifecycle): Router<AppState> {
  const r = new Router<AppState>();
  r.post('/orders', async (ctx) => {
    const header = ctx.get('Idempotency-Key');
    if (!header) {
      throw new ValidationError(
        '缺少 Idempotency-Key 请求头',
        [{ path: 'Idempotency-Key', message: 'required' }],
        'IDEMPOTENCY_KEY_MISSING',
      );
    }
    const key = parse(IdempotencyKey, header, 'Idempotency-Key');
    const body = parse(CreateOrderBody, ctx.request.body, '下单参数');
    const { order, created } = await orders.create(principalOf(ctx.state), key, body);
    ctx.status = created ? 201 : 200;
    ctx.body = order;
  });
  r.get('/orders', async (ctx) => {
    ctx.body = await orders.list(
      principalOf(ctx.state),
      parse(OrderListQuery, singleQuery(ctx.query), '查询参数'),
    );
  });
  r.get('/orders/:id', async (ctx) => {
    ctx.body = await orders.get(principalOf(ctx.state), parse(IdParam, ctx.params.id, '订单编号'));
  });
  r.patch('/orders/:id/slot', async (ctx) => {
    const id = parse(IdParam, ctx.params.id, '订单编号');
    const { slotId } = parse(RescheduleBody, ctx.request.body, '改约参数');
    ctx.body = await lifecycle.reschedule(principalOf(ctx.state), id, slotId);
  });
  r.post('/orders/:id/cancel', async (ctx) => {
    const id = parse(IdParam, ctx.params.id, '订单编号');
    const { reason } = parse(CancelBody, ctx.request.body ?? {}, '取消参数');
    ctx.body = await lifecycle.cancel(principalOf(ctx.state), id, reason);
  });
  return r;
}
