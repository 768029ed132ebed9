import { z } from 'zod';
import { Order } from './orders';
import { Refund } from './money';

/**
 * One entry of an order's history in the back office: a status change (`kind: 'status'`, `status`
 * an OrderStatus, `from` the one before) or a refund being asked for / settled (`kind: 'refund'`,
 * `status` a RefundStatus, `refundNo` set). `label` is the Chinese text to show; `actor` says who
 * (customer, staff, courier, admin, system, wechat), `actorId` their id when known (a back-office
 * actor's is an admin_users id). Oldest first.
 */
export const AdminOrderTimelineEntry = z.object({
  at: z.string(),
  kind: z.enum(['status', 'refund']),
  status: z.string(),
  from: z.string().nullable(),
  label: z.string(),
  actor: z.string().nullable(),
  actorId: z.number().int().nullable(),
  note: z.string().nullable(),
  refundNo: z.string().nullable(),
  /** Fen moved by a refund entry; null on a status change. */
  amountFen: z.number().int().nullable(),
});
export type AdminOrderTimelineEntry = z.infer<typeof AdminOrderTimelineEntry>;

/** How an order was paid and what has gone back; amounts in fen. */
export const AdminOrderPayment = z.object({
  method: z.literal('wechat_pay'),
  status: z.enum(['unpaid', 'paid']),
  /** WeChat Pay's transaction id once paid. */
  transactionId: z.string().nullable(),
  paidAt: z.string().nullable(),
  amountFen: z.number().int(),
  /** Confirmed paid back by WeChat Pay. */
  refundedFen: z.number().int(),
  /** Asked for and not yet confirmed (pending, processing or abnormal refunds). */
  refundingFen: z.number().int(),
});
export type AdminOrderPayment = z.infer<typeof AdminOrderPayment>;

/**
 * `GET /admin/orders/:id`: the order with its lines, slot, address, payment, every refund (newest
 * first) and the full timeline (status changes and refunds, oldest first).
 */
export const AdminOrderDetail = Order.extend({
  userId: z.number().int(),
  payment: AdminOrderPayment,
  refunds: z.array(Refund),
  timeline: z.array(AdminOrderTimelineEntry),
});
export type AdminOrderDetail = z.infer<typeof AdminOrderDetail>;
