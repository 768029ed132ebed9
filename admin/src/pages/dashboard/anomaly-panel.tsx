// The 看板's anomaly list: each store's KPI outside its normal band on the latest complete day.
// It loads on its own, so when this endpoint fails only this panel shows the error.
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import type { DashboardCard, KpiAnomaly, KpiAnomalyListResponse } from '@omni/shared-types';
import { api, ApiError } from '../../api/client';
import { useApi } from '../../components/useApi';
import { KPI_UNIT, formatKpi } from './kpi-format';

export function AnomalyPanel({ storeId, cards }: { storeId: number | null; cards: DashboardCard[] }) {
  const res = useApi(
    (signal) =>
      api.get<KpiAnomalyListResponse>(
        '/admin/dashboard/anomalies',
        { storeId: storeId ?? undefined },
        signal,
      ),
    // A null first dep would mean "skip" to useApi; null here is 全部门店.
    [`store:${storeId ?? 'all'}`],
  );
  const unitOf = (a: KpiAnomaly) => cards.find((c) => c.key === a.kpi)?.unit ?? KPI_UNIT[a.kpi];
  const err = res.error;
  return (
    <Card
      size="small"
      title="异常指标"
      style={{ height: '100%' }}
      extra={
        <Button size="small" onClick={res.reload}>
          刷新
        </Button>
      }
    >
      {err ? (
        <Alert
          type="error"
          showIcon
          title="异常列表加载失败"
          description={
            err instanceof ApiError && (err.status === 404 || err.status === 403)
              ? '异常接口暂不可用或无权限查看。'
              : err.message
          }
          action={
            <Button size="small" onClick={res.reload}>
              重试
            </Button>
          }
        />
      ) : (
        <Table<KpiAnomaly>
          size="small"
          rowKey={(a) => `${a.storeId}-${a.kpi}-${a.date}`}
          loading={res.loading}
          dataSource={res.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: '暂无异常，各项指标都在正常区间内' }}
          columns={[
            {
              title: '指标',
              render: (_, a) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {a.label}{' '}
                  {a.direction === 'high' ? <Tag color="volcano">偏高</Tag> : <Tag color="blue">偏低</Tag>}
                </span>
              ),
            },
            { title: '门店', dataIndex: 'storeName', ellipsis: true },
            {
              title: '当日值 / 正常区间',
              render: (_, a) => (
                <span>
                  <Typography.Text strong type="danger">
                    {formatKpi(unitOf(a), a.value)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    正常 {formatKpi(unitOf(a), a.low)}–{formatKpi(unitOf(a), a.high)}
                  </Typography.Text>
                </span>
              ),
            },
            {
              title: '日期',
              render: (_, a) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {a.date}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    自 {a.since} 起
                  </Typography.Text>
                </span>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
