import { z } from 'zod';
import * as T from '@omni/shared-types';
import { CaseAction } from '../modules/aftersales/aftersales.routes';
import { CourierPositionBody } from '../modules/dispatch/courier-position';
import { RegeoQuery } from '../modules/geo/geo.routes';
import { H5_AUTH_OPERATIONS } from '../modules/h5-auth/h5-auth.openapi';
import { CATALOG_ADMIN_OPERATIONS } from '../modules/catalog-admin/catalog-admin.openapi';
import { OPS_DATA_OPERATIONS } from '../modules/ops-data/ops-data.openapi';
import { DASHBOARD_OPERATIONS } from '../modules/dashboard/dashboard.openapi';
import { NOTIFICATIONS_OPERATIONS } from '../modules/notifications/notifications.openapi';
import { DISPATCH_BOARD_OPERATIONS } from '../modules/dispatch/dispatch-board.openapi';
import { ADMIN_ACCOUNTS_OPERATIONS } from '../modules/backoffice/admin-accounts.openapi';
import { AFTERSALES_ADMIN_OPERATIONS } from '../modules/aftersales/aftersales-admin.openapi';
import { MEDIA_OPERATIONS } from '../modules/media/media.openapi';

/** One documented operation: its schemas come from shared-types, the same ones the routes parse with. */
export interface ApiOperation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  /** Schemas of `{name}` path parameters; by default `{id}` is a positive integer and any other a string. */
  params?: Record<string, z.ZodType>;
  roles?: T.Role[];
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  errors?: T.ErrorCode[];
  /** Media type of `body` and of `response` when not JSON (CSV uploads and downloads, raw images). */
  bodyType?: 'text/csv' | 'image/*';
  responseType?: 'text/csv';
}

