import { z } from 'zod';
import { paged } from './common';
import { AdminPageQuery } from './admin';

// Subscription messages (订阅消息) and WeChat shipping-info uploads, sent from a transactional
// outbox. The catalogue of events is ours; which WeChat template carries an event, and which of
// its fields shows which value, is configured in the database by an admin.

/** Things a person should hear about. */
export const NotifyEvent = z.enum([
  'order_paid',
  'out_for_delivery',
  'delivered',
  'delivery_failed',
  'ready_for_pickup',
  'slot_changed',
  'aftersales_opened',
  'aftersales_updated',
  'aftersales_resolved',
  'support_reply',
  'staff_lbs_event',
  'courier_route_published',
]);
export type NotifyEvent = z.infer<typeof NotifyEvent>;

/** Where the mini-program asks for consent (`Taro.requestSubscribeMessage`, at most 3 templates a time). */
export const NotifyScene = z.enum(['checkout', 'handoff', 'aftersales', 'staff', 'courier']);
export type NotifyScene = z.infer<typeof NotifyScene>;

export const NOTIFY_SCENE_TEXT: Record<NotifyScene, string> = {
  checkout: '提交订单',
  handoff: '转人工客服',
  aftersales: '申请售后',
  staff: '门店工作台',
  courier: '骑手路线',
};

/** How many templates one `requestSubscribeMessage` call may ask for (WeChat's limit). */
export const MAX_TEMPLATES_PER_REQUEST = 3;
/** Most unspent one-time allowances we keep per user and template (a replayed "accept" adds nothing past it). */
export const MAX_ALLOWANCE = 10;

/** What an event knows, by name; a template's fields each show one of these. */
export interface NotifyEventInfo {
  title: string;
  audience: 'consumer' | 'staff' | 'courier';
  /** Variable → Chinese label (console). */
  vars: Record<string, string>;
  /** Default mini-program page (`{orderId}`, `{caseId}` filled in). */
  page: string;
}

export const NOTIFY_EVENTS: Record<NotifyEvent, NotifyEventInfo> = {
  order_paid: {
    title: '订单支付成功',
    audience: 'consumer',
    vars: {
      orderNo: '订单号',
      items: '商品',
      amount: '金额',
      slot: '配送/自提时间',
      store: '门店',
      paidAt: '支付时间',
    },
    page: 'pages/order-detail/index?id={orderId}',
  },
  out_for_delivery: {
    title: '订单配送中',
    audience: 'consumer',
    vars: {
      orderNo: '订单号',
      courier: '骑手',
      courierPhone: '骑手电话',
      eta: '预计送达',
      items: '商品',
      status: '状态',
    },
    page: 'pages/order-detail/index?id={orderId}',
  },
  delivered: {
    title: '订单已送达',
    audience: 'consumer',
    vars: { orderNo: '订单号', items: '商品', deliveredAt: '送达时间', status: '状态', hint: '温馨提示' },
    page: 'pages/order-detail/index?id={orderId}',
  },
  delivery_failed: {
    title: '配送未成功',
    audience: 'consumer',
    vars: { orderNo: '订单号', reason: '原因', next: '后续安排', status: '状态', at: '时间' },
    page: 'pages/order-detail/index?id={orderId}',
  },
  ready_for_pickup: {
    title: '订单待自提',
    audience: 'consumer',
    vars: {
      orderNo: '订单号',
      store: '门店',
      address: '门店地址',
      pickupCode: '取货码',
      items: '商品',
      status: '状态',
    },
    page: 'pages/order-detail/index?id={orderId}',
  },
  slot_changed: {
    title: '配送时段变更',
    audience: 'consumer',
    vars: { orderNo: '订单号', slot: '新时段', oldSlot: '原时段', by: '变更方', reason: '原因' },
    page: 'pages/order-detail/index?id={orderId}',
  },
  aftersales_opened: {
    title: '售后申请已提交',
    audience: 'consumer',
    vars: { caseNo: '售后单号', orderNo: '订单号', kind: '类型', status: '状态', at: '时间' },
    page: 'pages/aftersales/detail/index?id={caseId}',
  },
  aftersales_updated: {
    title: '售后进度更新',
    audience: 'consumer',
    vars: { caseNo: '售后单号', orderNo: '订单号', status: '状态', note: '说明', at: '时间' },
    page: 'pages/aftersales/detail/index?id={caseId}',
  },
  aftersales_resolved: {
    title: '售后已处理',
    audience: 'consumer',
    vars: { caseNo: '售后单号', orderNo: '订单号', result: '处理结果', amount: '退款金额', at: '时间' },
    page: 'pages/aftersales/detail/index?id={caseId}',
  },
  support_reply: {
    title: '客服回复',
    audience: 'consumer',
    vars: { agent: '客服', reply: '回复内容', at: '时间' },
    page: 'pages/chat/index',
  },
  staff_lbs_event: {
    title: '门店新事件',
    audience: 'staff',
    vars: { kind: '事件', customer: '顾客', orderNo: '订单号', store: '门店', at: '时间' },
    page: 'subpackages/staff/pages/home/index',
  },
  courier_route_published: {
    title: '配送路线已发布',
    audience: 'courier',
    vars: { date: '配送日', stops: '站点数', firstEta: '首站预计', store: '门店' },
    page: 'subpackages/courier/pages/route/index?date={date}',
  },
};

