/** The merchant the mock serves, the keys it checks and signs with, and where it listens (port 0 = random). */
export interface WechatPayMockOptions {
  mchid: string;
  appid: string;
  merchantPublicKeyPem: string;
  merchantSerialNo: string;
  platformPrivateKeyPem: string;
  platformSerialNo: string;
  apiV3Key: string;
  port?: number;
  host?: string;
  /** The mock's clock (default: the wall clock); share it with the adapter when a test moves time. */
  now?: () => Date;
  /** What refund answers say at first (default 'SUCCESS'; real WeChat usually says 'PROCESSING'). */
  refundStatus?: 'SUCCESS' | 'PROCESSING';
}

/** Scripted trouble; replaced as a whole by `setMode`. */
export interface WechatPayMockMode {
  /** The next N requests (only those whose path starts with `failPath`, when set) answer 500 SYSTEM_ERROR. */
  systemErrorNext?: number;
  /** Limits `systemErrorNext` to requests whose path starts with this, e.g. '/v3/refund'. */
  failPath?: string;
  /** What new refunds answer at first (overrides the option of the same name). */
  refundStatus?: 'SUCCESS' | 'PROCESSING';
  /** Every answer is held back this many milliseconds (to provoke client timeouts). */
  delayMs?: number;
}

/** Where a refund is: PROCESSING until WeChat settles it; SUCCESS and CLOSED are final, ABNORMAL is not. */
export type MockRefundStatus = 'SUCCESS' | 'PROCESSING' | 'ABNORMAL' | 'CLOSED';

/** The outcomes `settleRefund` can give a refund (each sends a `REFUND.<status>` notify). */
export type MockRefundOutcome = 'SUCCESS' | 'ABNORMAL' | 'CLOSED';

/** One refund the mock accepted; amounts in fen, times RFC 3339 (+08:00). */
export interface MockPayRefund {
  refundId: string;
  outRefundNo: string;
  refundFen: number;
  status: MockRefundStatus;
  createTime: string;
  /** When the money was back (status SUCCESS), else null. */
  successTime: string | null;
  /** The refund request's notify_url, or null when it had none (then no refund notify is sent). */
  notifyUrl: string | null;
  /** The id of the notify of the current status (the same on every retry of that notify). */
  notifyId: string;
  /** When the refund reached its current status (the notify's create_time). */
  statusTime: string;
}

/** One order the mock knows, created by a prepay; amounts in fen, times RFC 3339 (+08:00). */
export interface MockPayTransaction {
  prepayId: string;
  outTradeNo: string;
  appid: string;
  description: string;
  notifyUrl: string;
  timeExpire: string | null;
  totalFen: number;
  openid: string;
  /** Set once paid; `paidFen` differs from `totalFen` only when `pay` was told another amount. */
  transactionId: string | null;
  successTime: string | null;
  paidFen: number | null;
  notifyId: string | null;
  /** Closed by the merchant (`POST .../close`); queries also say CLOSED once an unpaid order's time_expire passed. */
  closed: boolean;
  refunds: MockPayRefund[];
}

/** One request the mock received and how it answered. */
export interface WechatPayMockCall {
  method: string;
  path: string;
  status: number;
  code?: string;
}

/** A notify as WeChat would send it: target URL, headers (signed by the platform key) and raw body. */
export interface MockPayNotify {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Scripted trouble in the trade bill file (the mock's own records stay true). */
export interface MockBillFaults {
  /** out_trade_no (payment lines) or out_refund_no (refund lines) left out of the file. */
  drop?: string[];
  /** out_trade_no or out_refund_no → the amount in fen written instead of the true one. */
  alter?: Record<string, number>;
  /** How many malformed lines (wrong column count, an unclosed quote) go among the data lines. */
  broken?: number;
}

/** A running WeChat Pay APIv3 mock. */
export interface WechatPayMock {
  url: string;
  calls: WechatPayMockCall[];
  /** Orders by out_trade_no. */
  transactions: ReadonlyMap<string, MockPayTransaction>;
  /** Simulates the user paying (`amountFen` simulates a wrong amount) and POSTs the notify to the prepay's notify_url. */
  pay(prepayIdOrOutTradeNo: string, opts?: { amountFen?: number }): Promise<{ status: number; body: string }>;
  /** Marks the order paid like `pay` and returns the notify without sending it; `now` back-dates its timestamp. */
  buildNotify(prepayIdOrOutTradeNo: string, opts?: { amountFen?: number; now?: Date }): MockPayNotify;
  /**
   * Gives a refund its outcome (SUCCESS sets success_time) and, when `send` (default true) and the refund
   * has a notify_url, POSTs the `REFUND.<status>` notify; the notify's HTTP answer, or null when none was sent.
   */
  settleRefund(
    outRefundNo: string,
    status: MockRefundOutcome,
    opts?: { send?: boolean },
  ): Promise<{ status: number; body: string } | null>;
  /**
   * The refund notify of the refund's current status without sending it (to replay, forge or drop it); `now`
   * back-dates its signature. WeChat sends none while PROCESSING: one built then says `REFUND.PROCESSING`.
   */
  buildRefundNotify(outRefundNo: string, opts?: { now?: Date }): MockPayNotify;
  /** Scripted trouble in trade bills served from now on; replaced as a whole, `{}` clears it. */
  setBillFaults(faults: MockBillFaults): void;
  setMode(mode: WechatPayMockMode): void;
  close(): Promise<void>;
}
