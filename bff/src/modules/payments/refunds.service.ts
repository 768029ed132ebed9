import { randomInt } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  REFUND_STATUS_TEXT,
  type Refund,
  type RefundListQuery,
  type RefundListResponse,
  type RefundStatus,
} from '@omni/shared-types';
import type { RefundResult, WechatPay } from '../../adapters/wechat/wechat-pay';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import { AppError, ConflictError, NotFoundError } from '../../http/errors';
import { shanghaiDate } from '../../lib/shanghai-time';
import type { Logger } from '../../logger';
import { PermanentJobError, RetryLater, type JobsService } from '../jobs/jobs.service';
import type { AlertsService } from '../ops/alerts.service';
import type { OrderLifecycle } from '../orders/order-lifecycle';
import { OrderEntity, OrderItemEntity } from '../orders/order.entity';
import { RefundEntity, type StoredRefundLine } from './refund.entity';

/** Who asked for a refund. */
export interface RefundRequester {
  type: 'customer' | 'staff' | 'admin' | 'system' | 'wechat';
  id: number | null;
}

/** What to refund: some units of some lines (all that remain when omitted), and the delivery fee or not. */
export interface RefundRequest {
  order: OrderEntity;
  lines?: Array<{ productId: number; quantity: number }>;
  includeFee: boolean;
  reason: string;
  by: RefundRequester;
  caseId?: number | null;
}

/** Told inside the settling transaction when a refund reaches success, closed or abnormal. */
export type RefundSettledHook = (m: EntityManager, r: RefundEntity, to: RefundStatus) => Promise<void>;

const SEND = 'refund.send';
const QUERY = 'refund.query';
const JobPayload = z.object({ refundId: z.number().int().positive() });
/** Which state may follow which (WeChat may still pay out an ABNORMAL refund after manual handling). */
const NEXT: Record<RefundStatus, RefundStatus[]> = {
  pending: ['processing', 'success', 'closed', 'abnormal'],
  processing: ['success', 'closed', 'abnormal'],
  abnormal: ['success', 'closed'],
  success: [],
  closed: [],
};
const FROM_WECHAT: Record<RefundResult['status'], RefundStatus> = {
  PROCESSING: 'processing',
  SUCCESS: 'success',
  CLOSED: 'closed',
  ABNORMAL: 'abnormal',
};

/**
 * Refunds as our own records. The cumulative cap (never more back than was paid, per line and per
 * order) is held by conditional UPDATEs in the creating transaction; WeChat sees each refund under
 * one `out_refund_no`, so resending after a failure never pays twice.
 */
