// 发送记录: the outbox, newest first, paged by the server and filtered by status, event, channel and
// order; refreshed every 10 s while visible. A row opens in a drawer; dead rows can be sent again.
import { useEffect, useState } from 'react';
import { App, Button, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type {
  NotificationChannel,
  NotificationListResponse,
  NotificationRow,
  NotificationStatus,
} from '@omni/shared-types';
import { api } from '../../api/client';
import { PageState } from '../../components/PageState';
import { shTime } from '../../components/format';
import { useTable } from '../../components/useTable';
import { CHANNEL_TEXT, EVENT_OPTIONS, STATUS_OPTIONS, eventTitle } from './labels';
import { NotificationDrawer, RetryButton, StatusTag, recipientText } from './notification-drawer';
import { useAutoRefresh } from './use-auto-refresh';

/** How often the list reloads by itself while the page is visible. */
export const OUTBOX_REFRESH_MS = 10_000;

export function OutboxTab(props: {
  status: NotificationStatus | undefined;
  onStatus(s: NotificationStatus | undefined): void;
}) {
  const { message } = App.useApp();
  const status = props.status;
  const [event, setEvent] = useState<string>();
  const [channel, setChannel] = useState<NotificationChannel>();
  const [orderId, setOrderId] = useState<string>();
  const [openId, setOpenId] = useState<number | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  /** A background refresh is running: keep the table as it is (no spinner). */
  const [quiet, setQuiet] = useState(false);
  const t = useTable<NotificationRow, object>(
    (q, signal) =>
      api.get<NotificationListResponse>(
        '/admin/notifications',
        { status, event, channel, orderId, page: q.page, pageSize: q.pageSize },
        signal,
      ),
    { status, event, channel, orderId },
  );
  useAutoRefresh(() => {
    setQuiet(true);
    t.reload();
  }, OUTBOX_REFRESH_MS);
  useEffect(() => {
    if (!t.loading) setQuiet(false);
  }, [t.loading]);

  const [snapshot, setSnapshot] = useState<NotificationRow | null>(null);
  const open = openId === null ? null : (t.rows.find((r) => r.id === openId) ?? snapshot);

  const retry = async (r: NotificationRow) => {
    setBusy(r.id);
    try {
      const row = await api.post<NotificationRow>(`/admin/notifications/${r.id}/retry`);
      setSnapshot(row);
      message.success('已重新加入发送队列');
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setBusy(null);
      t.reload();
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Select<NotificationStatus>
            aria-label="状态"
            allowClear
            placeholder="全部状态"
            style={{ width: 160 }}
            value={status}
            onChange={(v) => props.onStatus(v)}
            options={STATUS_OPTIONS}
          />
          <Select<string>
            aria-label="通知类型"
            allowClear
            placeholder="全部通知"
            style={{ width: 180 }}
            value={event}
            onChange={setEvent}
            options={EVENT_OPTIONS}
          />
          <Select<NotificationChannel>
            aria-label="渠道"
            allowClear
            placeholder="全部渠道"
            style={{ width: 130 }}
            value={channel}
            onChange={setChannel}
            options={(Object.keys(CHANNEL_TEXT) as NotificationChannel[]).map((c) => ({
              value: c,
              label: CHANNEL_TEXT[c],
            }))}
          />
          <Input.Search
            allowClear
            aria-label="订单 ID"
            placeholder="订单 ID"
            style={{ width: 160 }}
            onSearch={(v) => {
              const id = v.trim();
              if (id && !/^[1-9][0-9]*$/.test(id)) {
                message.warning('订单 ID 须为正整数');
                return;
              }
              setOrderId(id || undefined);
            }}
          />
        </Space>
        <Button icon={<ReloadOutlined />} onClick={t.reload} loading={t.loading && !quiet}>
          刷新
        </Button>
      </Space>
      <PageState loading={t.loading} error={t.error} onRetry={t.reload} empty={false}>
        <Table<NotificationRow>
          rowKey="id"
          size="middle"
          loading={t.loading && !quiet}
          dataSource={t.rows}
          pagination={t.pagination}
          locale={{ emptyText: '暂无发送记录' }}
          onRow={(r) => ({
            onClick: () => {
              setSnapshot(r);
              setOpenId(r.id);
            },
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: '时间', dataIndex: 'createdAt', width: 170, render: (v: string) => shTime(v, true) },
            {
              title: '通知',
              dataIndex: 'event',
              render: (v: string, r) => (
                <Space orientation="vertical" size={0}>
                  <span>{eventTitle(v)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {CHANNEL_TEXT[r.channel] ?? r.channel}
                    {r.orderId !== null ? ` · 订单 ${r.orderId}` : ''}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '接收人', width: 140, render: (_, r) => recipientText(r) },
            {
              title: '状态',
              dataIndex: 'status',
              width: 140,
              render: (v: NotificationStatus) => <StatusTag status={v} />,
            },
            { title: '尝试', dataIndex: 'attempts', width: 64 },
            {
              title: '最后错误',
              dataIndex: 'lastError',
              ellipsis: { showTitle: false },
              render: (v: string | null, r) =>
                v ? (
                  <Tooltip title={r.errcode !== null ? `${v}（errcode ${r.errcode}）` : v}>
                    <Typography.Text type="danger">{v}</Typography.Text>
                  </Tooltip>
                ) : (
                  '—'
                ),
            },
            {
              title: '操作',
              width: 100,
              render: (_, r) =>
                r.status === 'dead' ? (
                  // The row opens the drawer on click; the button and its confirmation must not.
                  <span onClick={(e) => e.stopPropagation()}>
                    <RetryButton row={r} busy={busy === r.id} onRetry={retry} />
                  </span>
                ) : null,
            },
          ]}
        />
      </PageState>
      <NotificationDrawer
        row={open}
        busy={open !== null && busy === open.id}
        onRetry={retry}
        onClose={() => setOpenId(null)}
      />
    </>
  );
}
