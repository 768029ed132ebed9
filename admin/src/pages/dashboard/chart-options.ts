// The 看板's ECharts options, built from the dashboard series by pure functions (tested without a
// browser); the Chart component only renders them. Null values stay null so lines show gaps.
import type { DashboardPoint } from '@omni/shared-types';
import type { ChartOption } from '../../components/Chart';

type Granularity = 'day' | 'week';

const BLUE = '#1677ff';
const GREEN = '#52c41a';
const ORANGE = '#fa8c16';
const PURPLE = '#722ed1';
const RED = '#f5222d';

/** `06-01` for a day, `06-01周` for the week starting that day. */
export function periodLabel(period: string, granularity: Granularity): string {
  const md = period.slice(5, 10);
  return granularity === 'week' ? `${md}周` : md;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
/** A series column, scaled (fen → 元, fraction → %) and rounded; null stays null. */
const col = (series: DashboardPoint[], key: keyof DashboardPoint, scale = 1, digits = 2) =>
  series.map((p) => {
    const v = p[key];
    return typeof v === 'number' ? round(v * scale, digits) : null;
  });

function base(series: DashboardPoint[], granularity: Granularity, legend: boolean): ChartOption {
  return {
    grid: { left: 48, right: 56, top: legend ? 40 : 24, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: legend ? { top: 0 } : { show: false },
    xAxis: {
      type: 'category',
      data: series.map((p) => periodLabel(p.period, granularity)),
      axisTick: { alignWithLabel: true },
    },
  };
}

/** 订单数 (bars, left axis) and GMV in 元 (line, right axis). */
export function ordersGmvOption(series: DashboardPoint[], granularity: Granularity): ChartOption {
  return {
    ...base(series, granularity, true),
    yAxis: [
      { type: 'value', name: '订单数', minInterval: 1 },
      { type: 'value', name: 'GMV（元）', splitLine: { show: false } },
    ],
    series: [
      { name: '订单数', type: 'bar', data: col(series, 'orders', 1, 0), itemStyle: { color: BLUE } },
      {
        name: 'GMV（元）',
        type: 'line',
        yAxisIndex: 1,
        smooth: true,
        data: col(series, 'gmvFen', 0.01, 2),
        itemStyle: { color: ORANGE },
      },
    ],
  };
}

/** 准时率 in % with the goal as a dashed mark line. */
export function onTimeOption(series: DashboardPoint[], granularity: Granularity, goal = 0.95): ChartOption {
  const goalPct = round(goal * 100, 1);
  return {
    ...base(series, granularity, false),
    yAxis: {
      type: 'value',
      name: '%',
      max: 100,
      min: (v: { min: number }) =>
        Math.max(0, Math.floor(Math.min(Number.isFinite(v.min) ? v.min : goalPct, goalPct) - 5)),
    },
    series: [
      {
        name: '准时率',
        type: 'line',
        data: col(series, 'onTimeRate', 100, 1),
        itemStyle: { color: GREEN },
        connectNulls: false,
        markLine: {
          symbol: 'none',
          lineStyle: { color: RED, type: 'dashed' },
          label: { formatter: `目标 ${goalPct}%`, position: 'insideEndTop' },
          data: [{ yAxis: goalPct, name: '目标' }],
        },
      },
    ],
  };
}

/** 机器人解决率 in % (left axis) and the median first response in seconds (right axis). */
export function supportOption(series: DashboardPoint[], granularity: Granularity): ChartOption {
  return {
    ...base(series, granularity, true),
    yAxis: [
      { type: 'value', name: '解决率 %', max: 100, min: 0 },
      { type: 'value', name: '响应（秒）', splitLine: { show: false } },
    ],
    series: [
      {
        name: '机器人解决率',
        type: 'line',
        data: col(series, 'botDeflectionRate', 100, 1),
        itemStyle: { color: PURPLE },
      },
      {
        name: '首次响应中位数',
        type: 'bar',
        yAxisIndex: 1,
        data: col(series, 'firstResponseMedianS', 1, 0),
        itemStyle: { color: '#91caff' },
      },
    ],
  };
}

/** 满意度 1–5 (left axis) and NPS −100…100 (right axis). */
export function satisfactionOption(series: DashboardPoint[], granularity: Granularity): ChartOption {
  return {
    ...base(series, granularity, true),
    yAxis: [
      { type: 'value', name: '满意度', min: 1, max: 5 },
      { type: 'value', name: 'NPS', min: -100, max: 100, splitLine: { show: false } },
    ],
    series: [
      { name: '满意度', type: 'line', data: col(series, 'csat', 1, 2), itemStyle: { color: GREEN } },
      {
        name: 'NPS',
        type: 'line',
        yAxisIndex: 1,
        data: col(series, 'nps', 1, 0),
        itemStyle: { color: BLUE },
      },
    ],
  };
}

/** After-sales cases that fell due without a decision, per bucket. */
export function breachesOption(series: DashboardPoint[], granularity: Granularity): ChartOption {
  return {
    ...base(series, granularity, false),
    yAxis: { type: 'value', name: '件', minInterval: 1 },
    series: [
      {
        name: '售后超时',
        type: 'bar',
        data: col(series, 'aftersalesBreaches', 1, 0),
        itemStyle: { color: RED },
      },
    ],
  };
}

/** Whether any bucket has a value for these KPIs (otherwise the panel shows 暂无数据). */
export function hasData(series: DashboardPoint[], keys: (keyof DashboardPoint)[]): boolean {
  return series.some((p) => keys.some((k) => typeof p[k] === 'number'));
}
