import { render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { DashboardResponse } from '@omni/shared-types';
import { AuthProvider } from '../../auth/AuthContext';
import { mockFetch } from '../../../test/mockFetch';
import { AnomalyPanel } from './anomaly-panel';
import DashboardPage from './index';

jest.mock('../../components/Chart', () => ({
  Chart: (p: { ariaLabel?: string }) => <div data-testid="chart">{p.ariaLabel}</div>,
}));

const response: DashboardResponse = {
  storeId: null,
  granularity: 'day',
  from: '2025-05-19',
  to: '2025-06-01',
  series: [
    {
      period: '2025-06-01',
      orders: 12,
      gmvFen: 100000,
      onTimeRate: 0.9,
      kmPerOrder: 1.5,
      botDeflectionRate: 0.6,
      firstResponseMedianS: 40,
      csat: 4.5,
      nps: 20,
      aftersalesBreaches: 2,
    },
  ],
  cards: [
    {
      key: 'orders',
      label: '订单数',
      value: 12,
      previous: 10,
      changePct: 20,
      unit: '单',
      better: 'up',
      anomaly: null,
    },
    {
      key: 'onTimeRate',
      label: '准时率',
      value: 0.9,
      previous: 0.96,
      changePct: -6.3,
      unit: '%',
      goal: 0.95,
      better: 'up',
      anomaly: { direction: 'low', low: 0.93, high: 1, since: '2025-05-31' },
    },
  ],
};

describe('DashboardPage', () => {
  let restore = () => undefined as void;
  afterEach(() => {
    restore();
    localStorage.clear();
  });

  it('shows the cards and charts when the anomaly list fails, with the error in that panel only', async () => {
    localStorage.setItem('omni.admin.token', 't');
    localStorage.setItem('omni.admin.user', JSON.stringify({ id: 1, username: 'boss', role: 'admin' }));
    const f = mockFetch(({ url }) => {
      if (url.includes('/admin/dashboard/anomalies'))
        return [404, { error: { code: 'NOT_FOUND', message: '接口不存在' } }];
      if (url.includes('/admin/dashboard')) return [200, response];
      return [200, { items: [], total: 0, page: 1, pageSize: 200 }];
    });
    restore = f.restore;
    render(
      <App>
        <AuthProvider>
          <DashboardPage />
        </AuthProvider>
      </App>,
    );
    expect(await screen.findByText('12 单', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('+20.0%')).toBeInTheDocument();
    expect(screen.getByText('异常')).toBeInTheDocument();
    expect(screen.getByText(/目标 95\.0%/)).toBeInTheDocument();
    expect(screen.getAllByTestId('chart').map((c) => c.textContent)).toEqual([
      '订单与 GMV',
      '准时率',
      '机器人解决率与首次响应',
      '满意度与 NPS',
      '售后超时',
    ]);
    expect(await screen.findByText('异常列表加载失败')).toBeInTheDocument();
    await waitFor(() =>
      expect(
        f.calls.some((c) => /\/admin\/dashboard\?granularity=day&from=\d{4}-\d{2}-\d{2}&to=/.test(c.url)),
      ).toBe(true),
    );
  });
});

describe('AnomalyPanel', () => {
  let restore = () => undefined as void;
  afterEach(() => restore());

  it('lists each KPI out of its band with the value against the band, in its unit', async () => {
    const f = mockFetch(() => [
      200,
      {
        items: [
          {
            kpi: 'onTimeRate',
            label: '准时率',
            storeId: 1,
            storeName: '静安店',
            date: '2025-06-02',
            value: 0.52,
            low: 0.88,
            high: 1,
            direction: 'low',
            since: '2025-06-01',
          },
        ],
      },
    ]);
    restore = f.restore;
    render(<AnomalyPanel storeId={1} cards={[]} />);
    expect(await screen.findByText('52.0%')).toBeInTheDocument();
    expect(screen.getByText('偏低')).toBeInTheDocument();
    expect(screen.getByText('正常 88.0%–100.0%')).toBeInTheDocument();
    expect(screen.getByText('自 2025-06-01 起')).toBeInTheDocument();
    expect(f.calls[0].url).toBe('/api/v1/admin/dashboard/anomalies?storeId=1');
  });
});
