// Chinese labels and colours of the 通知 section: audiences, outbox statuses, channels, event titles.
import {
  NOTIFICATION_STATUS_TEXT,
  NOTIFY_EVENTS,
  NotificationStatus,
  NotifyEvent,
  type NotificationChannel,
  type NotifyEventInfo,
} from '@omni/shared-types';

export const AUDIENCE_TEXT: Record<NotifyEventInfo['audience'], string> = {
  consumer: '顾客',
  staff: '店员',
  courier: '骑手',
};

/** Recipient roles of outbox rows (the role string the BFF stores). */
export const ROLE_TEXT: Record<string, string> = {
  consumer: '顾客',
  customer: '顾客',
  staff: '店员',
  store_manager: '店长',
  courier: '骑手',
  admin: '管理员',
};

export const CHANNEL_TEXT: Record<NotificationChannel, string> = {
  subscribe: '订阅消息',
  shipping: '发货信息',
};

/** Tag colour and chart colour of each outbox status (sent green, retrying orange, dead red, skipped grey, pending blue). */
export const STATUS_COLOR: Record<NotificationStatus, { tag?: string; chart: string }> = {
  sent: { tag: 'green', chart: '#52c41a' },
  retrying: { tag: 'orange', chart: '#fa8c16' },
  dead: { tag: 'red', chart: '#f5222d' },
  skipped_no_consent: { chart: '#bfbfbf' },
  skipped_disabled: { chart: '#8c8c8c' },
  pending: { tag: 'blue', chart: '#1677ff' },
};

export const STATUSES: NotificationStatus[] = NotificationStatus.options;
export const EVENTS: NotifyEvent[] = NotifyEvent.options;

/** Outbox events that are WeChat shipping-info uploads rather than subscription messages. */
export const SHIPPING_EVENT_TEXT: Record<string, string> = {
  shipping_delivery: '发货信息·同城配送',
  shipping_pickup: '发货信息·用户自提',
};

/** The Chinese title of an outbox event (a NotifyEvent or a shipping upload); the raw name otherwise. */
export const eventTitle = (event: string): string =>
  NOTIFY_EVENTS[event as NotifyEvent]?.title ?? SHIPPING_EVENT_TEXT[event] ?? event;

/** Options of the 通知类型 filter: every event, then the two shipping uploads. */
export const EVENT_OPTIONS = [
  ...EVENTS.map((e) => ({ value: e, label: NOTIFY_EVENTS[e].title })),
  ...Object.entries(SHIPPING_EVENT_TEXT).map(([value, label]) => ({ value, label })),
];

export const STATUS_OPTIONS = STATUSES.map((s) => ({ value: s, label: NOTIFICATION_STATUS_TEXT[s] }));
