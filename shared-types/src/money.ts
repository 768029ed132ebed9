import { z } from 'zod';
import { PageQuery, paged } from './common';

/** A refund's life: sent to WeChat Pay by a job, settled by its notify or a query. */
export const RefundStatus = z.enum(['pending', 'processing', 'success', 'closed', 'abnormal']);
export type RefundStatus = z.infer<typeof RefundStatus>;

/** Chinese labels of refund states (console and mini-program). */
export const REFUND_STATUS_TEXT: Record<RefundStatus, string> = {
  pending: '待发起',
  processing: '退款中',
  success: '已退款',
  closed: '退款关闭',
  abnormal: '退款异常',
};

/** One refunded order line; amounts in fen. */
export const RefundLine = z.object({
  productId: z.number().int(),
  name: z.string(),
  quantity: z.number().int().min(0),
  amountFen: z.number().int().min(0),
});
export type RefundLine = z.infer<typeof RefundLine>;

/** A refund as our own record; `refundNo` is the `out_refund_no` WeChat knows it by. */
export const Refund = z.object({
  id: z.number().int(),
  refundNo: z.string(),
  orderId: z.number().int(),
  orderNo: z.string(),
  caseId: z.number().int().nullable(),
  status: RefundStatus,
  statusText: z.string(),
  amountFen: z.number().int(),
  /** The part of `amountFen` that is the delivery fee. */
  feeFen: z.number().int(),
  lines: z.array(RefundLine),
  reason: z.string(),
  requestedBy: z.object({ type: z.string(), id: z.number().int().nullable() }),
  wechatRefundId: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  settledAt: z.string().nullable(),
});
export type Refund = z.infer<typeof Refund>;

/** `GET /admin/refunds` query. */
export const RefundListQuery = PageQuery.extend({
  status: RefundStatus.optional(),
  orderId: z.coerce.number().int().positive().optional(),
}).strict();
export type RefundListQuery = z.infer<typeof RefundListQuery>;
export const RefundListResponse = paged(Refund);
export type RefundListResponse = z.infer<typeof RefundListResponse>;

/** A durable job's state: `dead` is the dead-letter state, re-driven by an admin. */
export const JobStatus = z.enum(['pending', 'running', 'done', 'dead']);
export type JobStatus = z.infer<typeof JobStatus>;

/** One row of the jobs table, as admins read it. */
export const Job = z.object({
  id: z.number().int(),
  kind: z.string(),
  payload: z.unknown(),
  status: JobStatus,
  runAt: z.string(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  leaseOwner: z.string().nullable(),
  leaseUntil: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;

/** `GET /admin/jobs` query. */
export const JobListQuery = PageQuery.extend({
  status: JobStatus.optional(),
  kind: z.string().max(48).optional(),
}).strict();
export type JobListQuery = z.infer<typeof JobListQuery>;
export const JobListResponse = paged(Job);
export type JobListResponse = z.infer<typeof JobListResponse>;

/** A day of the WeChat Pay trade bill (`YYYY-MM-DD`, Asia/Shanghai). */
export const BillDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

/** One discrepancy between the bill and our records; amounts in fen. */
export const BillDifference = z.object({
  kind: z.enum(['payment', 'refund']),
  /** out_trade_no of a payment, out_refund_no of a refund. */
  key: z.string(),
  oursFen: z.number().int().nullable(),
  theirsFen: z.number().int().nullable(),
});
export type BillDifference = z.infer<typeof BillDifference>;

/** The daily 对账 of WeChat Pay's trade bill against our payments and refunds. */
export const BillReport = z.object({
  billDate: BillDate,
  /** `balanced`: every line matched; `mismatch`: differences below; `failed`: the bill could not be read. */
  status: z.enum(['balanced', 'mismatch', 'failed']),
  matched: z.number().int(),
  paymentsFen: z.number().int(),
  refundsFen: z.number().int(),
  missingOurs: z.array(BillDifference),
  missingTheirs: z.array(BillDifference),
  amountMismatches: z.array(BillDifference),
  brokenLines: z.array(z.object({ line: z.number().int(), message: z.string() })),
  error: z.string().nullable(),
  createdAt: z.string(),
});
export type BillReport = z.infer<typeof BillReport>;
export const BillReportListResponse = z.object({ items: z.array(BillReport) });
export type BillReportListResponse = z.infer<typeof BillReportListResponse>;

/** Something an operator must look at (a refund WeChat could not pay out, a bill that does not balance). */
export const OpsAlert = z.object({
  id: z.number().int(),
  kind: z.enum([
    'refund_abnormal',
    'bill_mismatch',
    'bill_failed',
    'job_dead',
    'late_payment',
    'kpi_anomaly',
  ]),
  severity: z.enum(['warning', 'critical']),
  message: z.string(),
  details: z.unknown(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export type OpsAlert = z.infer<typeof OpsAlert>;
export const OpsAlertListResponse = z.object({ items: z.array(OpsAlert) });
export type OpsAlertListResponse = z.infer<typeof OpsAlertListResponse>;
