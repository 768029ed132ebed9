import { randomUUID } from 'node:crypto';
import { type Answer, digits, fail, isFen, isNotifyUrl, isText, postNotify, rfc3339 } from './pay-common';
import { refundNotifyBody, signedPayHeaders } from './pay-keys';
import type {
  MockPayNotify,
  MockPayRefund,
  MockPayTransaction,
  MockRefundOutcome,
  WechatPayMockOptions,
} from './pay-types';

/** What the refund part of the mock needs: its options, clock and the orders it knows. */
export interface RefundsDeps {
  opts: WechatPayMockOptions;
  now: () => Date;
  /** What a new refund answers (the mode's refundStatus, else the option's, else SUCCESS). */
  initialStatus: () => 'SUCCESS' | 'PROCESSING';
  transactions: ReadonlyMap<string, MockPayTransaction>;
}

/** Refund requests, refund queries, settling refunds and their notifies (`/v3/refund/domestic/refunds`). */
export interface MockRefunds {
  /** `POST /v3/refund/domestic/refunds`. */
  create(body: Record<string, unknown>): Answer;
  /** `GET /v3/refund/domestic/refunds/{out_refund_no}`. */
  query(outRefundNo: string): Answer;
  settle(
    outRefundNo: string,
    status: MockRefundOutcome,
    opts?: { send?: boolean },
  ): Promise<{ status: number; body: string } | null>;
  buildNotify(outRefundNo: string, opts?: { now?: Date }): MockPayNotify;
}

/** Whether a refund still holds money of its order (a closed refund gave it back). */
export const holdsMoney = (r: MockPayRefund): boolean => r.status !== 'CLOSED';

/** The refund answer / query JSON of `r` as WeChat writes it. */
function refundJson(t: MockPayTransaction, r: MockPayRefund): Record<string, unknown> {
  return {
    refund_id: r.refundId,
    out_refund_no: r.outRefundNo,
    transaction_id: t.transactionId,
    out_trade_no: t.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(r.successTime ? { success_time: r.successTime } : {}),
    create_time: r.createTime,
    status: r.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: t.paidFen,
      refund: r.refundFen,
      payer_total: t.paidFen,
      payer_refund: r.refundFen,
      currency: 'CNY',
    },
  };
}

/** Which status changes WeChat makes: PROCESSING and ABNORMAL may still move, SUCCESS and CLOSED are final. */
function canSettle(from: MockPayRefund['status'], to: MockRefundOutcome): boolean {
  return from === to || from === 'PROCESSING' || (from === 'ABNORMAL' && to !== 'ABNORMAL');
}

/** Creates the refund part of the mock over the orders in `deps.transactions`. */
export function createRefunds(deps: RefundsDeps): MockRefunds {
  const { opts, now, transactions, initialStatus } = deps;

  const lookup = (outRefundNo: string): { t: MockPayTransaction; r: MockPayRefund } | null => {
    for (const t of transactions.values()) {
      const r = t.refunds.find((x) => x.outRefundNo === outRefundNo);
      if (r) return { t, r };
    }
    return null;
  };
  const mustFind = (outRefundNo: string): { t: MockPayTransaction; r: MockPayRefund } => {
    const found = lookup(outRefundNo);
    if (!found) throw new Error(`WeChat Pay mock: no refund ${outRefundNo}`);
    return found;
  };

  const create = (b: Record<string, unknown>): Answer => {
    const amount = (b.amount ?? {}) as Record<string, unknown>;
    if (!isText(b.out_refund_no, 64)) return fail(400, 'PARAM_ERROR', 'out_refund_no 必填');
    if (!isFen(amount.refund) || !isFen(amount.total))
      return fail(400, 'PARAM_ERROR', 'amount.refund、amount.total 必须是正整数（分）');
    if (amount.currency !== 'CNY') return fail(400, 'PARAM_ERROR', 'amount.currency 必须是 CNY');
    if (b.notify_url !== undefined && !isNotifyUrl(b.notify_url))
      return fail(400, 'PARAM_ERROR', 'notify_url 必须是不带参数的 http(s) 地址');
    const t =
      typeof b.out_trade_no === 'string'
        ? transactions.get(b.out_trade_no)
        : [...transactions.values()].find(
            (x) => x.transactionId !== null && x.transactionId === b.transaction_id,
          );
    if (!t) return fail(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    if (!t.transactionId || t.paidFen === null) return fail(400, 'INVALID_REQUEST', '订单未支付，不能退款');
    const known = lookup(b.out_refund_no);
    if (known && known.t !== t) return fail(400, 'INVALID_REQUEST', '商户退款单号已用于其他订单');
    if (known) return { status: 200, body: refundJson(t, known.r) };
    if (amount.total !== t.paidFen) return fail(400, 'PARAM_ERROR', '订单金额与原订单不一致');
    const heldFen = t.refunds.filter(holdsMoney).reduce((sum, r) => sum + r.refundFen, 0);
    if (heldFen + amount.refund > t.paidFen)
      return fail(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
    const at = rfc3339(now());
    const status = initialStatus();
    const r: MockPayRefund = {
      refundId: `50300${digits(24)}`,
      outRefundNo: b.out_refund_no,
      refundFen: amount.refund,
      status,
      createTime: at,
      successTime: status === 'SUCCESS' ? at : null,
      notifyUrl: (b.notify_url as string | undefined) ?? null,
      notifyId: randomUUID(),
      statusTime: at,
    };
    t.refunds.push(r);
    return { status: 200, body: refundJson(t, r) };
  };

  const query = (outRefundNo: string): Answer => {
    const found = lookup(outRefundNo);
    return found
      ? { status: 200, body: refundJson(found.t, found.r) }
      : fail(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
  };

  const buildNotify = (outRefundNo: string, o: { now?: Date } = {}): MockPayNotify => {
    const { t, r } = mustFind(outRefundNo);
    if (!r.notifyUrl) throw new Error(`WeChat Pay mock: refund ${outRefundNo} was asked without notify_url`);
    const body = refundNotifyBody(opts.apiV3Key, {
      id: r.notifyId,
      createTime: r.statusTime,
      status: r.status,
      refund: {
        mchid: opts.mchid,
        out_trade_no: t.outTradeNo,
        transaction_id: t.transactionId,
        out_refund_no: r.outRefundNo,
        refund_id: r.refundId,
        refund_status: r.status,
        ...(r.successTime ? { success_time: r.successTime } : {}),
        user_received_account: '支付用户零钱',
        amount: { total: t.paidFen, refund: r.refundFen, payer_total: t.paidFen, payer_refund: r.refundFen },
      },
    });
    const headers = {
      'Content-Type': 'application/json',
      'User-Agent': 'Mozilla/4.0',
      ...signedPayHeaders(opts.platformPrivateKeyPem, opts.platformSerialNo, body, o.now ?? now()),
    };
    return { url: r.notifyUrl, headers, body };
  };

  const settle: MockRefunds['settle'] = async (outRefundNo, status, o = {}) => {
    const { r } = mustFind(outRefundNo);
    if (!canSettle(r.status, status)) {
      throw new Error(`WeChat Pay mock: refund ${outRefundNo} is ${r.status}, it cannot become ${status}`);
    }
    if (r.status !== status) {
      const at = rfc3339(now());
      r.status = status;
      r.statusTime = at;
      r.successTime = status === 'SUCCESS' ? at : null;
      r.notifyId = randomUUID();
    }
    if (o.send === false || !r.notifyUrl) return null;
    return postNotify(buildNotify(outRefundNo));
  };

  return { create, query, settle, buildNotify };
}
