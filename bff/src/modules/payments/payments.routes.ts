import Router from '@koa/router';
import type { Middleware } from 'koa';
import { IdParam } from '@omni/shared-types';
import { principalOf } from '../../http/auth';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse } from '../../http/validate';
import type { Logger } from '../../logger';
import { isRejection, type PaymentsService } from './payments.service';
import type { RefundsService } from './refunds.service';

/** Answers WeChat the way it expects: 2xx when handled, `{ code: 'FAIL', message }` otherwise (it retries those). */
function wechatCallback(
  log: Logger,
  what: string,
  handle: (headers: Record<string, string | string[] | undefined>, raw: string) => Promise<void>,
): Middleware<AppState> {
  return async (ctx) => {
    const raw = (ctx.request as unknown as { rawBody?: string }).rawBody ?? '';
    try {
      await handle(ctx.headers, raw);
      ctx.status = 204;
    } catch (err) {
      if (!isRejection(err)) throw err;
      log.warn({ requestId: ctx.state.requestId, code: err.code, reason: err.message }, `${what} rejected`);
      ctx.status = err.status;
      ctx.body = { code: 'FAIL', message: err.message, error: { code: err.code, message: err.message } };
    }
  };
}

/** Who may call each route of `paymentsRoutes` (see permission-table.ts). */
export const paymentsPermissions: Permission[] = [
  { method: 'POST', path: '/orders/:id/pay', roles: ['consumer'] },
  { method: 'POST', path: '/orders/:id/pay/confirm', roles: ['consumer'] },
  { method: 'POST', path: '/payments/wechat/notify', roles: 'public' },
  { method: 'POST', path: '/payments/wechat/refund-notify', roles: 'public' },
  { method: 'POST', path: '/dev/mock-pay/:id', roles: ['consumer'] },
];

/** `POST /orders/:id/pay`, `/pay/confirm`, WeChat's payment and refund notifies, and the dev mock pay sheet. */
export function paymentsRoutes(
  payments: PaymentsService,
  refunds: RefundsService,
  log: Logger,
): Router<AppState> {
  const r = new Router<AppState>();
  r.post('/orders/:id/pay', async (ctx) => {
    ctx.body = await payments.pay(principalOf(ctx.state), parse(IdParam, ctx.params.id, '订单编号'));
  });
  r.post('/orders/:id/pay/confirm', async (ctx) => {
    ctx.body = await payments.confirm(principalOf(ctx.state), parse(IdParam, ctx.params.id, '订单编号'));
  });
  r.post(
    '/payments/wechat/notify',
    wechatCallback(log, 'payment notify', (h, raw) => payments.notify(h, raw)),
  );
  r.post(
    '/payments/wechat/refund-notify',
    wechatCallback(log, 'refund notify', (h, raw) => refunds.notify(h, raw)),
  );
  r.post('/dev/mock-pay/:id', async (ctx) => {
    ctx.body = await payments.mockPay(principalOf(ctx.state), parse(IdParam, ctx.params.id, '订单编号'));
  });
  return r;
}
