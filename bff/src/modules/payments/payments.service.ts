import { type DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import type { MockPayResponse, Order, PayResponse } from '@omni/shared-types';
import type { PaidTransaction, WechatPay } from '../../adapters/wechat/wechat-pay';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import type { Principal } from '../../http/context';
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../../http/errors';
import type { Logger } from '../../logger';
import { RetryLater, type JobsService } from '../jobs/jobs.service';
import type { AlertsService } from '../ops/alerts.service';
import type { Actor, OrderLifecycle } from '../orders/order-lifecycle';
import { OrderEntity, OrderEventEntity } from '../orders/order.entity';
import type { OrdersService } from '../orders/orders.service';
import { UserEntity } from '../users/user.entity';
import type { RefundsService } from './refunds.service';

/** Builds the notify WeChat would send for an order (the dev mock pay sheet). */
export type MockPayer = (outTradeNo: string) => { headers: Record<string, string>; body: string };

const EXPIRE = 'order.expire';
const CLOSE = 'payment.close';
const OrderPayload = z.object({ orderId: z.number().int().positive() });

/**
 * WeChat Pay for orders: prepay, settling a payment (from the signed notify, the customer's confirm
 * or a query before expiry), and closing an unpaid order at WeChat before it is cancelled here.
 */
export class PaymentsService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      orders: OrdersService;
      lifecycle: OrderLifecycle;
      refunds: RefundsService;
      jobs: JobsService;
      alerts: AlertsService;
      wechatPay: WechatPay;
      mockPayer: MockPayer | null;
      clock: Clock;
      log: Logger;
    },
  ) {
    deps.jobs.register(EXPIRE, {
      schema: OrderPayload,
      handle: (p) => this.expireJob(p.orderId),
      maxAttempts: 12,
      backoff: { baseS: 15, maxS: 10 * 60 },
    });
    deps.jobs.register(CLOSE, {
      schema: OrderPayload,
      handle: (p) => this.closeJob(p.orderId),
      maxAttempts: 12,
      backoff: { baseS: 15, maxS: 10 * 60 },
    });
    deps.orders.setCreatedHook((m, order) => this.scheduleExpiry(m, order));
  }

  /** Schedules the unpaid order's expiry check for when its payment window closes (inside `m`). */
  scheduleExpiry(m: EntityManager, order: OrderEntity): Promise<void> {
    return this.deps.jobs.enqueue(
      m,
      EXPIRE,
      { orderId: order.id },
      {
        runAt: order.expiresAt ?? this.deps.clock.now(),
        dedupeKey: `${EXPIRE}:${order.id}`,
      },
    );
  }

  /**
   * Inside a cancelling transaction: a paid order's remaining money is refunded (a refund record and
   * its job); an unpaid one is closed at WeChat Pay by a job, so the customer can no longer pay it.
   */
  async onCancelledIn(
    m: EntityManager,
    c: { order: OrderEntity; from: OrderEntity['status']; reason: string; by: Actor; refund: boolean },
  ): Promise<void> {
    if (c.from === 'pending_payment') {
      await this.deps.jobs.enqueue(
        m,
        CLOSE,
        { orderId: c.order.id },
        { dedupeKey: `${CLOSE}:${c.order.id}` },
      );
      return;
    }
    if (!c.refund || !c.order.transactionId) return;
    await this.deps.refunds.requestIn(m, {
      order: c.order,
      includeFee: true,
      reason: c.reason,
      by: { type: c.by.type === 'courier' ? 'staff' : c.by.type, id: c.by.id },
    });
  }

  /** Job: closes a cancelled unpaid order at WeChat; a payment that beat the close is settled (and refunded). */
  private async closeJob(orderId: number): Promise<void> {
    const order = await this.deps.db.getRepository(OrderEntity).findOneByOrFail({ id: orderId });
    if (order.transactionId) return;
    if ((await this.deps.wechatPay.close(order.orderNo)) === 'closed') return;
    const t = await this.deps.wechatPay.queryByOutTradeNo(order.orderNo);
    if (!t || (t.tradeState !== 'SUCCESS' && t.tradeState !== 'REFUND'))
      throw new RetryLater('关单返回已支付，查询尚无结果');
    await this.settle(t, 'query');
  }

  /** Safety net: expiry jobs for overdue unpaid orders that have none (e.g. created before jobs existed). */
  async scheduleOverdue(): Promise<void> {
    const due = await this.deps.lifecycle.overdueUnpaid();
    if (due.length)
      await this.deps.tx.run(async (m) => {
        for (const o of due) await this.scheduleExpiry(m, o);
      });
  }

  /** JSAPI parameters for `wx.requestPayment`; only the owner, only while unpaid and not expired. */
  async pay(p: Principal, orderId: number): Promise<PayResponse> {
    const order = await this.ownOrder(p, orderId);
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

  /** After `wx.requestPayment` succeeded: asks WeChat and settles now, so the customer sees 已支付 at once. */
  async confirm(p: Principal, orderId: number): Promise<Order> {
    const order = await this.ownOrder(p, orderId);
    if (order.status === 'pending_payment') await this.reconcile(order.id, false);
    return this.deps.orders.get(p, order.id);
  }

  /** The caller's own order, or 404 for anyone else (not even staff may pay or confirm it). */
  private async ownOrder(p: Principal, orderId: number): Promise<OrderEntity> {
    const order = await this.deps.orders.entityFor(p, orderId);
    if (p.role !== 'consumer' || order.userId !== p.userId) {
      if (p.role === 'consumer') throw new NotFoundError('ORDER_NOT_FOUND', '订单不存在');
      throw new ForbiddenError('只有下单人可以支付');
    }
    return order;
  }

  /**
   * WeChat's payment result. Verified (signature, decryption), checked against the order
   * (number, amount) and idempotent: a repeated notify changes nothing. Throws on rejection.
   */
  async notify(headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<void> {
    await this.settle(this.deps.wechatPay.verifyNotify(headers, rawBody), 'notify');
  }

  /**
   * Asks WeChat where an unpaid order stands and settles it if paid. With `expire`, an order past its
   * window is first closed at WeChat (so it can no longer be paid) and only then cancelled here.
   */
  async reconcile(orderId: number, expire: boolean): Promise<OrderEntity['status']> {
    const order = await this.deps.db.getRepository(OrderEntity).findOneByOrFail({ id: orderId });
    if (order.status !== 'pending_payment') return order.status;
    const t = await this.deps.wechatPay.queryByOutTradeNo(order.orderNo);
    if (t && (t.tradeState === 'SUCCESS' || t.tradeState === 'REFUND')) {
      await this.settle(t, 'query');
      return this.statusOf(order.id);
    }
    const now = this.deps.clock.now();
    if (!expire || (order.expiresAt && order.expiresAt > now)) return order.status;
    if (t?.tradeState === 'USERPAYING') throw new RetryLater('顾客正在输入密码', 30);
    if (t && t.tradeState !== 'CLOSED' && t.tradeState !== 'REVOKED') {
      if ((await this.deps.wechatPay.close(order.orderNo)) === 'paid') {
        const again = await this.deps.wechatPay.queryByOutTradeNo(order.orderNo);
        if (again && (again.tradeState === 'SUCCESS' || again.tradeState === 'REFUND')) {
          await this.settle(again, 'query');
          return this.statusOf(order.id);
        }
        throw new RetryLater('微信支付说已支付，但查询尚无结果');
      }
    }
    if (await this.deps.lifecycle.expire(order.id)) {
      this.deps.log.info(
        { orderId: order.id, orderNo: order.orderNo },
        'unpaid order closed at WeChat and cancelled',
      );
    }
    return this.statusOf(order.id);
  }

  private async expireJob(orderId: number): Promise<void> {
    const status = await this.reconcile(orderId, true);
    if (status !== 'pending_payment') return;
    const order = await this.deps.db.getRepository(OrderEntity).findOneByOrFail({ id: orderId });
    const waitS = Math.max(
      1,
      Math.ceil(((order.expiresAt?.getTime() ?? 0) - this.deps.clock.now().getTime()) / 1000),
    );
    throw new RetryLater('支付时限未到', waitS);
  }

  private async statusOf(orderId: number): Promise<OrderEntity['status']> {
    return (await this.deps.db.getRepository(OrderEntity).findOneByOrFail({ id: orderId })).status;
  }

  /**
   * Applies a paid transaction (from a notify or a query) to its order, once. A payment for an order
   * already cancelled here is never ignored: an order cancelled for non-payment is reinstated when
   * its stock and seat can be held again, otherwise (or when the customer cancelled it) all is refunded.
   */
  private async settle(paid: PaidTransaction, source: 'notify' | 'query'): Promise<void> {
    if (paid.tradeState !== 'SUCCESS' && paid.tradeState !== 'REFUND') {
      this.deps.log.info(
        { outTradeNo: paid.outTradeNo, state: paid.tradeState },
        'payment result without success',
      );
      return;
    }
    const order = await this.deps.db.getRepository(OrderEntity).findOneBy({ orderNo: paid.outTradeNo });
    if (!order) {
      this.deps.log.warn({ outTradeNo: paid.outTradeNo }, 'payment for an unknown order');
      throw new NotFoundError('ORDER_NOT_FOUND', 'unknown out_trade_no');
    }
    if (paid.totalFen !== order.totalFen) {
      this.deps.log.warn(
        { orderId: order.id, expected: order.totalFen, got: paid.totalFen },
        'payment amount mismatch',
      );
      throw new AppError(400, 'PAYMENT_AMOUNT_MISMATCH', 'amount does not match the order');
    }
    if (order.transactionId) return; // already applied (a replayed notify, or notify and query both)
    const money = {
      paidAt: paid.successAt ?? this.deps.clock.now(),
      transactionId: paid.transactionId ?? '',
    };
    if (order.status === 'pending_payment') {
      const prev = await this.deps.tx.run((m) =>
        this.deps.lifecycle.transitionIn(
          m,
          order.id,
          ['pending_payment'],
          'paid',
          { type: 'wechat', id: null },
          '微信支付成功',
          money,
        ),
      );
      if (prev !== null) {
        this.deps.log.info({ orderId: order.id, source }, 'order paid');
        this.deps.lifecycle.notifyChange(order.id, prev, 'paid', '微信支付成功');
        return;
      }
    }
    await this.settleLate(order.id, money);
  }

  private async settleLate(orderId: number, money: { paidAt: Date; transactionId: string }): Promise<void> {
    const order = await this.deps.db.getRepository(OrderEntity).findOneByOrFail({ id: orderId });
    if (order.transactionId || order.status !== 'cancelled') return;
    const lastCancel = await this.deps.db
      .getRepository(OrderEventEntity)
      .findOne({ where: { orderId, toStatus: 'cancelled' }, order: { id: 'DESC' } });
    if (lastCancel?.actorType === 'system') {
      try {
        const prev = await this.deps.tx.run((m) => this.deps.lifecycle.reinstateIn(m, orderId, money));
        if (prev !== null) {
          this.deps.log.warn({ orderId }, 'payment after expiry: order reinstated');
          this.deps.lifecycle.notifyChange(orderId, prev, 'paid', '超时取消后收到付款，订单已恢复');
          return;
        }
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        this.deps.log.warn({ orderId, code: err.code }, 'payment after expiry: cannot reinstate, refunding');
      }
    }
    await this.deps.tx.run(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(OrderEntity)
        .set({ transactionId: money.transactionId, paidAt: money.paidAt })
        .where('id = :id AND transaction_id IS NULL', { id: orderId })
        .execute();
      if (res.affected !== 1) return;
      const why = '订单已取消后收到付款，原路退回';
      const fresh = await m.getRepository(OrderEntity).findOneByOrFail({ id: orderId });
      await this.deps.refunds.requestIn(m, {
        order: fresh,
        includeFee: true,
        reason: why,
        by: { type: 'system', id: null },
      });
      await this.deps.alerts.raise(
        {
          kind: 'late_payment',
          severity: 'warning',
          message: `订单 ${fresh.orderNo} 取消后收到付款 ${(fresh.totalFen / 100).toFixed(2)} 元，已发起全额退款`,
          details: { orderId, transactionId: money.transactionId },
        },
        m,
      );
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
    return { notified: true, status: await this.statusOf(order.id) };
  }
}

/** True for errors whose answer to WeChat is a rejection (4xx), false for our own trouble. */
export function isRejection(err: unknown): err is AppError {
  return err instanceof AppError && err.status < 500;
}
