// 统计: how many notifications of each event ended in each status (stacked bars), the dead letters
// waiting for someone (with a link to them), and the last 24 hours in numbers.
import { useMemo } from 'react';
import { Button, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { NOTIFICATION_STATUS_TEXT, type NotificationStats } from '@omni/shared-types';
import { api } from '../../api/client';
import { Chart } from '../../components/Chart';
import { PageState } from '../../components/PageState';
import { shTime } from '../../components/format';
import { useApi } from '../../components/useApi';
import { STATUSES, STATUS_COLOR } from './labels';
import { countsByEvent, statsOption, type EventCounts } from './stats-chart';

export function StatsTab(props: { onShowDead(): void }) {
  const stats = useApi(
    (signal) => api.get<NotificationStats>('/admin/notifications/stats', undefined, signal),
    [],
  );
  const rows = useMemo(() => (stats.data ? countsByEvent(stats.data) : []), [stats.data]);
  const option = useMemo(() => statsOption(rows), [rows]);
  const sum24 = (r: EventCounts) => STATUSES.reduce((n, s) => n + r.last24h[s], 0);

  return (
    <PageState loading={stats.loading} error={stats.error} onRetry={stats.reload} empty={!stats.data}>
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <Card size="small">
            <div data-testid="notify-dead">
              <Statistic
                title="死信（发送失败，待处理）"
                value={stats.data?.dead ?? 0}
                styles={{ content: { color: STATUS_COLOR.dead.chart } }}
              />
            </div>
            <Button
              type="link"
              style={{ padding: 0 }}
              onClick={props.onShowDead}
              disabled={!stats.data?.dead}
            >
              查看失败记录
            </Button>
          </Card>
          <Space style={{ marginTop: 12 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              统计于 {shTime(stats.data?.generatedAt, true)}
            </Typography.Text>
            <Button size="small" icon={<ReloadOutlined />} onClick={stats.reload}>
              刷新
            </Button>
          </Space>
        </Col>
        <Col xs={24} lg={18}>
          <Card size="small" title="各通知发送结果（累计）">
            {rows.length ? (
              <Chart
                option={option}
                height={Math.max(200, rows.length * 36 + 60)}
                ariaLabel="各通知发送结果"
              />
            ) : (
              <Typography.Text type="secondary">暂无发送记录</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title="最近 24 小时" style={{ marginTop: 16 }}>
        <Table<EventCounts>
          rowKey="event"
          size="small"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: '暂无发送记录' }}
          columns={[
            { title: '通知', dataIndex: 'title' },
            ...STATUSES.map((s) => ({
              title: NOTIFICATION_STATUS_TEXT[s],
              key: s,
              width: 110,
              align: 'right' as const,
              render: (_: unknown, r: EventCounts) =>
                r.last24h[s] ? (
                  <span style={s === 'dead' ? { color: STATUS_COLOR.dead.chart } : undefined}>
                    {r.last24h[s]}
                  </span>
                ) : (
                  <Typography.Text type="secondary">0</Typography.Text>
                ),
            })),
            {
              title: '合计',
              key: 'sum',
              width: 80,
              align: 'right' as const,
              render: (_: unknown, r: EventCounts) => <b>{sum24(r)}</b>,
            },
          ]}
        />
      </Card>
    </PageState>
  );
}
