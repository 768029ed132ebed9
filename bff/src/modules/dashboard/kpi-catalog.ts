import type { DashboardKpi, DashboardUnit } from '@omni/shared-types';
import type { KpiValues } from '../kpis/kpi-summary';
import type { BandOptions } from './anomaly';

/** How the 看板 shows and judges one KPI. */
export interface KpiDef {
  key: DashboardKpi;
  label: string;
  unit: DashboardUnit;
  better: 'up' | 'down';
  goal?: number;
  /** The KPI of a summary; null = no data. */
  of(v: KpiValues): number | null;
  /** Floors of its anomaly band (see `bandFor`). */
  band: Pick<BandOptions, 'minHalfWidth' | 'minRelHalfWidth'>;
  /**
   * For a rate or average: how many observations a day's value rests on, and how many it needs to
   * be judged (a CSAT of two ratings is not a trend). Counts are always judged.
   */
  support?: { of(v: KpiValues): number; min: number };
  /** The value as a person reads it: 82%, ¥1,234.50, 2.3 km. */
  format(x: number): string;
  /** Values it can take at all (bands are clipped to them); default [0, ∞). */
  range?: [number, number];
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const yuan = (fen: number) =>
  `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Every KPI of the 看板, in card order. */
export const KPI_DEFS: readonly KpiDef[] = [
  {
    key: 'orders',
    label: '订单数',
    unit: '单',
    better: 'up',
    of: (v) => v.orders,
    band: { minHalfWidth: 3, minRelHalfWidth: 0.25 },
    format: (x) => `${Math.round(x)} 单`,
  },
  {
    key: 'gmvFen',
    label: 'GMV',
    unit: 'fen',
    better: 'up',
    of: (v) => v.gmvFen,
    band: { minHalfWidth: 30_000, minRelHalfWidth: 0.25 },
    format: yuan,
  },
  {
    key: 'onTimeRate',
    label: '准时率',
    unit: '%',
    better: 'up',
    goal: 0.95,
    range: [0, 1],
    of: (v) => v.onTimeRate,
    support: { of: (v) => v.deliveries, min: 5 },
    band: { minHalfWidth: 0.05 },
    format: pct,
  },
  {
    key: 'kmPerOrder',
    label: '单均公里',
    unit: 'km',
    better: 'down',
    of: (v) => v.kmPerOrder,
    support: { of: (v) => v.routeStops, min: 5 },
    band: { minHalfWidth: 0.3, minRelHalfWidth: 0.15 },
    format: (x) => `${x.toFixed(1)} km`,
  },
  {
    key: 'botDeflectionRate',
    label: '机器人解决率',
    unit: '%',
    better: 'up',
    range: [0, 1],
    of: (v) => v.botDeflectionRate,
    support: { of: (v) => v.conversations, min: 5 },
    band: { minHalfWidth: 0.1 },
    format: pct,
  },
  {
    key: 'firstResponseMedianS',
    label: '首次响应',
    unit: '秒',
    better: 'down',
    of: (v) => v.firstResponseMedianS,
    support: { of: (v) => v.firstResponses, min: 3 },
    band: { minHalfWidth: 30, minRelHalfWidth: 0.25 },
    format: (x) => `${Math.round(x)} 秒`,
  },
  {
    key: 'csat',
    label: '满意度',
    unit: '分',
    better: 'up',
    range: [1, 5],
    of: (v) => v.csat,
    support: { of: (v) => v.csatResponses, min: 5 },
    band: { minHalfWidth: 0.5 },
    format: (x) => `${x.toFixed(1)} 分`,
  },
  {
    key: 'nps',
    label: 'NPS',
    unit: '',
    better: 'up',
    range: [-100, 100],
    of: (v) => v.nps,
    support: { of: (v) => v.csatResponses, min: 5 },
    band: { minHalfWidth: 25 },
    format: (x) => `${Math.round(x)}`,
  },
  {
    key: 'aftersalesBreaches',
    label: '售后超时',
    unit: '件',
    better: 'down',
    of: (v) => v.aftersalesBreaches,
    band: { minHalfWidth: 2 },
    format: (x) => `${Math.round(x)} 件`,
  },
];

/** A band clipped to the values the KPI can take, rounded for display (3 decimals). */
export function clipBand(def: KpiDef, low: number, high: number): { low: number; high: number } {
  const [min, max] = def.range ?? [0, Number.POSITIVE_INFINITY];
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { low: r(Math.min(Math.max(low, min), max)), high: r(Math.max(Math.min(high, max), min)) };
}

/** The inbox and alert text of an anomaly (band already clipped): 准时率异常：52%（正常 88%–100%）. */
export function anomalyTitle(def: KpiDef, value: number, low: number, high: number): string {
  return `${def.label}异常：${def.format(value)}（正常 ${def.format(low)}–${def.format(high)}）`;
}
