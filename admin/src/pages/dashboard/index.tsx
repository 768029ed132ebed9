// 看板: the KPIs of one store (the header's picker) or the whole brand, by day or by week over a
// date range — cards against the period before, ECharts trends, and the stores' anomaly list.
import { useMemo, useState, type ReactNode } from 'react';
import { Button, Card, Col, DatePicker, Empty, Row, Segmented, Space, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { DashboardKpi, DashboardPoint, DashboardResponse } from '@omni/shared-types';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { Chart, type ChartOption } from '../../components/Chart';
import { PageState } from '../../components/PageState';
import { dayjs, shDate } from '../../components/format';
import { useApi } from '../../components/useApi';
import { useStores } from '../../components/useStores';
import { AnomalyPanel } from './anomaly-panel';
import {
  breachesOption,
  hasData,
  onTimeOption,
  ordersGmvOption,
  satisfactionOption,
  supportOption,
} from './chart-options';
import { KpiCards } from './kpi-cards';

type Granularity = 'day' | 'week';
type Range = [Dayjs, Dayjs];

/** The default range: the 14 days ending today, or the 8 weeks (Monday first) ending this one. */
export function defaultRange(g: Granularity): Range {
  const today = dayjs(shDate());
  if (g === 'day') return [today.subtract(13, 'day'), today];
  const monday = today.subtract((today.day() + 6) % 7, 'day');
  return [monday.subtract(7, 'week'), today];
}

function ChartPanel(props: {
  title: string;
  series: DashboardPoint[];
  keys: (keyof DashboardPoint)[];
  option: ChartOption;
  extra?: ReactNode;
}) {
  return (
    <Card size="small" title={props.title} extra={props.extra} style={{ height: '100%' }}>
      {/* The chart is drawn even without data (empty axes), with the note over it. */}
      <div style={{ position: 'relative' }}>
        <Chart option={props.option} height={260} ariaLabel={props.title} />
        {!hasData(props.series, props.keys) && (
          <div
            style={{
              position: 'absolute',
              inset: 0,
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              pointerEvents: 'none',
            }}
          >
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="所选时间段暂无数据" />
          </div>
        )}
      </div>
    </Card>
  );
}

export default function DashboardPage() {
  const auth = useAuth();
  const stores = useStores();
  const storeId = auth.storeId;
  const [granularity, setGranularity] = useState<Granularity>('day');
  const [range, setRange] = useState<Range>(() => defaultRange('day'));
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');

  const res = useApiDashboard(storeId, granularity, from, to);
  const data = res.data;
  const series = useMemo(() => data?.series ?? [], [data]);
  const g = data?.granularity ?? granularity;
  const goal = data?.cards.find((c) => c.key === 'onTimeRate')?.goal ?? 0.95;
  const options = useMemo(
    () => ({
      ordersGmv: ordersGmvOption(series, g),
      onTime: onTimeOption(series, g, goal),
      support: supportOption(series, g),
      satisfaction: satisfactionOption(series, g),
      breaches: breachesOption(series, g),
    }),
    [series, g, goal],
  );
  const storeName =
    storeId === null ? '全部门店' : (stores.data?.find((s) => s.id === storeId)?.name ?? `门店 #${storeId}`);
  const keys = (...k: DashboardKpi[]) => k as (keyof DashboardPoint)[];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Text strong>{storeName}</Typography.Text>
            <Segmented<Granularity>
              aria-label="粒度"
              value={granularity}
              onChange={(v) => {
                setGranularity(v);
                setRange(defaultRange(v));
              }}
              options={[
                { value: 'day', label: '按日' },
                { value: 'week', label: '按周' },
              ]}
            />
            <DatePicker.RangePicker
              aria-label="日期范围"
              allowClear={false}
              value={range}
              disabledDate={(d) => d.isAfter(dayjs(shDate()), 'day')}
              onChange={(v) => {
                if (v?.[0] && v[1]) setRange([v[0], v[1]]);
              }}
            />
          </Space>
          <Space>
            {data && (
              <Typography.Text type="secondary">
                {data.from} 至 {data.to}，对比上一等长周期
              </Typography.Text>
            )}
            <Button icon={<ReloadOutlined />} onClick={res.reload} loading={res.loading}>
              刷新
            </Button>
          </Space>
        </Space>
      </Card>
      {(res.error || (res.loading && !data)) && (
        <PageState loading={res.loading && !data} error={res.error} onRetry={res.reload} empty={false}>
          {null}
        </PageState>
      )}
      {data && !res.error && <KpiCards cards={data.cards} />}
      {/* One tree position for the anomaly list, so it keeps its own request (and its own error) while
          the dashboard loads, fails or reloads. */}
      <Row gutter={[16, 16]}>
        {data && !res.error && (
          <>
            <Col xs={24} xl={12}>
              <ChartPanel
                title="订单与 GMV"
                series={series}
                keys={keys('orders', 'gmvFen')}
                option={options.ordersGmv}
              />
            </Col>
            <Col xs={24} xl={12}>
              <ChartPanel
                title="准时率"
                extra={<Typography.Text type="secondary">目标 {Math.round(goal * 100)}%</Typography.Text>}
                series={series}
                keys={keys('onTimeRate')}
                option={options.onTime}
              />
            </Col>
            <Col xs={24} xl={12}>
              <ChartPanel
                title="机器人解决率与首次响应"
                series={series}
                keys={keys('botDeflectionRate', 'firstResponseMedianS')}
                option={options.support}
              />
            </Col>
            <Col xs={24} xl={12}>
              <ChartPanel
                title="满意度与 NPS"
                series={series}
                keys={keys('csat', 'nps')}
                option={options.satisfaction}
              />
            </Col>
            <Col xs={24} xl={12}>
              <ChartPanel
                title="售后超时"
                series={series}
                keys={keys('aftersalesBreaches')}
                option={options.breaches}
              />
            </Col>
          </>
        )}
        <Col xs={24} xl={data && !res.error ? 12 : 24}>
          <AnomalyPanel storeId={storeId} cards={data?.cards ?? []} />
        </Col>
      </Row>
    </Space>
  );
}

function useApiDashboard(storeId: number | null, granularity: Granularity, from: string, to: string) {
  return useApi(
    (signal) =>
      api.get<DashboardResponse>(
        '/admin/dashboard',
        { storeId: storeId ?? undefined, granularity, from, to },
        signal,
      ),
    // Not storeId first: a null first dep means "skip" to useApi, and null here is 全部门店.
    [granularity, from, to, storeId],
  );
}
