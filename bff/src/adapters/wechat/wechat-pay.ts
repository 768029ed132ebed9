import { createHash, type KeyObject } from 'node:crypto';
import type { PayParams } from '@omni/shared-types';
import { systemClock, type Clock } from '../../clock';
import { UnauthenticatedError, ValidationError } from '../../http/errors';
import { parseAnswer, paymentUnavailable, rejectedBy, WechatPayClient } from './wechat-pay-client';
import {
  checkWechatSignature,
  decryptResource,
  makeNonce,
  readPrivateKey,
  readPublicKey,
  rfc3339Shanghai,
  signParts,
  unixS,
} from './wechat-pay-crypto';
import {
  NotifyEnvelope,
  PrepayAnswer,
  RefundAnswer,
  RefundNotifyJson,
  TradeBillAnswer,
  TransactionJson,
  toPaidTransaction,
  toRefundNotice,
  toRefundResult,
} from './wechat-pay-parse';

/** What `wx.requestPayment` takes; the same shape as `PayParams` in shared-types. */
export type JsapiPayParams = PayParams;

/** A WeChat Pay transaction (from a notify or a query); amounts in fen, times as Dates. */
export interface PaidTransaction {
  appid: string;
  mchid: string;
  outTradeNo: string;
  /** WeChat's id; null until paid. */
  transactionId: string | null;
  /** Only 'SUCCESS' (and 'REFUND', paid then refunded) mean the money arrived. */
  tradeState: 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
  tradeStateDesc: string;
  /** The order total WeChat charged for; compare with the order's own total. */
  totalFen: number;
  /** What the payer actually paid after WeChat-side coupons; null until paid. */
  payerTotalFen: number | null;
  currency: string;
  openid: string | null;
  bankType: string | null;
  successAt: Date | null;
}

/** WeChat's answer to a refund request; amounts in fen. */
export interface RefundResult {
  refundId: string;
  outRefundNo: string;
  outTradeNo: string | null;
  /** 'PROCESSING' until the money is back; WeChat then sends a refund notify. */
  status: 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';
  refundFen: number;
  totalFen: number;
  payerRefundFen: number | null;
  createdAt: Date | null;
  successAt: Date | null;
}

/** WeChat Pay APIv3 for a mini-program merchant: prepay, the payment notify, refund and query. */
export interface WechatPay {
  /** Creates (or, for the same order and amount, repeats) a JSAPI prepay; the amount in fen; `expiresAt` becomes `time_expire`. */
  prepay(o: {
    outTradeNo: string;
    description: string;
    amountFen: number;
    openid: string;
    expiresAt?: Date;
  }): Promise<JsapiPayParams>;
  /**
   * Verifies and decrypts a payment notify from its raw body; throws PAYMENT_SIGNATURE_INVALID (401) when it
   * cannot be trusted. The caller still compares `totalFen` with the order and checks `tradeState`.
   */
  verifyNotify(headers: Record<string, string | string[] | undefined>, rawBody: string): PaidTransaction;
  /** Asks for a refund of `refundFen` of an order of `totalFen`; repeating an `outRefundNo` is idempotent. */
  refund(o: {
    outTradeNo: string;
    outRefundNo: string;
    refundFen: number;
    totalFen: number;
    reason?: string;
  }): Promise<RefundResult>;
  /** The transaction as WeChat knows it, or null when WeChat has no such order. */
  queryByOutTradeNo(outTradeNo: string): Promise<PaidTransaction | null>;
  /** Closes an unpaid order so it can no longer be paid: 'closed', or 'paid' when the customer paid first. */
  close(outTradeNo: string): Promise<'closed' | 'paid'>;
  /** The refund as WeChat knows it, or null when WeChat has no such refund. */
  queryRefund(outRefundNo: string): Promise<RefundResult | null>;
  /** Verifies and decrypts a refund notify (`REFUND.*`); throws PAYMENT_SIGNATURE_INVALID (401) when untrusted. */
  verifyRefundNotify(headers: Record<string, string | string[] | undefined>, rawBody: string): RefundResult;
  /** The trade bill CSV of a day (`YYYY-MM-DD`, Shanghai), its SHA1 checked; null when WeChat has no bill (no trades). */
  tradeBill(billDate: string): Promise<string | null>;
}