/** WeChat's field types, by the key's prefix (`thing1`, `character_string4`, …). */
export const TEMPLATE_FIELD_KEY =
  /^(thing|number|letter|symbol|character_string|time|date|amount|phone_number|car_number|name|phrase)[0-9]{1,3}$/;

/** One template, as configured: which WeChat template carries an event and what each field shows. */
export const NotifyTemplate = z.object({
  event: NotifyEvent,
  title: z.string(),
  audience: z.enum(['consumer', 'staff', 'courier']),
  /** The WeChat template id (公共模板库 → 我的模板); null: not configured, nothing is sent. */
  templateId: z.string().nullable(),
  /** WeChat field key → event variable, e.g. `{ "thing1": "items", "amount2": "amount" }`. */
  fields: z.record(z.string(), z.string()),
  /** Mini-program page the card opens; `{orderId}`, `{caseId}`, `{date}` are filled in. */
  page: z.string(),
  scenes: z.array(NotifyScene),
  enabled: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type NotifyTemplate = z.infer<typeof NotifyTemplate>;

export const NotifyTemplateListResponse = z.object({ items: z.array(NotifyTemplate) });
export type NotifyTemplateListResponse = z.infer<typeof NotifyTemplateListResponse>;

/** `PUT /admin/notification-templates/:event`. */
export const UpdateNotifyTemplateBody = z
  .object({
    templateId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '模板 ID 只能是 1–64 位字母、数字、下划线或连字符' })
      .nullable(),
    fields: z
      .record(
        z.string().regex(TEMPLATE_FIELD_KEY, { error: '字段名须为微信模板的关键词，如 thing1、amount2' }),
        z.string().min(1).max(32),
      )
      .refine((f) => Object.keys(f).length <= 20, { error: '一个模板最多 20 个字段' }),
    page: z
      .string()
      .trim()
      .max(200)
      .regex(/^[A-Za-z0-9_/-]+(\?[A-Za-z0-9_={}&%.-]*)?$/, {
        error: '页面须为小程序内路径，如 pages/order-detail/index?id={orderId}',
      }),
    scenes: z.array(NotifyScene).max(5),
    enabled: z.boolean(),
    version: z.number().int().min(1),
  })
  .strict();
export type UpdateNotifyTemplateBody = z.infer<typeof UpdateNotifyTemplateBody>;

/** `GET /notifications/templates?scene=`: what to pass to `requestSubscribeMessage` now. */
export const OfferedTemplatesQuery = z.object({ scene: NotifyScene }).strict();
export const OfferedTemplate = z.object({ templateId: z.string(), event: NotifyEvent, title: z.string() });
export type OfferedTemplate = z.infer<typeof OfferedTemplate>;
export const OfferedTemplatesResponse = z.object({ items: z.array(OfferedTemplate) });
export type OfferedTemplatesResponse = z.infer<typeof OfferedTemplatesResponse>;

/** What `requestSubscribeMessage` answered per template id. */
export const SubscribeResult = z.enum(['accept', 'reject', 'ban', 'filter']);
export type SubscribeResult = z.infer<typeof SubscribeResult>;

/** `POST /notifications/consents`. Only template ids offered to this user for this scene count. */
export const SubscribeConsentBody = z
  .object({
    scene: NotifyScene,
    results: z
      .record(z.string().max(64), z.string().max(16))
      .refine((r) => Object.keys(r).length <= 10, { error: '一次最多 10 个模板' }),
  })
  .strict();
