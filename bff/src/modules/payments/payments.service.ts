import type { DataSource } from 'typeorm';
import type { MockPayResponse, PayResponse } from '@omni/shared-types';
import type { WechatPay } from '../../adapters/wechat/wechat-pay';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import type { Principal } from '../../http/context';
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../../http/errors';
import type { Logger } from '../../logger';
import type { OrderLifecycle } from '../orders/order-lifecycle';
import { OrderEntity } from '../orders/order.entity';
import type { OrdersService } from '../orders/orders.service';
import { UserEntity } from '../users/user.entity';

/** Builds the notify WeChat would send for an order (the dev mock pay sheet). */
export type MockPayer = (outTradeNo: string) => { headers: Record<string, string>; body: string };

/** WeChat Pay for orders: prepay, the signed notify, refunds of cancelled paid orders. */
export class PaymentsService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      orders: OrdersService;
      lifecycle: OrderLifecycle;
      wechatPay: WechatPay;
      mockPayer: MockPayer | null;
      clock: Clock;
      log: Logger;
    },
  ) {}

  /** JSAPI parameters for `wx.requestPayment`; only the owner, only while unpaid and not expired. */
  async pay(p: Principal, orderId: number): Promise<PayResponse> {
    const order = await this.deps.orders.entityFor(p, orderId);
    if (p.role !== 'consumer') throw new ForbiddenError('只有下单人可以支付');
    const now = this.deps.clock.now();
    if (order.status !== 'pending_payment') throw new ConflictError('INVALID_STATE', '订单无需支付');
    if (order.expiresAt && order.expiresAt <= now)
      throw new ConflictError('INVALID_STATE', '订单已超时，请重新下单');
    const user = await this.deps.db.getRepository(UserEntity).findOneByOrFail({ id: order.userId });
    const params = await this.deps.wechatPay.prepay({
      outTradeNo: order.orderNo,
      description: `品牌小店-订单${order.orderNo}`,
      amountFen: order.totalFen,
      openid: user.openid,
      expiresAt: order.expiresAt ?? undefined,
    });
    return { orderId: order.id, totalFen: order.totalFen, params, mockPay: this.deps.mockPayer !== null };
  }

  /**
   * WeChat's payment result. Verified (signature, decryption), checked against the order
   * (number, amount) and idempotent: a repeated notify changes nothing. Throws on rejection.
   */
  async notify(headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<void> {
    const paid = this.deps.wechatPay.verifyNotify(headers, rawBody);
    if (paid.tradeState !== 'SUCCESS') {
      this.deps.log.info(
        { outTradeNo: paid.outTradeNo, state: paid.tradeState },
        'payment notify without success',
      );
      return;
    }
    const order = await this.deps.db.getRepository(OrderEntity).findOneBy({ orderNo: paid.outTradeNo });
    if (!order) {
      this.deps.log.warn({ outTradeNo: paid.outTradeNo }, 'payment notify for an unknown order');
      throw new NotFoundError('ORDER_NOT_FOUND', 'unknown out_trade_no');
    }
    if (paid.totalFen !== order.totalFen) {
      this.deps.log.warn(
        { orderId: order.id, expected: order.totalFen, got: paid.totalFen },
        'payment notify amount mismatch',
      );
      throw new AppError(400, 'PAYMENT_AMOUNT_MISMATCH', 'amount does not match the order');
    }
    if (order.transactionId === paid.transactionId && order.status !== 'pending_payment') return; // a replay
    if (order.status === 'pending_payment') {
      const prev = await this.deps.tx.run((m) =>
        this.deps.lifecycle.transitionIn(
          m,
          order.id,
          ['pending_payment'],
          'paid',
          { type: 'wechat', id: null },
          '微信支付成功',
          {
            paidAt: paid.successAt ?? this.deps.clock.now(),
            transactionId: paid.transactionId,
          },
        ),
      );
      if (prev !== null) {
        this.deps.lifecycle.notifyChange(order.id, prev, 'paid', '微信支付成功');
        return;
      }
    }
    const now = await this.deps.db.getRepository(OrderEntity).findOneByOrFail({ id: order.id });
    if (now.status === 'cancelled' && !now.transactionId) {
      // Paid after the order expired: the money goes back, nothing is delivered.
      await this.deps.tx.run((m) =>
        m
          .getRepository(OrderEntity)
          .update({ id: order.id }, { transactionId: paid.transactionId, paidAt: paid.successAt }),
      );
      await this.refund(order.id, '订单已超时取消，支付款原路退回');
    }
  }

  /** Refunds a cancelled order that was paid, then marks it refunded. */
  async refund(orderId: number, reason: string): Promise<void> {
    const order = await this.deps.db.getRepository(OrderEntity).findOneByOrFail({ id: orderId });
    if (!order.transactionId || order.status !== 'cancelled') return;
    await this.deps.wechatPay.refund({
      outTradeNo: order.orderNo,
      outRefundNo: `R${order.orderNo}`,
      refundFen: order.totalFen,
      totalFen: order.totalFen,
      reason,
    });
    await this.deps.lifecycle.transition(
      order.id,
      ['cancelled'],
      'refunded',
      { type: 'wechat', id: null },
      reason,
    );
  }

  /** Pays part or all of an order back (an after-sales refund); idempotent by `outRefundNo`. */
  async refundPart(
    order: OrderEntity,
    outRefundNo: string,
    refundFen: number,
    reason: string,
  ): Promise<void> {
    if (!order.transactionId) throw new ConflictError('INVALID_STATE', '订单未支付，无需退款');
    await this.deps.wechatPay.refund({
      outTradeNo: order.orderNo,
      outRefundNo,
      refundFen: Math.min(refundFen, order.totalFen),
      totalFen: order.totalFen,
      reason,
    });
  }

  /** Dev only: the mock WeChat "pays" the order and sends its signed notify through `notify`. */
  async mockPay(p: Principal, orderId: number): Promise<MockPayResponse> {
    if (!this.deps.mockPayer) throw new ForbiddenError('模拟支付仅在开发环境可用', 'DEV_LOGIN_DISABLED');
    const order = await this.deps.orders.entityFor(p, orderId);
    if (order.status !== 'pending_payment') throw new ConflictError('INVALID_STATE', '订单无需支付');
    await this.pay(p, orderId); // the prepay the pay sheet would have made (repeating it is harmless)
    const { headers, body } = this.deps.mockPayer(order.orderNo);
    await this.notify(headers, body);
    const after = await this.deps.db.getRepository(OrderEntity).findOneByOrFail({ id: order.id });
    return { notified: true, status: after.status };
  }
}

/** True for errors whose answer to WeChat is a rejection (4xx), false for our own trouble. */
export function isRejection(err: unknown): err is AppError {
  return err instanceof AppError && err.status < 500;
}
