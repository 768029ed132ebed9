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