/** The operations of `/api/v1`; each module's routes are listed here as they land. */
export const API_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/geo/geocode',
    summary: '地址解析 (GCJ-02)',
    query: T.GeocodeQuery,
    response: T.GeocodeResponse,
    errors: ['ADDRESS_NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/geo/regeo',
    summary: '逆地理编码：位置转地址（返回 GCJ-02）',
    query: RegeoQuery,
    response: T.GeocodeResponse.extend({ poiName: z.string().nullable() }),
  },
  {
    method: 'get',
    path: '/slots',
    summary: '配送时段（剩余名额、截单）',
    roles: ['consumer', 'staff', 'admin'],
    query: T.SlotsQuery,
    response: T.SlotsResponse,
    errors: ['OUT_OF_DELIVERY_AREA'],
  },
  {
    method: 'post',
    path: '/orders',
    summary: '下单（请求头 Idempotency-Key；库存与时段原子预留）',
    roles: ['consumer'],
    body: T.CreateOrderBody,
    response: T.Order,
    errors: [
      'OUT_OF_STOCK',
      'SLOT_FULL',
      'SLOT_CUTOFF_PASSED',
      'SLOT_ZONE_MISMATCH',
      'IDEMPOTENCY_KEY_REUSED',
      'IDEMPOTENCY_KEY_MISSING',
      'PRODUCT_NOT_FOUND',
      'QUANTITY_LIMIT',
      'SAVED_ADDRESS_NOT_FOUND',
    ],
  },
  {
    method: 'get',
    path: '/orders',
    summary: '订单列表（本人 / 本店）',
    roles: ['consumer', 'staff', 'admin'],
    query: T.OrderListQuery,
    response: T.OrderListResponse,
  },
  {
    method: 'get',
    path: '/orders/{id}',
    summary: '订单详情与时间线',
    roles: ['consumer', 'staff', 'admin'],
    response: T.Order,
    errors: ['ORDER_NOT_FOUND'],
  },
  {
    method: 'patch',
    path: '/orders/{id}/slot',
    summary: '改约配送时段',
    roles: ['consumer'],
    body: T.RescheduleBody,
    response: T.Order,
    errors: ['SLOT_FULL', 'SLOT_CUTOFF_PASSED', 'INVALID_STATE'],
  },
  {
    method: 'post',
    path: '/orders/{id}/cancel',
    summary: '取消订单（释放库存与时段，已付款则退款）',
    roles: ['consumer', 'staff', 'admin'],
    body: T.CancelBody,
    response: T.Order,
    errors: ['INVALID_STATE'],
  },
  {
    method: 'post',
    path: '/orders/{id}/pay',
    summary: '微信支付 JSAPI 参数',
    roles: ['consumer'],
    response: T.PayResponse,
    errors: ['INVALID_STATE'],
  },
  {
    method: 'post',
    path: '/dev/mock-pay/{id}',
    summary: '开发环境模拟支付：模拟微信支付付款并发送已签名的支付通知',
    roles: ['consumer'],
    response: T.MockPayResponse,
    errors: ['DEV_LOGIN_DISABLED', 'INVALID_STATE', 'ORDER_NOT_FOUND'],
  },
  {
    method: 'post',
    path: '/payments/wechat/notify',
    summary: '微信支付结果通知（验签、解密、幂等）',
    errors: ['PAYMENT_SIGNATURE_INVALID', 'PAYMENT_AMOUNT_MISMATCH', 'ORDER_NOT_FOUND'],
  },
  {
    method: 'post',
    path: '/orders/{id}/pay/confirm',
    summary: '支付完成后确认：向微信支付查询并立即入账（仅下单人）',
    roles: ['consumer'],
    response: T.Order,
    errors: ['ORDER_NOT_FOUND', 'PAYMENT_UNAVAILABLE'],
  },
  {
    method: 'post',
    path: '/payments/wechat/refund-notify',
    summary: '微信支付退款结果通知（REFUND.SUCCESS/ABNORMAL/CLOSED；验签、解密、幂等）',
    errors: ['PAYMENT_SIGNATURE_INVALID', 'REFUND_NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/admin/jobs',
    summary: '后台任务与死信（状态、重试次数、最后错误）',
    roles: ['admin'],
    query: T.JobListQuery,
    response: T.JobListResponse,
  },
  {
    method: 'post',
    path: '/admin/jobs/{id}/retry',
    summary: '重新执行一条死信任务',
    roles: ['admin'],
    response: T.Job,
    errors: ['JOB_NOT_FOUND', 'INVALID_STATE'],
  },
  {
    method: 'get',
    path: '/admin/refunds',
    summary: '退款单（按状态，如 abnormal 异常队列）',
    roles: ['admin'],
    query: T.RefundListQuery,
    response: T.RefundListResponse,
  },
  {
    method: 'get',
    path: '/admin/bills',
    summary: '每日微信支付对账报告',
    roles: ['admin'],
    response: T.BillReportListResponse,
  },
  {
    method: 'get',
    path: '/admin/bills/{date}',
    summary: '某日对账报告（YYYY-MM-DD，北京时间）',
    roles: ['admin'],
    response: T.BillReport,
    errors: ['BILL_NOT_FOUND'],
  },
  {
    method: 'post',
    path: '/admin/bills/{date}/reconcile',
    summary: '立即下载该日微信支付账单并对账',
    roles: ['admin'],
    response: T.BillReport,
    errors: ['VALIDATION_FAILED', 'PAYMENT_UNAVAILABLE'],
  },
  {
    method: 'get',
    path: '/admin/alerts',
    summary: '运维告警（退款异常、对账不平、死信任务）',
    roles: ['admin'],
    response: T.OpsAlertListResponse,
  },
  // Back-office logins (modules/backoffice).
  {
    method: 'post',
    path: '/admin/auth/login',
    summary:
      '后台账号登录（用户名+密码；同一用户名或 IP 15 分钟内失败 5 次锁定，3 次后需图形验证码；启用后需动态验证码；停用账号在密码正确后答 403）',
    body: T.AdminLoginBody,
    response: T.AdminLoginResponse,
    errors: [
      'INVALID_CREDENTIALS',
      'LOGIN_LOCKED',
      'CAPTCHA_REQUIRED',
      'CAPTCHA_INVALID',
      'TOTP_REQUIRED',
      'TOTP_INVALID',
      'ACCOUNT_DISABLED',
    ],
  },
  {
    method: 'get',
    path: '/admin/auth/captcha',
    summary: '图形验证码（SVG；答案 2 分钟内有效，只能用一次）',
    response: T.CaptchaResponse,
  },
  {
    method: 'post',
    path: '/admin/auth/totp/enroll',
    summary: '生成动态验证码密钥与二维码（验证后才生效）',
    roles: ['admin', 'store_manager'],
    response: T.TotpEnrollResponse,
    errors: ['INVALID_STATE', 'TOKEN_REVOKED'],
  },
  {
    method: 'post',
    path: '/admin/auth/totp/verify',
    summary: '用一次动态验证码启用两步验证',
    roles: ['admin', 'store_manager'],
    body: T.TotpVerifyBody,
    response: T.TotpVerifyResponse,
    errors: ['TOTP_NOT_ENROLLED', 'TOTP_INVALID', 'TOKEN_REVOKED'],
  },
  {
    method: 'get',
    path: '/admin/auth/logins',
    summary: '后台登录日志（成功与失败、IP、浏览器；最新在前）',
    roles: ['admin'],
    query: T.LoginLogQuery,
    response: T.LoginLogResponse,
  },
  {
    method: 'get',
    path: '/admin/me',
    summary: '当前后台账号（角色、门店、是否启用动态验证码）',
    roles: ['admin', 'store_manager'],
    response: T.AdminMe,
    errors: ['TOKEN_REVOKED'],
  },
  {
    method: 'get',
    path: '/stores/nearby',
    summary: '附近门店（距离、ETA、营业状态、库存）',
    query: T.NearbyStoresQuery,
    response: T.NearbyStoresResponse,
    errors: ['LOCATION_REJECTED'],
  },
  {
    method: 'get',
    path: '/stores/{id}',
    summary: '门店详情',
    response: T.StoreDetail,
    errors: ['STORE_NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/lbs/consent',
    summary: '当前位置授权',
    roles: ['consumer'],
    response: T.Consent,
  },
  {
    method: 'post',
    path: '/lbs/consent',
    summary: '位置授权（撤回即删除位置）',
    roles: ['consumer'],
    body: T.ConsentBody,
    response: T.Consent,
  },
  {
    method: 'post',
    path: '/lbs/location',
    summary: '上报位置（地理围栏事件）',
    roles: ['consumer'],
    body: T.LocationReport,
    response: T.LocationResult,
    errors: ['CONSENT_REQUIRED', 'RATE_LIMITED'],
  },
  {
    method: 'get',
    path: '/staff/events',
    summary: '门店事件收件箱',
    roles: ['staff'],
    query: T.StaffEventsQuery,
  },
  {
    method: 'post',
    path: '/staff/events/{id}/claim',
    summary: '认领事件（仅一人成功）',
    roles: ['staff'],
    response: T.LbsEvent,
    errors: ['ALREADY_CLAIMED', 'EVENT_NOT_FOUND'],
  },
  {
    method: 'post',
    path: '/staff/events/{id}/resolve',
    summary: '处理完成',
    roles: ['staff'],
    body: T.ResolveEventBody,
    response: T.LbsEvent,
    errors: ['EVENT_NOT_FOUND'],
  },
  {
    method: 'post',
    path: '/staff/orders/{id}/ready',
    summary: '自提订单备货完成',
    roles: ['staff'],
    response: T.Order,
    errors: ['INVALID_STATE'],
  },
  {
    method: 'post',
    path: '/staff/orders/{id}/picked-up',
    summary: '顾客已取货',
    roles: ['staff'],
    response: T.Order,
    errors: ['INVALID_STATE'],
  },
  {
    method: 'post',
    path: '/support/messages',
    summary: '客服消息（机器人或人工回复）',
    roles: ['consumer'],
    body: T.SendMessageBody,
    response: T.SendMessageResponse,
    errors: ['CONVERSATION_NOT_FOUND', 'MESSAGE_ID_REUSED', 'RATE_LIMITED'],
  },
  {
    method: 'post',
    path: '/support/nlu',
    summary: '意图识别（评测用）',
    body: T.NluBody,
    response: T.NluResponse,
  },
  {
    method: 'get',
    path: '/support/conversations',
    summary: '会话列表（顾客：本人；店员：排队与接入中）',
    roles: ['consumer', 'staff', 'admin'],
    query: T.ConversationListQuery,
  },
  {
    method: 'get',
    path: '/support/conversations/{id}/messages',
    summary: '历史消息分页',
    roles: ['consumer', 'staff', 'admin'],
    query: T.HistoryQuery,
  },
  {
    method: 'post',
    path: '/support/conversations/{id}/claim',
    summary: '接入会话（仅一人成功）',
    roles: ['staff'],
    response: T.Conversation,
    errors: ['ALREADY_CLAIMED'],
  },
  {
    method: 'post',
    path: '/support/conversations/{id}/reply',
    summary: '人工回复',
    roles: ['staff'],
    body: T.AgentReplyBody,
    response: T.ChatMessage,
  },
  {
    method: 'post',
    path: '/support/conversations/{id}/close',
    summary: '结束会话并请求评价',
    roles: ['staff'],
    response: T.Conversation,
  },
  {
    method: 'post',
    path: '/support/conversations/{id}/csat',
    summary: '顾客评价 1–5',
    roles: ['consumer'],
    body: T.CsatBody,
    response: T.Conversation,
  },
  {
    method: 'get',
    path: '/support/canned',
    summary: '客服快捷回复',
    roles: ['staff'],
    response: z.object({ items: z.array(z.string()) }),
  },
  {
    method: 'post',
    path: '/aftersales',
    summary: '申请售后（退货/退款/换货/投诉）',
    roles: ['consumer'],
    body: T.CreateCaseBody,
    response: T.AftersalesCase,
    errors: ['INVALID_STATE', 'ORDER_NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/aftersales/{id}',
    summary: '售后单详情与时间线',
    roles: ['consumer', 'staff', 'admin'],
    response: T.AftersalesCase,
    errors: ['CASE_NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/aftersales',
    summary: '售后单列表（顾客：本人；店员：本店；新的在前，status 可逗号分隔多个，默认每页 50 条）',
    roles: ['consumer', 'staff', 'admin'],
    query: T.CaseListQuery,
    response: T.CaseListResponse,
    errors: ['VALIDATION_FAILED'],
  },
  {
    method: 'post',
    path: '/aftersales/{id}/{action}',
    summary: '店员处理售后单（同意、拒绝、处理中、完结；退款类完结即发起退款）',
    roles: ['staff'],
    params: { action: CaseAction },
    body: T.CaseActionBody,
    response: T.AftersalesCase,
    errors: ['CASE_NOT_FOUND', 'INVALID_STATE'],
  },
  {
    method: 'get',
    path: '/ops/kpis',
    summary: '运营指标（准时率、单均公里、机器人分流率、首响、CSAT）',
    roles: ['staff', 'admin'],
    query: T.KpiQuery,
    response: T.Kpis,
  },
  {
    method: 'post',
    path: '/auth/wechat',
    summary:
      '微信登录 (code2session)；role 选择该微信身份已绑定的角色（默认 consumer），返回全部已绑定角色供切换；从不改动已绑定的角色',
    body: T.WechatRoleLoginBody,
    response: T.RoleLoginResponse,
    errors: ['WECHAT_CODE_INVALID', 'WECHAT_RATE_LIMITED', 'ROLE_NOT_BOUND', 'MEMBER_DISABLED'],
  },
  // Invites and members (modules/members).
  {
    method: 'post',
    path: '/auth/invite/accept',
    summary: '接受邀请：用 wx.login 的 code 把邀请的角色绑定到该微信身份，邀请码作废，返回该角色的登录凭证',
    body: T.AcceptInviteBody,
    response: T.RoleLoginResponse,
    errors: [
      'INVITE_NOT_FOUND',
      'INVITE_EXPIRED',
      'INVITE_SPENT',
      'INVITE_REVOKED',
      'WECHAT_CODE_INVALID',
      'COURIER_NOT_FOUND',
    ],
  },
  {
    method: 'post',
    path: '/admin/invites',
    summary:
      '创建邀请（单次有效，默认 72 小时）：管理员任意门店；店长仅本店店员与骑手。骑手邀请不带 storeId 时归第一家可配送门店',
    roles: ['admin', 'store_manager'],
    body: T.CreateInviteBody,
    response: T.CreateInviteResponse,
    errors: ['STORE_NOT_FOUND', 'COURIER_NOT_FOUND', 'FORBIDDEN'],
  },
  {
    method: 'get',
    path: '/admin/invites',
    summary: '邀请列表（分页，按状态筛选；店长只看本店）',
    roles: ['admin', 'store_manager'],
    query: T.InviteListQuery,
    response: T.InviteListResponse,
  },
  {
    method: 'post',
    path: '/admin/invites/{id}/revoke',
    summary: '撤销未使用的邀请',
    roles: ['admin', 'store_manager'],
    body: T.AdminActionBody,
    response: T.InviteItem,
    errors: ['INVITE_NOT_FOUND', 'INVALID_STATE', 'VERSION_CONFLICT'],
  },
  {
    method: 'get',
    path: '/admin/members',
    summary: '成员列表（微信身份绑定的骑手、店员、店长；分页；店长只看本店）',
    roles: ['admin', 'store_manager'],
    query: T.MemberListQuery,
    response: T.MemberListResponse,
  },
  {
    method: 'post',
    path: '/admin/members/{id}/disable',
    summary: '停用成员：其已签发的登录凭证立即失效（401），长连接被断开',
    roles: ['admin', 'store_manager'],
    body: T.AdminActionBody,
    response: T.MemberItem,
    errors: ['MEMBER_NOT_FOUND', 'VERSION_CONFLICT', 'FORBIDDEN'],
  },
  {
    method: 'post',
    path: '/admin/members/{id}/enable',
    summary: '重新启用成员（需重新登录）',
    roles: ['admin', 'store_manager'],
    body: T.AdminActionBody,
    response: T.MemberItem,
    errors: ['MEMBER_NOT_FOUND', 'VERSION_CONFLICT', 'FORBIDDEN'],
  },
  {
    method: 'post',
    path: '/auth/dev',
    summary: '开发登录 (ALLOW_DEV_LOGIN=1)',
    body: T.DevLoginBody,
    response: T.LoginResponse,
    errors: ['DEV_LOGIN_DISABLED'],
  },
  // H5 logins: WeChat web authorisation, phone + SMS code (modules/h5-auth).
  ...H5_AUTH_OPERATIONS,
  { method: 'get', path: '/categories', summary: '商品分类', response: T.CategoryListResponse },
  {
    method: 'get',
    path: '/products',
    summary: '商品列表与搜索',
    query: T.ProductListQuery,
    response: T.ProductListResponse,
  },
  {
    method: 'get',
    path: '/products/{id}',
    summary: '商品详情与门店库存',
    query: T.ProductDetailQuery,
    response: T.ProductDetail,
    errors: ['PRODUCT_NOT_FOUND'],
  },
  {
    method: 'post',
    path: '/routing/optimize',
    summary: '通用路线优化 (VRPTW, 类 VROOM)',
    roles: ['staff', 'admin'],
    body: T.OptimizeRequest,
    response: T.OptimizeResponse,
    errors: ['ROUTING_INPUT_INVALID', 'ROUTING_LIMIT_EXCEEDED', 'RATE_LIMITED'],
  },
  {
    method: 'post',
    path: '/dispatch/plan',
    summary: '门店当日配送排线（版本化，同步返回；员工与店长只能排本店，店长排他店 404）',
    roles: ['staff', 'admin', 'store_manager'],
    body: T.DispatchPlanBody,
    response: T.DispatchPlan,
    errors: ['STORE_NOT_FOUND', 'INVALID_STATE', 'FORBIDDEN', 'VALIDATION_FAILED'],
  },
  {
    method: 'get',
    path: '/courier/route',
    summary: '骑手当日路线',
    roles: ['courier'],
    query: T.CourierRouteQuery,
    response: T.CourierRoute,
  },
  {
    method: 'post',
    path: '/courier/stops/{id}/arrive',
    summary: '骑手到达站点',
    roles: ['courier'],
    body: T.StopArriveBody,
    response: T.StopActionResponse,
    errors: ['STOP_NOT_FOUND', 'INVALID_STATE', 'IDEMPOTENCY_KEY_REUSED'],
  },
  {
    method: 'post',
    path: '/courier/stops/{id}/deliver',
    summary: '骑手送达 (收货码或照片)',
    roles: ['courier'],
    body: T.StopDeliverBody,
    response: T.StopActionResponse,
    errors: [
      'STOP_NOT_FOUND',
      'DELIVERY_CODE_INVALID',
      'DELIVERY_CODE_LOCKED',
      'PHOTO_NOT_FOUND',
      'INVALID_STATE',
      'IDEMPOTENCY_KEY_REUSED',
    ],
  },
  {
    method: 'post',
    path: '/courier/stops/{id}/fail',
    summary: '骑手配送失败',
    roles: ['courier'],
    body: T.StopFailBody,
    response: T.StopActionResponse,
    errors: ['STOP_NOT_FOUND', 'INVALID_STATE', 'IDEMPOTENCY_KEY_REUSED'],
  },
  {
    method: 'post',
    path: '/courier/position',
    summary: '骑手上报实时位置（推送给等待中的顾客）',
    roles: ['courier'],
    body: CourierPositionBody,
    response: z.object({ customersTold: z.number().int().min(0) }),
    errors: ['FORBIDDEN'],
  },
  {
    method: 'post',
    path: '/courier/uploads',
    summary: '上传送达照片 (image/jpeg 或 image/png 原始字节, ≤ 2 MB)',
    roles: ['courier'],
    response: T.PhotoUploadResponse,
    errors: ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'],
  },
  {
    method: 'get',
    path: '/me/addresses',
    summary: '我的收货地址（默认地址在前，其余按最近使用/添加；手机号打码如 138****0000）',
    roles: ['consumer'],
    response: T.AddressListResponse,
  },
  {
    method: 'post',
    path: '/me/addresses',
    summary: `新增收货地址（GCJ-02；最多 ${T.ADDRESS_BOOK_LIMIT} 个；第一个或 isDefault 为默认；返回完整手机号）`,
    roles: ['consumer'],
    body: T.CreateAddressBody,
    response: T.SavedAddress,
    errors: ['ADDRESS_INVALID', 'ADDRESS_LIMIT'],
  },
  {
    method: 'get',
    path: '/me/addresses/{id}',
    summary: '收货地址详情（编辑用，完整手机号；他人的地址为 404）',
    roles: ['consumer'],
    response: T.SavedAddress,
    errors: ['SAVED_ADDRESS_NOT_FOUND'],
  },
  {
    method: 'patch',
    path: '/me/addresses/{id}',
    summary: '修改收货地址（任意字段；isDefault: true 设为默认，旧默认同时取消；返回完整手机号）',
    roles: ['consumer'],
    body: T.UpdateAddressBody,
    response: T.SavedAddress,
    errors: ['ADDRESS_INVALID', 'SAVED_ADDRESS_NOT_FOUND', 'DEFAULT_ADDRESS_REQUIRED'],
  },
  {
    method: 'delete',
    path: '/me/addresses/{id}',
    summary: '删除收货地址（204；删除默认地址时最近使用/添加的地址成为默认）',
    roles: ['consumer'],
    errors: ['SAVED_ADDRESS_NOT_FOUND'],
  },
  // the support bot's knowledge (knowledge-admin)
  {
    method: 'get',
    path: '/admin/faq',
    summary: '常见问题列表（分页；q 搜索问题/答案/关键词，category 分类，active 是否启用）',
    roles: ['admin'],
    query: T.FaqListQuery,
    response: T.FaqListResponse,
  },
  {
    method: 'post',
    path: '/admin/faq',
    summary: '新建常见问题（category 默认 general；几秒内所有实例的客服机器人按它回答）',
    roles: ['admin'],
    body: T.CreateFaqBody,
    response: T.AdminFaq,
  },
  {
    method: 'post',
    path: '/admin/faq/try',
    summary: '试一试：机器人对一句话识别的意图、置信度和会给出的常见问题答案',
    roles: ['admin'],
    body: T.FaqTryBody,
    response: T.FaqTryResponse,
  },
  {
    method: 'get',
    path: '/admin/faq/{id}',
    summary: '常见问题详情',
    roles: ['admin'],
    response: T.AdminFaq,
    errors: ['FAQ_NOT_FOUND'],
  },
  {
    method: 'patch',
    path: '/admin/faq/{id}',
    summary: '修改常见问题（任意字段 + version；active: false 即归档）',
    roles: ['admin'],
    body: T.UpdateFaqBody,
    response: T.AdminFaq,
    errors: ['FAQ_NOT_FOUND', 'VERSION_CONFLICT'],
  },
  {
    method: 'delete',
    path: '/admin/faq/{id}',
    summary: '删除常见问题（?version=，204）',
    roles: ['admin'],
    query: T.DeleteVersionQuery,
    errors: ['FAQ_NOT_FOUND', 'VERSION_CONFLICT'],
  },
  {
    method: 'get',
    path: '/admin/product-relations',
    summary: '商品关系列表（推荐用：搭配 complement / 替代 substitute / 升级 upgrade；productId 任一端）',
    roles: ['admin'],
    query: T.ProductRelationListQuery,
    response: T.ProductRelationListResponse,
  },
  {
    method: 'post',
    path: '/admin/product-relations',
    summary: '新建商品关系（不能关联自己；同一关系不能重复）',
    roles: ['admin'],
    body: T.CreateProductRelationBody,
    response: T.AdminProductRelation,
    errors: ['PRODUCT_NOT_FOUND', 'RELATION_SELF', 'RELATION_EXISTS'],
  },
  {
    method: 'patch',
    path: '/admin/product-relations/{id}',
    summary: '修改商品关系的权重或推荐理由（+ version）',
    roles: ['admin'],
    body: T.UpdateProductRelationBody,
    response: T.AdminProductRelation,
    errors: ['RELATION_NOT_FOUND', 'VERSION_CONFLICT'],
  },
  {
    method: 'delete',
    path: '/admin/product-relations/{id}',
    summary: '删除商品关系（?version=，204）',
    roles: ['admin'],
    query: T.DeleteVersionQuery,
    errors: ['RELATION_NOT_FOUND', 'VERSION_CONFLICT'],
  },
  {
    method: 'get',
    path: '/admin/products/{id}/suitability',
    summary: '商品适用人群（肤质、季节、场合、性别；推荐时使用；version 0 表示尚未设置）',
    roles: ['admin'],
    response: T.AdminSuitability,
    errors: ['PRODUCT_NOT_FOUND'],
  },
  {
    method: 'put',
    path: '/admin/products/{id}/suitability',
    summary: '设置商品适用人群（整体替换，带 version；机器人随即按新设置推荐）',
    roles: ['admin'],
    body: T.PutSuitabilityBody,
    response: T.AdminSuitability,
    errors: ['PRODUCT_NOT_FOUND', 'VERSION_CONFLICT', 'VALIDATION_FAILED'],
  },
  ...CATALOG_ADMIN_OPERATIONS,
  ...OPS_DATA_OPERATIONS,
  ...DASHBOARD_OPERATIONS,
  ...NOTIFICATIONS_OPERATIONS,
  ...DISPATCH_BOARD_OPERATIONS,
  ...ADMIN_ACCOUNTS_OPERATIONS,
  ...AFTERSALES_ADMIN_OPERATIONS,
  ...MEDIA_OPERATIONS,
];

function schemaOf(s: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' }) as Record<
    string,
    unknown
  >;
}

function queryParameters(s: z.ZodType): unknown[] {
  const json = schemaOf(s) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema,
  }));
}

