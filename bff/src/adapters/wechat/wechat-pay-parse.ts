import { z } from 'zod';
import type { PaidTransaction, RefundResult } from './wechat-pay';

// WeChat's answers are checked field by field before we trust them: a signed answer from a
// mis-configured merchant or a new API version must fail loudly, not become `undefined` amounts.

const Fen = z.number().int().nonnegative();

/** `POST /v3/pay/transactions/jsapi` answer. */
export const PrepayAnswer = z.object({ prepay_id: z.string().min(1) });

/** An error answer of any APIv3 call. */
export const ErrorAnswer = z.object({ code: z.string().min(1), message: z.string().default('') });

/** A transaction as in the notify plaintext and the query answer; only paid ones carry every field. */
export const TransactionJson = z.object({
  appid: z.string().min(1),
  mchid: z.string().min(1),
  out_trade_no: z.string().min(1),
  transaction_id: z.string().min(1).optional(),
  trade_type: z.string().optional(),
  trade_state: z.enum(['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR']),
  trade_state_desc: z.string().default(''),
  bank_type: z.string().optional(),
  success_time: z.string().optional(),
  payer: z.object({ openid: z.string().min(1) }).optional(),
  amount: z.object({
    total: Fen,
    payer_total: Fen.optional(),
    currency: z.string().default('CNY'),
    payer_currency: z.string().optional(),
  }),
});

/** The JSON body of a payment notification (its resource still encrypted). */
export const NotifyEnvelope = z.object({
  id: z.string().min(1),
  create_time: z.string(),
  event_type: z.string().min(1),
  resource_type: z.literal('encrypt-resource'),
  resource: z.object({
    algorithm: z.literal('AEAD_AES_256_GCM'),
    ciphertext: z.string().min(1),
    associated_data: z.string().optional(),
    original_type: z.string(),
    nonce: z.string().min(1),
  }),
});

/** `POST /v3/refund/domestic/refunds` answer. */
export const RefundAnswer = z.object({
  refund_id: z.string().min(1),
  out_refund_no: z.string().min(1),
  out_trade_no: z.string().optional(),
  transaction_id: z.string().optional(),
  status: z.enum(['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL']),
  create_time: z.string().optional(),
  success_time: z.string().optional(),
  amount: z.object({
    refund: Fen,
    total: Fen,
    payer_refund: Fen.optional(),
    currency: z.string().default('CNY'),
  }),
});

/** A WeChat RFC 3339 time as a Date, or null when absent or unreadable. */
function toDate(v: string | undefined): Date | null {
  if (!v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Our view of a transaction JSON; amounts in fen. */
export function toPaidTransaction(t: z.infer<typeof TransactionJson>): PaidTransaction {
  return {
    appid: t.appid,
    mchid: t.mchid,
    outTradeNo: t.out_trade_no,
    transactionId: t.transaction_id ?? null,
    tradeState: t.trade_state,
    tradeStateDesc: t.trade_state_desc,
    totalFen: t.amount.total,
    payerTotalFen: t.amount.payer_total ?? null,
    currency: t.amount.currency,
    openid: t.payer?.openid ?? null,
    bankType: t.bank_type ?? null,
    successAt: toDate(t.success_time),
  };
}

/** Our view of a refund answer; amounts in fen. */
export function toRefundResult(r: z.infer<typeof RefundAnswer>): RefundResult {
  return {
    refundId: r.refund_id,
    outRefundNo: r.out_refund_no,
    outTradeNo: r.out_trade_no ?? null,
    status: r.status,
    refundFen: r.amount.refund,
    totalFen: r.amount.total,
    payerRefundFen: r.amount.payer_refund ?? null,
    createdAt: toDate(r.create_time),
    successAt: toDate(r.success_time),
  };
}

/** The decrypted resource of a refund notify (`REFUND.SUCCESS` / `REFUND.ABNORMAL` / `REFUND.CLOSED`). */
export const RefundNotifyJson = z.object({
  mchid: z.string().min(1),
  out_trade_no: z.string().min(1),
  transaction_id: z.string().optional(),
  out_refund_no: z.string().min(1),
  refund_id: z.string().min(1),
  refund_status: z.enum(['SUCCESS', 'CLOSED', 'ABNORMAL', 'PROCESSING']),
  success_time: z.string().optional(),
  user_received_account: z.string().optional(),
  amount: z.object({
    total: Fen,
    refund: Fen,
    payer_total: Fen.optional(),
    payer_refund: Fen.optional(),
  }),
});

/** Our view of a refund notify; amounts in fen. */
export function toRefundNotice(r: z.infer<typeof RefundNotifyJson>): RefundResult {
  return {
    refundId: r.refund_id,
    outRefundNo: r.out_refund_no,
    outTradeNo: r.out_trade_no,
    status: r.refund_status,
    refundFen: r.amount.refund,
    totalFen: r.amount.total,
    payerRefundFen: r.amount.payer_refund ?? null,
    createdAt: null,
    successAt: toDate(r.success_time),
  };
}

/** `GET /v3/bill/tradebill` answer. */
export const TradeBillAnswer = z.object({
  hash_type: z.string().default('SHA1'),
  hash_value: z.string().min(1),
  download_url: z.string().url(),
});