/** Everything `HttpWechatPay` needs; keys as PEM text, the APIv3 key as its 32 characters. */
export interface HttpWechatPayDeps {
  apiBase: string;
  appid: string;
  mchid: string;
  merchantSerialNo: string;
  merchantPrivateKeyPem: string;
  apiV3Key: string;
  /** Platform public keys (or platform certificates) by serial (`Wechatpay-Serial`). */
  platformPublicKeys: Record<string, string>;
  /** Where WeChat POSTs payment notifies: absolute, without a query string (WeChat's rule). */
  notifyUrl: string;
  /** Where WeChat POSTs refund notifies; default: `notifyUrl` with its last segment replaced by `refund-notify`. */
  refundNotifyUrl?: string;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Per request, default 10 000. */
  timeoutMs?: number;
}

const DESCRIPTION_MAX = 127;

/** Thrown for every notify we cannot trust; the message is for logs, WeChat only sees `FAIL`. */
function untrusted(reason: string): UnauthenticatedError {
  return new UnauthenticatedError('PAYMENT_SIGNATURE_INVALID', `微信支付通知验签失败: ${reason}`);
}

function requireFen(name: string, v: number): void {
  if (!Number.isSafeInteger(v) || v <= 0) {
    throw new ValidationError(`${name} 必须是正整数（分）`, [
      { path: name, message: 'positive integer fen' },
    ]);
  }
}

/** Calls WeChat Pay APIv3 with merchant-signed requests and verifies every signed answer. */
export class HttpWechatPay implements WechatPay {
  private readonly merchantKey: KeyObject;
  private readonly platformKeys: ReadonlyMap<string, KeyObject>;
  private readonly apiV3Key: Buffer;
  private readonly clock: Clock;
  private readonly client: WechatPayClient;

  constructor(private readonly deps: HttpWechatPayDeps) {
    this.apiV3Key = Buffer.from(deps.apiV3Key, 'utf8');
    if (this.apiV3Key.length !== 32) throw new Error('WeChat Pay APIv3 key must be 32 bytes');
    this.merchantKey = readPrivateKey(deps.merchantPrivateKeyPem);
    this.platformKeys = new Map(
      Object.entries(deps.platformPublicKeys).map(([s, pem]) => [s, readPublicKey(pem)]),
    );
    if (this.platformKeys.size === 0) throw new Error('WeChat Pay needs at least one platform public key');
    this.clock = deps.clock ?? systemClock;
    this.client = new WechatPayClient({
      ...deps,
      merchantKey: this.merchantKey,
      platformKeys: this.platformKeys,
      clock: this.clock,
    });
  }

  async prepay(o: {
    outTradeNo: string;
    description: string;
    amountFen: number;
    openid: string;
    expiresAt?: Date;
  }): Promise<JsapiPayParams> {
    requireFen('amountFen', o.amountFen);
    const r = await this.client.call('POST', '/v3/pay/transactions/jsapi', {
      appid: this.deps.appid,
      mchid: this.deps.mchid,
      description: [...o.description].slice(0, DESCRIPTION_MAX).join(''),
      out_trade_no: o.outTradeNo,
      ...(o.expiresAt ? { time_expire: rfc3339Shanghai(o.expiresAt) } : {}),
      notify_url: this.deps.notifyUrl,
      amount: { total: o.amountFen, currency: 'CNY' },
      payer: { openid: o.openid },
    });
    if (!r.ok) throw rejectedBy(r);
    return this.payParams(parseAnswer(PrepayAnswer, r.body).prepay_id);
  }