/** Builds the OpenAPI 3.0 document served at `GET /api/v1/openapi.json`. */
export function buildOpenApi(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorSchema = schemaOf(T.ErrorBody);
  for (const op of API_OPERATIONS) {
    const params: unknown[] = [];
    for (const [, name = ''] of op.path.matchAll(/\{(\w+)\}/g)) {
      const given = op.params?.[name];
      const schema = given
        ? schemaOf(given)
        : name === 'id'
          ? { type: 'integer', minimum: 1 }
          : { type: 'string' };
      params.push({ name, in: 'path', required: true, schema });
    }
    if (op.query) params.push(...queryParameters(op.query));
    const responses: Record<string, unknown> = {
      '200': {
        description: 'OK',
        content: op.response
          ? { [op.responseType ?? 'application/json']: { schema: schemaOf(op.response) } }
          : undefined,
      },
      '4XX': {
        description: `错误${op.errors ? `: ${op.errors.join(', ')}` : ''}`,
        content: { 'application/json': { schema: errorSchema } },
      },
    };
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      parameters: params.length ? params : undefined,
      requestBody: op.body
        ? { required: true, content: { [op.bodyType ?? 'application/json']: { schema: schemaOf(op.body) } } }
        : undefined,
      responses,
      security: op.roles ? [{ bearer: [] }] : undefined,
      'x-roles': op.roles,
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: '品牌微信小程序 BFF', version },
    servers: [{ url: '/api/v1' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
