import {
  ORDER_STATUS_TEXT,
  type AdminOrderPayment,
  type AdminOrderTimelineEntry,
  type OrderStatus,
} from '@omni/shared-types';
import type { OrderEntity, OrderEventEntity } from '../orders/order.entity';
import type { RefundEntity } from '../payments/refund.entity';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

const SETTLED_TEXT: Partial<Record<RefundEntity['status'], string>> = {
  success: '退款成功',
  closed: '退款关闭',
  abnormal: '退款异常',
};

/**
 * An order's back-office history, oldest first: each status change, and each refund when it was
 * asked for and when WeChat Pay settled it. At the same instant a status change comes first
 * (a cancel, then the refund it started).
 */
export function orderTimeline(
  events: OrderEventEntity[],
  refunds: RefundEntity[],
): AdminOrderTimelineEntry[] {
  const out: Array<{ rank: number; entry: AdminOrderTimelineEntry }> = [];
  for (const e of events) {
    out.push({
      rank: 0,
      entry: {
        at: e.createdAt.toISOString(),
        kind: 'status',
        status: e.toStatus,
        from: e.fromStatus,
        label: ORDER_STATUS_TEXT[e.toStatus as OrderStatus] ?? e.toStatus,
        actor: e.actorType,
        actorId: e.actorId,
        note: e.reason,
        refundNo: null,
        amountFen: null,
      },
    });
  }
  for (const r of refunds) {
    out.push({
      rank: 1,
      entry: {
        at: r.createdAt.toISOString(),
        kind: 'refund',
        status: 'pending',
        from: null,
        label: `发起退款 ${yuan(r.amountFen)}`,
        actor: r.requestedByType,
        actorId: r.requestedById,
        note: r.reason,
        refundNo: r.refundNo,
        amountFen: r.amountFen,
      },
    });
    const settled = SETTLED_TEXT[r.status];
    if (settled && r.settledAt) {
      out.push({
        rank: 2,
        entry: {
          at: r.settledAt.toISOString(),
          kind: 'refund',
          status: r.status,
          from: null,
          label: r.status === 'success' ? `${settled} ${yuan(r.amountFen)}` : settled,
          actor: 'wechat',
          actorId: null,
          note: r.status === 'success' ? null : r.lastError,
          refundNo: r.refundNo,
          amountFen: r.amountFen,
        },
      });
    }
  }
  return out.sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.rank - b.rank).map((x) => x.entry);
}

/** How the order was paid and what went back, in fen. */
export function orderPayment(o: OrderEntity): AdminOrderPayment {
  const paid = o.transactionId !== null || o.paidAt !== null;
  return {
    method: 'wechat_pay',
    status: paid ? 'paid' : 'unpaid',
    transactionId: o.transactionId,
    paidAt: o.paidAt?.toISOString() ?? null,
    amountFen: o.totalFen,
    refundedFen: o.refundPaidFen,
    refundingFen: Math.max(0, o.refundHeldFen - o.refundPaidFen),
  };
}
