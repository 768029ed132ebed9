import type { DashboardPoint } from '@omni/shared-types';
import {
  breachesOption,
  hasData,
  onTimeOption,
  ordersGmvOption,
  periodLabel,
  satisfactionOption,
  supportOption,
} from './chart-options';

const point = (period: string, over: Partial<DashboardPoint> = {}): DashboardPoint => ({
  period,
  orders: 10,
  gmvFen: 123456,
  onTimeRate: 0.9123,
  kmPerOrder: 1.2,
  botDeflectionRate: 0.5,
  firstResponseMedianS: 42.4,
  csat: 4.567,
  nps: 30,
  aftersalesBreaches: 1,
  ...over,
});

type Series = {
  name: string;
  type: string;
  data: (number | null)[];
  yAxisIndex?: number;
  markLine?: unknown;
};
const seriesOf = (o: { series?: unknown }) => o.series as Series[];

describe('dashboard chart options', () => {
  const series = [point('2025-06-01'), point('2025-06-02', { onTimeRate: null, gmvFen: null, orders: 0 })];

  it('labels days and weeks', () => {
    expect(periodLabel('2025-06-02', 'day')).toBe('06-02');
    expect(periodLabel('2025-06-02', 'week')).toBe('06-02周');
    expect((ordersGmvOption(series, 'week').xAxis as { data: string[] }).data).toEqual([
      '06-01周',
      '06-02周',
    ]);
  });

  it('draws orders as bars and GMV in yuan as a line on the second axis, keeping gaps', () => {
    const [orders, gmv] = seriesOf(ordersGmvOption(series, 'day'));
    expect(orders).toMatchObject({ type: 'bar', data: [10, 0] });
    expect(gmv).toMatchObject({ type: 'line', yAxisIndex: 1, data: [1234.56, null] });
  });

  it('draws on-time rate in percent with the 95% goal as a mark line', () => {
    const [line] = seriesOf(onTimeOption(series, 'day', 0.95));
    expect(line.data).toEqual([91.2, null]);
    expect(line.markLine).toMatchObject({ data: [{ yAxis: 95 }], label: { formatter: '目标 95%' } });
  });

  it('pairs bot deflection with first response and CSAT with NPS on two axes', () => {
    const [bot, first] = seriesOf(supportOption(series, 'day'));
    expect(bot.data).toEqual([50, 50]);
    expect(first).toMatchObject({ type: 'bar', yAxisIndex: 1, data: [42, 42] });
    const [csat, nps] = seriesOf(satisfactionOption(series, 'day'));
    expect(csat.data).toEqual([4.57, 4.57]);
    expect(nps).toMatchObject({ yAxisIndex: 1, data: [30, 30] });
    expect(seriesOf(breachesOption(series, 'day'))[0].data).toEqual([1, 1]);
  });

  it('knows when a panel has nothing to draw', () => {
    const empty = [point('2025-06-01', { csat: null, nps: null })];
    expect(hasData(empty, ['csat', 'nps'])).toBe(false);
    expect(hasData(empty, ['orders'])).toBe(true);
    expect(hasData([], ['orders'])).toBe(false);
  });
});
