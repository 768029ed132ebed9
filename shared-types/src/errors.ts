import { z } from 'zod';

/** Every error code the BFF can answer with; the mini-program switches on these, never on text. */
export const ERROR_CODES = [
  // edge / transport
  'VALIDATION_FAILED',
  'BAD_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'ROUTE_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'RATE_LIMITED',
  'INTERNAL',
  // auth
  'UNAUTHENTICATED',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'FORBIDDEN',
  'DEV_LOGIN_DISABLED',
  'WECHAT_CODE_INVALID',
  'WECHAT_RATE_LIMITED',
  'WECHAT_UNAVAILABLE',
  // catalogue and stores
  'PRODUCT_NOT_FOUND',
  'STORE_NOT_FOUND',
  'ADDRESS_NOT_FOUND',
  'CATEGORY_NOT_FOUND',
  'COURIER_NOT_FOUND',
  // checkout, slots, orders, payments
  'OUT_OF_STOCK',
  'SLOT_NOT_FOUND',
  'SLOT_FULL',
  'SLOT_CUTOFF_PASSED',
  'SLOT_ZONE_MISMATCH',
  'OUT_OF_DELIVERY_AREA',
  'IDEMPOTENCY_KEY_MISSING',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_IN_PROGRESS',
  'ORDER_NOT_FOUND',
  'INVALID_STATE',
  'QUANTITY_LIMIT',
  'PAYMENT_SIGNATURE_INVALID',
  'PAYMENT_AMOUNT_MISMATCH',
  'PAYMENT_UNAVAILABLE',
  'ALREADY_REFUNDED',
  'REFUND_EXCEEDS_PAID',
  'NOT_PAID',
  'REFUND_NOT_FOUND',
  'JOB_NOT_FOUND',
  'BILL_NOT_FOUND',
  // lbs
  'CONSENT_REQUIRED',
  'LOCATION_REJECTED',
  'EVENT_NOT_FOUND',
  'ALREADY_CLAIMED',
  'NOT_CLAIMED',
  // routing / dispatch / courier
  'ROUTING_INPUT_INVALID',
  'ROUTING_LIMIT_EXCEEDED',
  'STOP_NOT_FOUND',
  'ROUTE_NOT_PLANNED',
  'DELIVERY_CODE_INVALID',
  // 收货码错误次数过多，站点已锁定，请联系门店 (423; details: storeName, storePhone)
  'DELIVERY_CODE_LOCKED',
  'PHOTO_NOT_FOUND',
  // support
  'CONVERSATION_NOT_FOUND',
  'MESSAGE_ID_REUSED',
  'CASE_NOT_FOUND',
  'CONVERSATION_CLOSED',
  // address book
  'SAVED_ADDRESS_NOT_FOUND',
  'ADDRESS_INVALID',
  'ADDRESS_LIMIT',
  'DEFAULT_ADDRESS_REQUIRED',
  // back office (texts: BACKOFFICE_AUTH_MESSAGES in backoffice.ts)
  'INVALID_CREDENTIALS', // 401 用户名或密码错误 (unknown user and wrong password alike)
  'LOGIN_LOCKED', // 429 登录失败次数过多，请稍后再试 (Retry-After)
  'CAPTCHA_REQUIRED', // 401 请输入图形验证码
  'CAPTCHA_INVALID', // 401 图形验证码错误或已过期
  'TOTP_REQUIRED', // 401 请输入动态验证码
  'TOTP_INVALID', // 401 动态验证码错误
  'TOTP_NOT_ENROLLED', // 409 请先获取动态验证码密钥
  'ACCOUNT_DISABLED', // 403 账号已停用，请联系管理员 (only after a correct password)
  'TOKEN_REVOKED', // 401 登录已失效，请重新登录 (disabled, password or role changed)
  'ADMIN_USER_NOT_FOUND', // 404 账号不存在
] as const;

/** A machine-readable error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One offending field of a rejected request. */
export const FieldIssue = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string().optional(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

/** The body of every non-2xx answer. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    requestId: z.string().optional(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
