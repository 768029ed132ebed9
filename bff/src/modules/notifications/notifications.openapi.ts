import { z } from 'zod';
import * as T from '@omni/shared-types';
import type { ApiOperation } from '../../http/openapi';

const PEOPLE: T.Role[] = ['consumer', 'staff', 'store_manager', 'courier'];
const ADMIN: T.Role[] = ['admin'];
const EVENT = { event: T.NotifyEvent };

/** Subscription consent, preferences, templates and the outbox; listed in API_OPERATIONS. */
export const NOTIFICATIONS_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/notifications/templates',
    summary:
      '此刻要请用户订阅的模板（传给 requestSubscribeMessage，最多 3 个）；记下这次提供，只有提供过的模板 ID 的订阅结果才算数。orderType 区分配送/自提下单',
    roles: PEOPLE,
    query: T.OfferedTemplatesQuery.extend({ orderType: z.enum(['delivery', 'pickup']).optional() }),
    response: T.OfferedTemplatesResponse,
    errors: ['VALIDATION_FAILED'],
  },
  {
    method: 'post',
    path: '/notifications/consents',
    summary:
      'requestSubscribeMessage 的结果：accept 为该模板加一次可发送额度（上限 10），reject/ban/filter 不加；未提供过的模板 ID 与重复提交被忽略',
    roles: PEOPLE,
    body: T.SubscribeConsentBody,
    response: T.SubscribeConsentResponse,
    errors: ['VALIDATION_FAILED'],
  },
  {
    method: 'get',
    path: '/notifications/preferences',
    summary: '我的 → 消息通知：与我有关的通知、是否开启、剩余可接收条数',
    roles: PEOPLE,
    response: T.NotifyPreferencesResponse,
  },
  {
    method: 'put',
    path: '/notifications/preferences/{event}',
    summary: '开启或关闭一类通知（关闭后不再询问，也不发送）',
    roles: PEOPLE,
    params: EVENT,
    body: T.UpdateNotifyPreferenceBody,
    response: T.NotifyPreference,
    errors: ['VALIDATION_FAILED', 'NOTIFY_TEMPLATE_NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/admin/notification-templates',
    summary: '每种通知使用的微信订阅消息模板、字段对应、跳转页面与询问时机',
    roles: ADMIN,
    response: T.NotifyTemplateListResponse,
  },
  {
    method: 'put',
    path: '/admin/notification-templates/{event}',
    summary:
      '修改一种通知的模板（带 version，他人先改则 409）；字段名须为微信关键词，且只能引用该通知有的内容',
    roles: ADMIN,
    params: EVENT,
    body: T.UpdateNotifyTemplateBody,
    response: T.NotifyTemplate,
    errors: ['VALIDATION_FAILED', 'NOTIFY_FIELD_UNKNOWN', 'NOTIFY_TEMPLATE_NOT_FOUND', 'VERSION_CONFLICT'],
  },
  {
    method: 'get',
    path: '/admin/notifications',
    summary: '发件箱：订阅消息与发货信息录入，按状态、事件、渠道、订单筛选，最新在前',
    roles: ADMIN,
    query: T.NotificationListQuery,
    response: T.NotificationListResponse,
    errors: ['VALIDATION_FAILED'],
  },
  {
    method: 'get',
    path: '/admin/notifications/stats',
    summary: '按事件与状态的计数（全部与最近 24 小时），及死信数',
    roles: ADMIN,
    response: T.NotificationStats,
  },
  {
    method: 'post',
    path: '/admin/notifications/{id}/retry',
    summary: '重新发送一条死信（从第一次尝试开始）',
    roles: ADMIN,
    response: T.NotificationRow,
    errors: ['NOTIFICATION_NOT_FOUND', 'INVALID_STATE'],
  },
];