export class RefundsService {
  private readonly hooks: RefundSettledHook[] = [];

  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      wechatPay: WechatPay;
      jobs: JobsService;
      lifecycle: OrderLifecycle;
      alerts: AlertsService;
      clock: Clock;
      log: Logger;
    },
  ) {
    deps.jobs.register(SEND, {
      schema: JobPayload,
      handle: (p) => this.send(p.refundId),
      maxAttempts: 10,
      backoff: { baseS: 10, maxS: 30 * 60 },
    });
    deps.jobs.register(QUERY, {
      schema: JobPayload,
      handle: (p) => this.poll(p.refundId),
      maxAttempts: 40,
      backoff: { baseS: 60, maxS: 2 * 3600 },
    });
  }

  /** Adds a hook run inside the settling transaction (after-sales resolves its case there). */
  onSettled(hook: RefundSettledHook): void {
    this.hooks.push(hook);
  }

  /**
   * Records a refund inside `m` and enqueues its sending. Throws ALREADY_REFUNDED when a line has
   * no units left to refund, NOT_PAID for an unpaid order; returns null when nothing is left at all.
   */
  async requestIn(m: EntityManager, req: RefundRequest): Promise<RefundEntity | null> {
    const order = await m.getRepository(OrderEntity).findOneByOrFail({ id: req.order.id });
    if (!order.transactionId) throw new ConflictError('NOT_PAID', '订单未支付，无需退款');
    const items = await m.getRepository(OrderItemEntity).findBy({ orderId: order.id });
    const wanted =
      req.lines ??
      items
        .filter((i) => i.quantity > i.refundedQty)
        .map((i) => ({ productId: i.productId, quantity: i.quantity - i.refundedQty }));
    const lines: StoredRefundLine[] = [];
    for (const l of wanted) {
      const item = items.find((i) => i.productId === l.productId);
      if (!item) throw new NotFoundError('PRODUCT_NOT_FOUND', '该商品不在这个订单里');
      if (!Number.isSafeInteger(l.quantity) || l.quantity <= 0) continue;
      // The last units of a line take what is left of it, so rounding never strands a fen.
      const last = item.refundedQty + l.quantity === item.quantity;
      const amountFen = last ? item.priceFen * item.quantity - item.refundedFen : item.priceFen * l.quantity;
      lines.push({
        orderItemId: item.id,
        productId: item.productId,
        name: item.name,
        quantity: l.quantity,
        amountFen,
      });
    }
    const feeFen = req.includeFee ? order.deliveryFeeFen - order.refundFeeHeldFen : 0;
    const amountFen = lines.reduce((n, l) => n + l.amountFen, 0) + feeFen;
    if (amountFen <= 0) {
      if (req.lines) throw new ConflictError('ALREADY_REFUNDED', '这些商品已经退过款了');
      return null;
    }
    for (const l of lines) {
      const res = await m
        .createQueryBuilder()
        .update(OrderItemEntity)
        .set({ refundedQty: () => 'refunded_qty + :q', refundedFen: () => 'refunded_fen + :a' })
        .where('id = :id AND refunded_qty + :q <= quantity AND refunded_fen + :a <= price_fen * quantity', {
          id: l.orderItemId,
          q: l.quantity,
          a: l.amountFen,
        })
        .execute();
      if (res.affected !== 1) {
        throw new ConflictError('ALREADY_REFUNDED', `${l.name} 已经退过款，不能重复退款`, {
          productId: l.productId,
        });
      }
    }
    const held = await m
      .createQueryBuilder()
      .update(OrderEntity)
      .set({
        refundHeldFen: () => 'refund_held_fen + :amt',
        refundFeeHeldFen: () => 'refund_fee_held_fen + :fee',
      })
      .where(
        'id = :id AND transaction_id IS NOT NULL AND refund_held_fen + :amt <= total_fen AND refund_fee_held_fen + :fee <= delivery_fee_fen',
        { id: order.id, amt: amountFen, fee: feeFen },
      )
      .execute();
    if (held.affected !== 1) throw new ConflictError('REFUND_EXCEEDS_PAID', '退款金额超过了实付金额');
    const now = this.deps.clock.now();
    const refundNo = `RF${shanghaiDate(now).replace(/-/g, '')}${String(randomInt(0, 1e9)).padStart(9, '0')}${String(order.id % 1000).padStart(3, '0')}`;
    const ins = await m.getRepository(RefundEntity).insert({
      refundNo,
      orderId: order.id,
      caseId: req.caseId ?? null,
      status: 'pending',
      amountFen,
      feeFen,
      lines: JSON.stringify(lines),
      reason: [...req.reason].slice(0, 80).join(''),
      requestedByType: req.by.type,
      requestedById: req.by.id,
      wechatRefundId: null,
      attempts: 0,
      lastError: null,
      createdAt: now,
      updatedAt: now,
      settledAt: null,
    });
    const id = Number(ins.identifiers[0].id);
    await this.deps.jobs.enqueue(m, SEND, { refundId: id }, { dedupeKey: `${SEND}:${id}` });
    return m.getRepository(RefundEntity).findOneByOrFail({ id });
  }

  /** Job: asks WeChat to pay the refund back; transient failures retry under the same out_refund_no. */
  private async send(refundId: number): Promise<void> {
    const r = await this.deps.db.getRepository(RefundEntity).findOneBy({ id: refundId });
    if (!r) throw new PermanentJobError(`退款 ${refundId} 不存在`);
    if (r.status !== 'pending') return;
    const order = await this.deps.db.getRepository(OrderEntity).findOneByOrFail({ id: r.orderId });
    await this.deps.tx.run((m) =>
      m
        .getRepository(RefundEntity)
        .update({ id: r.id }, { attempts: () => 'attempts + 1', updatedAt: this.deps.clock.now() }),
    );
    let result: RefundResult;
    try {
      result = await this.deps.wechatPay.refund({
        outTradeNo: order.orderNo,
        outRefundNo: r.refundNo,
        refundFen: r.amountFen,
        totalFen: order.totalFen,
        reason: r.reason,
      });
    } catch (err) {
      const why = describe(err);
      await this.deps.tx.run((m) => m.getRepository(RefundEntity).update({ id: r.id }, { lastError: why }));
      if (isTransient(err)) throw err;
      // WeChat refused for good (wrong amount, unknown order...): a person must look at it.
      await this.apply(r.refundNo, null, why);
      return;
    }
    await this.apply(r.refundNo, result, null);
  }

  /** Job: asks WeChat where a PROCESSING refund stands, until it settles (the notify may be lost). */
  private async poll(refundId: number): Promise<void> {
    const r = await this.deps.db.getRepository(RefundEntity).findOneBy({ id: refundId });
    if (!r) throw new PermanentJobError(`退款 ${refundId} 不存在`);
    if (r.status !== 'processing') return;
    const result = await this.deps.wechatPay.queryRefund(r.refundNo);
    if (!result) throw new RetryLater('微信支付查不到这笔退款');
    if (result.status === 'PROCESSING') throw new RetryLater('微信支付退款处理中');
    await this.apply(r.refundNo, result, null);
  }

  /** The verified refund notify from WeChat; a repeat changes nothing. */
  async notify(headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<void> {
    const result = this.deps.wechatPay.verifyRefundNotify(headers, rawBody);
    const r = await this.deps.db.getRepository(RefundEntity).findOneBy({ refundNo: result.outRefundNo });
    if (!r) throw new NotFoundError('REFUND_NOT_FOUND', 'unknown out_refund_no');
    await this.apply(r.refundNo, result, null);
  }

  /**
   * Moves a refund to what WeChat says (`result`), or to abnormal with `refusal` when WeChat refused
   * it; on success counts the money as paid back, on closed frees the lines for another refund.
   */
  private async apply(refundNo: string, result: RefundResult | null, refusal: string | null): Promise<void> {
    const now = this.deps.clock.now();
    const change = await this.deps.tx.run(async (m) => {
      const r = await m.getRepository(RefundEntity).findOneByOrFail({ refundNo });
      let to: RefundStatus = result ? FROM_WECHAT[result.status] : 'abnormal';
      let error = refusal;
      if (result && result.refundFen !== r.amountFen) {
        to = 'abnormal';
        error = `微信退款金额 ${result.refundFen} 与退款单 ${r.amountFen} 不一致`;
      }
      if (to === r.status || !NEXT[r.status].includes(to)) return null;
      const moved = await m
        .createQueryBuilder()
        .update(RefundEntity)
        .set({
          status: to,
          updatedAt: now,
          ...(result ? { wechatRefundId: result.refundId } : {}),
          ...(error ? { lastError: error.slice(0, 500) } : {}),
          ...(to === 'success' || to === 'closed' ? { settledAt: result?.successAt ?? now } : {}),
        })
        .where('id = :id AND status = :from', { id: r.id, from: r.status })
        .execute();
      if (moved.affected !== 1) return null;
      const fresh = await m.getRepository(RefundEntity).findOneByOrFail({ id: r.id });
      let orderMove: { from: OrderEntity['status'] } | null = null;
      if (to === 'processing') {
        const at = new Date(now.getTime() + 60_000);
        await this.deps.jobs.enqueue(
          m,
          QUERY,
          { refundId: r.id },
          { runAt: at, dedupeKey: `${QUERY}:${r.id}` },
        );
      } else if (to === 'success') {
        orderMove = await this.countPaidBack(m, fresh);
      } else if (to === 'closed') {
        await this.release(m, fresh);
      } else if (to === 'abnormal') {
        await this.deps.alerts.raise(
          {
            kind: 'refund_abnormal',
            severity: 'critical',
            message: `退款异常 ${r.refundNo}（订单 ${r.orderId}，${(r.amountFen / 100).toFixed(2)} 元）：${error ?? '微信支付退款异常，需人工处理'}`,
            details: { refundId: r.id, orderId: r.orderId, amountFen: r.amountFen, reason: error },
          },
          m,
        );
      }
      for (const h of this.hooks) await h(m, fresh, to);
      return { orderId: r.orderId, to, orderMove };
    });
    if (!change) return;
    this.deps.log.info({ refundNo, status: change.to }, 'refund settled');
    if (change.orderMove) {
      this.deps.lifecycle.notifyChange(change.orderId, change.orderMove.from, 'refunded', '退款成功');
    }
  }

  /** Adds a successful refund to the order; moves the order to refunded once all of it came back. */
  private async countPaidBack(
    m: EntityManager,
    r: RefundEntity,
  ): Promise<{ from: OrderEntity['status'] } | null> {
    await m
      .createQueryBuilder()
      .update(OrderEntity)
      .set({ refundPaidFen: () => 'refund_paid_fen + :amt' })
      .where('id = :id', { id: r.orderId, amt: r.amountFen })
      .execute();
    const order = await m.getRepository(OrderEntity).findOneByOrFail({ id: r.orderId });
    if (order.refundPaidFen < order.totalFen) return null;
    const from = await this.deps.lifecycle.transitionIn(
      m,
      order.id,
      ['cancelled', 'delivered', 'picked_up', 'delivery_failed'],
      'refunded',
      { type: 'wechat', id: null },
      `已全额退款 ${(order.refundPaidFen / 100).toFixed(2)} 元`,
    );
    return from === null ? null : { from };
  }

  /** A closed refund paid nothing: its units and fen may be refunded again. */
  private async release(m: EntityManager, r: RefundEntity): Promise<void> {
    for (const l of JSON.parse(r.lines) as StoredRefundLine[]) {
      await m
        .createQueryBuilder()
        .update(OrderItemEntity)
        .set({ refundedQty: () => 'refunded_qty - :q', refundedFen: () => 'refunded_fen - :a' })
        .where('id = :id', { id: l.orderItemId, q: l.quantity, a: l.amountFen })
        .execute();
    }
    await m
      .createQueryBuilder()
      .update(OrderEntity)
      .set({
        refundHeldFen: () => 'refund_held_fen - :amt',
        refundFeeHeldFen: () => 'refund_fee_held_fen - :fee',
      })
      .where('id = :id', { id: r.orderId, amt: r.amountFen, fee: r.feeFen })
      .execute();
  }

  /** Refunds of some orders (order detail, after-sales), oldest first. */
  async forOrders(orderIds: number[]): Promise<RefundEntity[]> {
    if (!orderIds.length) return [];
    return this.deps.db
      .getRepository(RefundEntity)
      .find({ where: { orderId: In(orderIds) }, order: { id: 'ASC' } });
  }

  /** The admin queue: refunds by status (e.g. `abnormal`), newest first. */
  async list(q: RefundListQuery): Promise<RefundListResponse> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const [rows, total] = await this.deps.db.getRepository(RefundEntity).findAndCount({
      where: { ...(q.status ? { status: q.status } : {}), ...(q.orderId ? { orderId: q.orderId } : {}) },
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const orders = rows.length
      ? await this.deps.db
          .getRepository(OrderEntity)
          .findBy({ id: In([...new Set(rows.map((r) => r.orderId))]) })
      : [];
    const orderNo = new Map(orders.map((o) => [o.id, o.orderNo]));
    return { items: rows.map((r) => toRefund(r, orderNo.get(r.orderId) ?? '')), total, page, pageSize };
  }
}

/** Wire shape of a refund. */
export function toRefund(r: RefundEntity, orderNo: string): Refund {
  return {
    id: r.id,
    refundNo: r.refundNo,
    orderId: r.orderId,
    orderNo,
    caseId: r.caseId,
    status: r.status,
    statusText: REFUND_STATUS_TEXT[r.status],
    amountFen: r.amountFen,
    feeFen: r.feeFen,
    lines: (JSON.parse(r.lines) as StoredRefundLine[]).map((l) => ({
      productId: l.productId,
      name: l.name,
      quantity: l.quantity,
      amountFen: l.amountFen,
    })),
    reason: r.reason,
    requestedBy: { type: r.requestedByType, id: r.requestedById },
    wechatRefundId: r.wechatRefundId,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    settledAt: r.settledAt?.toISOString() ?? null,
  };
}

/** Network trouble and WeChat's busy answers (503) are worth retrying; our own mistakes are not. */
function isTransient(err: unknown): boolean {
  return !(err instanceof AppError) || err.status === 503;
}

function describe(err: unknown): string {
  const e = err as AppError & { cause?: unknown };
  const wechat = (e.details as { wechatCode?: string } | undefined)?.wechatCode;
  return [e.code, wechat, typeof e.cause === 'string' ? e.cause : e.message]
    .filter(Boolean)
    .join(' ')
    .slice(0, 500);
}
