// One outbox row in full: who it went to, what was sent (the fitted data, pretty-printed), how the
// attempts went (WeChat's errcode, the last error, when it is tried next), and 重新发送 when dead.
import type { ReactNode } from 'react';
import { Button, Descriptions, Drawer, Popconfirm, Tag, Typography } from 'antd';
import { NOTIFICATION_STATUS_TEXT, type NotificationRow } from '@omni/shared-types';
import { shTime } from '../../components/format';
import { CHANNEL_TEXT, ROLE_TEXT, STATUS_COLOR, eventTitle } from './labels';

/** `顾客 #12`, or the openid when the row has no user. */
export const recipientText = (r: NotificationRow): string => {
  const role = ROLE_TEXT[r.recipient.role] ?? r.recipient.role;
  if (r.recipient.userId !== null) return `${role} #${r.recipient.userId}`;
  return r.recipient.openid ? `${role} ${r.recipient.openid}` : role;
};

export const StatusTag = ({ status }: { status: NotificationRow['status'] }) => (
  <Tag color={STATUS_COLOR[status]?.tag}>{NOTIFICATION_STATUS_TEXT[status] ?? status}</Tag>
);

/** The 重新发送 button with its confirmation (dead rows only). */
export function RetryButton(props: {
  row: NotificationRow;
  busy: boolean;
  onRetry(r: NotificationRow): void;
}) {
  return (
    <Popconfirm
      title="重新发送这条通知？"
      description="会重新排队发送一次；用户的订阅次数不足时仍会跳过。"
      okText="重新发送"
      cancelText="取消"
      onConfirm={() => props.onRetry(props.row)}
    >
      <Button type="link" size="small" loading={props.busy}>
        重新发送
      </Button>
    </Popconfirm>
  );
}

const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);

export function NotificationDrawer(props: {
  row: NotificationRow | null;
  busy: boolean;
  onRetry(r: NotificationRow): void;
  onClose(): void;
}) {
  const r = props.row;
  return (
    <Drawer
      open={r !== null}
      title={r ? `通知 #${r.id}` : '通知'}
      size={600}
      onClose={props.onClose}
      destroyOnHidden
      extra={r?.status === 'dead' && <RetryButton row={r} busy={props.busy} onRetry={props.onRetry} />}
    >
      {r && (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'event', label: '通知', children: `${eventTitle(r.event)}（${r.event}）` },
              { key: 'channel', label: '渠道', children: CHANNEL_TEXT[r.channel] ?? r.channel },
              { key: 'status', label: '状态', children: <StatusTag status={r.status} /> },
              { key: 'recipient', label: '接收人', children: recipientText(r) },
              { key: 'openid', label: 'openid', children: dash(r.recipient.openid) },
              { key: 'templateId', label: '模板 ID', children: dash(r.templateId) },
              { key: 'orderId', label: '订单 ID', children: dash(r.orderId) },
              { key: 'caseId', label: '售后单 ID', children: dash(r.caseId) },
              { key: 'page', label: '跳转页面', children: dash(r.page) },
              { key: 'attempts', label: '尝试次数', children: r.attempts },
              { key: 'errcode', label: '错误码', children: dash(r.errcode) },
              {
                key: 'lastError',
                label: '最后错误',
                children: r.lastError ? <Typography.Text type="danger">{r.lastError}</Typography.Text> : '—',
              },
              { key: 'createdAt', label: '创建时间', children: shTime(r.createdAt, true) },
              { key: 'sentAt', label: '发送时间', children: shTime(r.sentAt, true) },
              { key: 'nextAttemptAt', label: '下次尝试', children: shTime(r.nextAttemptAt, true) },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            发送内容
          </Typography.Title>
          <pre
            data-testid="notification-data"
            style={{ background: '#fafafa', padding: 12, borderRadius: 6, fontSize: 12, overflow: 'auto' }}
          >
            {JSON.stringify(r.data ?? null, null, 2)}
          </pre>
        </>
      )}
    </Drawer>
  );
}
