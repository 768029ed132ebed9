// Public types of the mock's mini-program server APIs (tokens, subscription messages, shipping info).

/** An API of the mock whose next calls can be made to fail. `token`: stable_token and the old /cgi-bin/token. */
export type MpApiName = 'send' | 'shipping' | 'token';
/**
 * How a call fails: `errcode` a WeChat error (200 `{errcode, errmsg}`), `http5xx` a 503 with an HTML
 * page, `timeout` no answer until the client gives up (or the mock closes), `garbage` a 200 whose body is
 * not JSON, `close` the connection is cut.
 */
export type MpFaultKind = 'errcode' | 'http5xx' | 'timeout' | 'garbage' | 'close';

/** A subscription message the mock accepted (`GET /__mock/messages`). `at`: ISO time it arrived. */
export interface MockSubscribeMessage {
  msgid: number;
  touser: string;
  template_id: string;
  page: string | null;
  data: Record<string, { value: string }>;
  miniprogram_state: string | null;
  lang: string | null;
  at: string;
}

/** An accepted upload_shipping_info body as sent, with `at`, the ISO time it arrived (`GET /__mock/shipping`). */
export type MockShipment = Record<string, unknown> & { at: string };

/** Counters of the mini-program APIs since start (sends/uploads/rejected since the last reset). */
export interface MpStats {
  tokensIssued: number;
  sends: number;
  uploads: number;
  /** Non-zero errcodes answered, by errcode. */
  rejected: Record<string, number>;
  /** Requests held open right now by `timeout` faults. */
  held: number;
}

/** Options of the mini-program server APIs (tokens, subscription messages, shipping info). */
export interface WechatMpOptions {
  /** Lifetime of issued access tokens, seconds (WeChat: 7200). */
  tokenTtlS?: number;
  /** Subscription templates: id → its data keys (`thing1`, `amount2`, …). */
  templates?: Record<string, string[]>;
  /** The mock's clock (token expiry, `at`); defaults to the system clock. */
  now?: () => Date;
}

/** Test and dev controls of the mini-program APIs, on the object `startWechatMock` returns. */
export interface WechatMpControls {
  /** Subscription messages accepted, oldest first (cleared in place by `reset`). */
  messages: MockSubscribeMessage[];
  /** Shipping uploads accepted, oldest first (cleared in place by `reset`). */
  shipments: MockShipment[];
  /** The next `times` calls of `api` fail as `kind` (errcode defaults to -1 system error); queued after earlier faults. */
  fault(api: MpApiName, kind: MpFaultKind, times: number, errcode?: number): void;
  /** The current tokens expire now: API calls answer 42001, stable_token (normal mode) issues a new one. */
  expireToken(): void;
  /** The current tokens become "not latest": API calls answer 40001, stable_token issues a new one. */
  invalidateToken(): void;
  /** Sends of `templateId` to `openid` answer 43101 (the user refused or cancelled the subscription). */
  refuse(openid: string, templateId: string): void;
  /** Registers (or replaces) a template and its data keys; from then on unknown template ids answer 40037. */
  registerTemplate(id: string, keys: string[]): void;
  stats(): MpStats;
  /** Clears messages, shipments, uploaded orders, missing payments, faults, refusals and rejected counts. */
  reset(): void;
}