  /** Signs the `wx.requestPayment` parameters of a prepay id with the merchant key. */
  payParams(prepayId: string): JsapiPayParams {
    const timeStamp = String(unixS(this.clock.now()));
    const nonceStr = makeNonce();
    const pkg = `prepay_id=${prepayId}`;
    const paySign = signParts(this.merchantKey, [this.deps.appid, timeStamp, nonceStr, pkg]);
    return { appId: this.deps.appid, timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
  }

  verifyNotify(headers: Record<string, string | string[] | undefined>, rawBody: string): PaidTransaction {
    const parsed = TransactionJson.safeParse(
      this.openNotify(headers, rawBody, 'TRANSACTION.', 'transaction'),
    );
    if (!parsed.success) throw untrusted('unexpected transaction shape');
    if (parsed.data.mchid !== this.deps.mchid || parsed.data.appid !== this.deps.appid) {
      throw untrusted('transaction of another merchant or app');
    }
    return toPaidTransaction(parsed.data);
  }

  verifyRefundNotify(headers: Record<string, string | string[] | undefined>, rawBody: string): RefundResult {
    const parsed = RefundNotifyJson.safeParse(this.openNotify(headers, rawBody, 'REFUND.', 'refund'));
    if (!parsed.success) throw untrusted('unexpected refund shape');
    if (parsed.data.mchid !== this.deps.mchid) throw untrusted('refund of another merchant');
    return toRefundNotice(parsed.data);
  }

  /** Checks a notify's platform signature and decrypts its resource (of `originalType`, event `eventPrefix`*). */
  private openNotify(
    headers: Record<string, string | string[] | undefined>,
    rawBody: string,
    eventPrefix: string,
    originalType: string,
  ): unknown {
    const h = (name: string): string | undefined => {
      const entry = Object.entries(headers).find(([k]) => k.toLowerCase() === name);
      const v = entry?.[1];
      return Array.isArray(v) ? v[0] : v;
    };
    const refused = checkWechatSignature({
      timestamp: h('wechatpay-timestamp'),
      nonce: h('wechatpay-nonce'),
      signature: h('wechatpay-signature'),
      serial: h('wechatpay-serial'),
      body: rawBody,
      keys: this.platformKeys,
      nowS: unixS(this.clock.now()),
    });
    if (refused) throw untrusted(refused);
    try {
      const envelope = NotifyEnvelope.parse(JSON.parse(rawBody));
      if (!envelope.event_type.startsWith(eventPrefix) || envelope.resource.original_type !== originalType) {
        throw new Error(`not a ${originalType} notify: ${envelope.event_type}`);
      }
      return JSON.parse(decryptResource(this.apiV3Key, envelope.resource));
    } catch (e) {
      throw untrusted(`unreadable body (${(e as Error).message.slice(0, 120)})`);
    }
  }

  async refund(o: {
    outTradeNo: string;
    outRefundNo: string;
    refundFen: number;
    totalFen: number;
    reason?: string;
  }): Promise<RefundResult> {
    requireFen('refundFen', o.refundFen);
    requireFen('totalFen', o.totalFen);
    if (o.refundFen > o.totalFen) {
      throw new ValidationError('退款金额不能超过订单金额', [
        { path: 'refundFen', message: 'exceeds totalFen' },
      ]);
    }
    const r = await this.client.call('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: o.outTradeNo,
      out_refund_no: o.outRefundNo,
      ...(o.reason ? { reason: [...o.reason].slice(0, 80).join('') } : {}),
      notify_url: this.deps.refundNotifyUrl ?? this.deps.notifyUrl.replace(/[^/]*$/, 'refund-notify'),
      amount: { refund: o.refundFen, total: o.totalFen, currency: 'CNY' },
    });
    if (!r.ok) throw rejectedBy(r);
    return toRefundResult(parseAnswer(RefundAnswer, r.body));
  }

  async queryByOutTradeNo(outTradeNo: string): Promise<PaidTransaction | null> {
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}`;
    const r = await this.client.call('GET', `${path}?mchid=${encodeURIComponent(this.deps.mchid)}`);
    if (!r.ok && (r.code === 'ORDER_NOT_EXIST' || r.code === 'RESOURCE_NOT_EXISTS')) return null;
    if (!r.ok) throw rejectedBy(r);
    return toPaidTransaction(parseAnswer(TransactionJson, r.body));
  }

  async close(outTradeNo: string): Promise<'closed' | 'paid'> {
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`;
    const r = await this.client.call('POST', path, { mchid: this.deps.mchid });
    if (r.ok) return 'closed';
    if (r.code === 'ORDERPAID') return 'paid';
    // Nothing to close: WeChat never saw a prepay for it, so it cannot be paid either.
    if (r.code === 'ORDER_NOT_EXIST' || r.code === 'RESOURCE_NOT_EXISTS') return 'closed';
    throw rejectedBy(r);
  }

  async queryRefund(outRefundNo: string): Promise<RefundResult | null> {
    const r = await this.client.call('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`);
    if (!r.ok && (r.code === 'RESOURCE_NOT_EXISTS' || r.code === 'ORDER_NOT_EXIST')) return null;
    if (!r.ok) throw rejectedBy(r);
    return toRefundResult(parseAnswer(RefundAnswer, r.body));
  }

  async tradeBill(billDate: string): Promise<string | null> {
    const r = await this.client.call('GET', `/v3/bill/tradebill?bill_date=${billDate}&bill_type=ALL`);
    if (!r.ok && r.code === 'NO_STATEMENT_EXIST') return null;
    if (!r.ok) throw rejectedBy(r);
    const answer = parseAnswer(TradeBillAnswer, r.body);
    const file = await this.client.download(answer.download_url);
    const algo = answer.hash_type.toLowerCase() === 'sm3' ? null : 'sha1';
    if (algo && createHash(algo).update(file).digest('hex') !== answer.hash_value.toLowerCase()) {
      throw paymentUnavailable(`trade bill ${billDate}: hash mismatch`);
    }
    return file.toString('utf8');
  }
}
