// What a back-office refund would give back, computed as the BFF does (RefundsService.requestIn):
// units × unit price, the last units of a line take what is left of it, plus the delivery fee not
// yet refunded. Refunds WeChat closed gave nothing back, so their units may be refunded again.
import type { AdminOrderDetail, AdminOrderRefundBody } from '@omni/shared-types';

type OrderForRefund = Pick<AdminOrderDetail, 'items' | 'refunds' | 'deliveryFeeFen'>;

/** One order line and how much of it can still be refunded. */
export interface RefundableLine {
  productId: number;
  name: string;
  priceFen: number;
  quantity: number;
  refundedQty: number;
  refundedFen: number;
  /** Units not refunded yet. */
  remaining: number;
}

const live = (o: OrderForRefund) => o.refunds.filter((r) => r.status !== 'closed');

/** Each line with its refunded units and fen so far (closed refunds don't count). */
export function refundableLines(o: OrderForRefund): RefundableLine[] {
  const refunds = live(o);
  return o.items.map((i) => {
    let refundedQty = 0;
    let refundedFen = 0;
    for (const r of refunds)
      for (const l of r.lines)
        if (l.productId === i.productId) {
          refundedQty += l.quantity;
          refundedFen += l.amountFen;
        }
    return {
      productId: i.productId,
      name: i.name,
      priceFen: i.priceFen,
      quantity: i.quantity,
      refundedQty,
      refundedFen,
      remaining: Math.max(0, i.quantity - refundedQty),
    };
  });
}

/** Delivery fee not yet refunded, fen. */
export function feeRemainingFen(o: OrderForRefund): number {
  return Math.max(0, o.deliveryFeeFen - live(o).reduce((n, r) => n + r.feeFen, 0));
}

export interface RefundSelection {
  /** `all`: every unit not yet refunded; `lines`: the quantities in `quantities`. */
  mode: 'all' | 'lines';
  /** Units to refund by productId (mode `lines`); missing or 0 = none of that line. */
  quantities: Record<number, number | null | undefined>;
  includeFee: boolean;
}

export interface RefundPreview {
  lines: { productId: number; name: string; quantity: number; amountFen: number }[];
  feeFen: number;
  totalFen: number;
}

/** The refund the BFF will record for this selection (quantities clipped to what remains). */
export function refundPreview(o: OrderForRefund, sel: RefundSelection): RefundPreview {
  const lines: RefundPreview['lines'] = [];
  for (const l of refundableLines(o)) {
    const asked = sel.mode === 'all' ? l.remaining : Math.floor(Number(sel.quantities[l.productId] ?? 0));
    const q = Math.min(Math.max(asked, 0), l.remaining);
    if (q <= 0) continue;
    const last = l.refundedQty + q === l.quantity;
    const amountFen = last ? l.priceFen * l.quantity - l.refundedFen : l.priceFen * q;
    lines.push({ productId: l.productId, name: l.name, quantity: q, amountFen });
  }
  const feeFen = sel.includeFee ? feeRemainingFen(o) : 0;
  return { lines, feeFen, totalFen: lines.reduce((n, l) => n + l.amountFen, 0) + feeFen };
}

/**
 * The `POST /admin/orders/:id/refund` body: the whole order omits `lines`; the previewed total goes
 * as `amountFen`, so the BFF refuses (REFUND_AMOUNT_MISMATCH) if the order changed meanwhile.
 */
export function refundBody(
  reason: string,
  sel: RefundSelection,
  preview: RefundPreview,
): AdminOrderRefundBody {
  return {
    reason: reason.trim(),
    ...(sel.mode === 'lines'
      ? { lines: preview.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })) }
      : {}),
    includeFee: sel.includeFee,
    ...(preview.totalFen > 0 ? { amountFen: preview.totalFen } : {}),
  };
}
