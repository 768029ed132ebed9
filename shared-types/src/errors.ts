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
  'STOP_NOT_REASSIGNABLE', // 409 该订单已出发、已完成或不属于该门店当日，不能改派 (details.status)
  'COURIER_NOT_IN_STORE', // 409 骑手不属于该门店
  'COURIER_UNAVAILABLE', // 409 骑手已停用或正在配送途中，暂不能接新单
  // support
  'CONVERSATION_NOT_FOUND',
  'MESSAGE_ID_REUSED',
  'CASE_NOT_FOUND',
  'CONVERSATION_CLOSED',
  'ASSIGNEE_INVALID', // 422 只能指派给本店在职的店员或店长 (details.fields)
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
  'USERNAME_TAKEN', // 409 用户名已存在
  'LAST_ADMIN', // 409 不能停用或降级最后一个管理员（也不能停用自己）
  'PASSWORD_WRONG', // 400 当前密码错误
  // admin data (every write carries the record's version)
  'SLOT_OVERRIDE_NOT_FOUND', // 404 停运或容量调整不存在
  'VERSION_CONFLICT', // 409 记录已被他人修改 (details.current: the record now)
  'STOCK_BELOW_RESERVED', // 409 库存不能低于未完成订单占用的数量 (details.reserved)
  'SKU_TAKEN', // 409 SKU 已存在
  'CSV_HEADER_INVALID', // 400 表头不对 (details: expected, missing, unknown)
  'CSV_ENCODING_INVALID', // 400 文件不是 UTF-8 编码
  'CSV_MALFORMED', // 400 CSV 格式错误（引号未闭合等）
  'CSV_ROWS_INVALID', // 422 有行未通过校验，未写入任何数据 (details: created, updated, errors)
  'IMAGE_UNREADABLE', // 422 图片已损坏、无法读取或像素过多
  'AUDIT_QUERY_INVALID',
  // invites and members
  'INVITE_NOT_FOUND', // 404 邀请码无效
  'INVITE_EXPIRED', // 410 邀请码已过期
  'INVITE_SPENT', // 409 邀请码已被使用
  'INVITE_REVOKED', // 410 邀请码已撤销
  'ROLE_NOT_BOUND', // 403 该微信账号未绑定此身份
  'MEMBER_NOT_FOUND',
  'MEMBER_DISABLED', // 403 成员已停用
  // FAQ and product relations (the support bot's knowledge)
  'FAQ_NOT_FOUND', // 404 常见问题不存在
  'RELATION_NOT_FOUND', // 404 商品关系不存在
  'RELATION_EXISTS', // 409 这两个商品之间已有同类关系
  'RELATION_SELF', // 400 商品不能和自己建立关系
  // stores, zones, slot templates and overrides, admin orders
  'STORE_CODE_TAKEN', // 409 门店编码已存在
  'STORE_CLOSED_TODAY', // 422 门店今日休息，暂不支持自提
  'ZONE_INVALID', // 400 配送区多边形无效 (details.fields)
  'ZONE_NOT_FOUND', // 404 配送区不存在
  'ZONE_CODE_TAKEN', // 409 配送区编码已存在
  'SLOT_TEMPLATE_NOT_FOUND', // 404 时段模板不存在
  'SLOT_TEMPLATE_OVERLAP', // 409 同一配送区同一天的时段不能重叠 (details.conflictWith)
  'REFUND_AMOUNT_MISMATCH', // 422 退款金额与所选商品不符 (details.expectedFen)
  // H5 logins: WeChat web authorisation and phone + SMS code (texts: H5_AUTH_MESSAGES in h5-auth.ts)
  'OAUTH_STATE_INVALID', // 400 登录链接已失效，请重新进入
  'WECHAT_WEB_DISABLED', // 404 未开通微信网页登录
  'PHONE_INVALID', // 400 请输入正确的11位手机号
  'PHONE_TAKEN', // 409 该手机号已绑定其他账号
  'SMS_RATE_LIMITED', // 429 验证码发送太频繁 (Retry-After)
  'SMS_UNAVAILABLE', // 503 短信服务暂时不可用
  'SMS_LOGIN_DISABLED', // 404 未开通短信登录
  'SMS_CODE_INVALID', // 400 验证码错误 (details.attemptsLeft)
  'SMS_CODE_EXPIRED', // 400 验证码已过期或已使用，请重新获取
  'SMS_CODE_LOCKED', // 400 错误次数过多，验证码已失效，请重新获取
  // notifications
  'NOTIFY_TEMPLATE_NOT_FOUND', // 404 没有这种通知
  'NOTIFY_FIELD_UNKNOWN', // 400 字段引用了这种通知没有的内容 (details.fields)
  'NOTIFICATION_NOT_FOUND', // 404 通知记录不存在
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
