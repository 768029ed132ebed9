// Test fixtures of the 通知 section: templates, outbox rows and stats as the BFF answers them.
import type { NotificationRow, NotificationStats, NotifyTemplate } from '@omni/shared-types';

export const paidTemplate: NotifyTemplate = {
  event: 'order_paid',
  title: '订单支付成功',
  audience: 'consumer',
  templateId: 'tpl-paid-001',
  fields: { character_string1: 'orderNo', thing2: 'items', amount3: 'amount', time4: 'slot' },
  page: 'pages/order-detail/index?id={orderId}',
  scenes: ['checkout'],
  enabled: true,
  version: 3,
  updatedAt: '2026-12-01T02:00:00.000Z',
};

export const routeTemplate: NotifyTemplate = {
  event: 'courier_route_published',
  title: '配送路线已发布',
  audience: 'courier',
  templateId: null,
  fields: {},
  page: '',
  scenes: [],
  enabled: false,
  version: 1,
  updatedAt: '2026-12-01T02:00:00.000Z',
};

export const sentRow: NotificationRow = {
  id: 41,
  event: 'order_paid',
  channel: 'subscribe',
  recipient: { userId: 12, role: 'consumer', openid: 'o-abc' },
  templateId: 'tpl-paid-001',
  orderId: 88,
  caseId: null,
  page: 'pages/order-detail/index?id=88',
  data: { thing2: { value: '草莓奶油蛋糕 等 2 件' } },
  status: 'sent',
  attempts: 1,
  lastError: null,
  errcode: null,
  createdAt: '2026-12-08T07:32:00.000Z',
  sentAt: '2026-12-08T07:32:01.000Z',
  nextAttemptAt: null,
};

export const deadRow: NotificationRow = {
  id: 42,
  event: 'shipping_delivery',
  channel: 'shipping',
  recipient: { userId: 12, role: 'consumer', openid: 'o-abc' },
  templateId: null,
  orderId: 88,
  caseId: null,
  page: null,
  data: { order_key: { order_number_type: 1, out_trade_no: 'P2026120812345678' }, logistics_type: 2 },
  status: 'dead',
  attempts: 5,
  lastError: 'access_token 已失效',
  errcode: 40001,
  createdAt: '2026-12-08T07:30:00.000Z',
  sentAt: null,
  nextAttemptAt: '2026-12-08T08:30:00.000Z',
};

export const stats: NotificationStats = {
  items: [
    { event: 'order_paid', status: 'sent', count: 120, last24h: 14 },
    { event: 'order_paid', status: 'skipped_no_consent', count: 30, last24h: 4 },
    { event: 'shipping_delivery', status: 'dead', count: 3, last24h: 2 },
    { event: 'shipping_delivery', status: 'sent', count: 60, last24h: 9 },
  ],
  dead: 3,
  generatedAt: '2026-12-08T10:00:00.000Z',
};
