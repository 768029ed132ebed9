import Router from '@koa/router';
import { IdParam } from '@omni/shared-types';
import { principalOf, requireRole } from '../../http/auth';
import type { AppState } from '../../http/context';
import { parse } from '../../http/validate';
import type { Logger } from '../../logger';
import { isRejection, type PaymentsService } from './payments.service';

/** `POST /orders/:id/pay`, `POST /payments/wechat/notify`, and the dev mock pay sheet. */
export function paymentsRoutes(payments: PaymentsService, log: Logger): Router<AppState> {
  const r = new Router<AppState>();
  r.post('/orders/:id/pay', requireRole('consumer'), async (ctx) => {
    ctx.body = await payments.pay(principalOf(ctx.state), parse(IdParam, ctx.params.id, '订单编号'));
  });
  // WeChat expects 2xx on success and `{ code: 'FAIL', message }` otherwise; it retries non-2xx.
  r.post('/payments/wechat/notify', async (ctx) => {
    const raw = (ctx.request as unknown as { rawBody?: string }).rawBody ?? '';
    try {
      await payments.notify(ctx.headers, raw);
      ctx.status = 204;
    } catch (err) {
      if (!isRejection(err)) throw err;
      log.warn(
        { requestId: ctx.state.requestId, code: err.code, reason: err.message },
        'payment notify rejected',
      );
      ctx.status = err.status;
      ctx.body = { code: 'FAIL', message: err.message, error: { code: err.code, message: err.message } };
    }
  });
  r.post('/dev/mock-pay/:id', requireRole('consumer'), async (ctx) => {
    ctx.body = await payments.mockPay(principalOf(ctx.state), parse(IdParam, ctx.params.id, '订单编号'));
  });
  return r;
}