export type SubscribeConsentBody = z.infer<typeof SubscribeConsentBody>;

export const SubscribeConsentResponse = z.object({
  /** Allowances added by this call. */
  accepted: z.number().int(),
  /** Template ids in the body that were not offered (ignored). */
  ignored: z.array(z.string()),
  allowances: z.array(z.object({ templateId: z.string(), event: NotifyEvent, remaining: z.number().int() })),
});
export type SubscribeConsentResponse = z.infer<typeof SubscribeConsentResponse>;

/** 我的 → 消息通知: one row per event that reaches this user. */
export const NotifyPreference = z.object({
  event: NotifyEvent,
  title: z.string(),
  enabled: z.boolean(),
  /** Unspent one-time allowances (each lets one message through). */
  remaining: z.number().int(),
  /** False when the brand has not configured a template for it. */
  available: z.boolean(),
});
export type NotifyPreference = z.infer<typeof NotifyPreference>;
export const NotifyPreferencesResponse = z.object({ items: z.array(NotifyPreference) });
export type NotifyPreferencesResponse = z.infer<typeof NotifyPreferencesResponse>;
/** `PUT /notifications/preferences/:event`. */
export const UpdateNotifyPreferenceBody = z.object({ enabled: z.boolean() }).strict();
export type UpdateNotifyPreferenceBody = z.infer<typeof UpdateNotifyPreferenceBody>;

/** An outbox row's life. */
export const NotificationStatus = z.enum([
  'pending',
  'retrying',
  'sent',
  'skipped_no_consent',
  'skipped_disabled',
  'dead',
]);
export type NotificationStatus = z.infer<typeof NotificationStatus>;

export const NOTIFICATION_STATUS_TEXT: Record<NotificationStatus, string> = {
  pending: '待发送',
  retrying: '重试中',
  sent: '已发送',
  skipped_no_consent: '未订阅，未发送',
  skipped_disabled: '未配置或已关闭',
  dead: '失败（死信）',
};

/** `subscribe`: a subscription message; `shipping`: 发货信息录入 (upload_shipping_info). */
export const NotificationChannel = z.enum(['subscribe', 'shipping']);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

/** One outbox row, as admins read it. */
export const NotificationRow = z.object({
  id: z.number().int(),
  /** A NotifyEvent, or `shipping_delivery` / `shipping_pickup` for shipping uploads. */
  event: z.string(),
  channel: NotificationChannel,
  recipient: z.object({
    userId: z.number().int().nullable(),
    role: z.string(),
    openid: z.string().nullable(),
  }),
  templateId: z.string().nullable(),
  orderId: z.number().int().nullable(),
  caseId: z.number().int().nullable(),
  page: z.string().nullable(),
  /** The fitted values (`{ thing1: { value } }`) or the shipping body. */
  data: z.unknown(),
  status: NotificationStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  errcode: z.number().int().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type NotificationRow = z.infer<typeof NotificationRow>;

/** `GET /admin/notifications`. */
export const NotificationListQuery = AdminPageQuery.extend({
  status: NotificationStatus.optional(),
  event: z.string().max(48).optional(),
  channel: NotificationChannel.optional(),
  orderId: z.coerce.number().int().positive().optional(),
}).strict();
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;
export const NotificationListResponse = paged(NotificationRow);
export type NotificationListResponse = z.infer<typeof NotificationListResponse>;

/** `GET /admin/notifications/stats`: counts per event and status (all time, and the last 24 h). */
export const NotificationStats = z.object({
  items: z.array(
    z.object({
      event: z.string(),
      status: NotificationStatus,
      count: z.number().int(),
      last24h: z.number().int(),
    }),
  ),
  dead: z.number().int(),
  generatedAt: z.string(),
});
export type NotificationStats = z.infer<typeof NotificationStats>;

/** Error codes of this part of the API. */
export const NOTIFY_ERROR_TEXT: Record<string, string> = {
  NOTIFY_TEMPLATE_NOT_FOUND: '没有这种通知',
  NOTIFY_FIELD_UNKNOWN: '字段引用了这种通知没有的内容',
  NOTIFICATION_NOT_FOUND: '通知记录不存在',
};
