// How the 看板 reads a KPI: its value in its unit, the change against the previous period (arrow
// and colour by whether up is better), the goal and the anomaly band. Pure, tested without a browser.
import type { DashboardCard, DashboardKpi, DashboardUnit } from '@omni/shared-types';

/** Colours of a change: better, worse, and no change / unknown. */
export const TONE_COLOR = { good: '#389e0d', bad: '#cf1322', neutral: '#8c8c8c' } as const;
export type Tone = keyof typeof TONE_COLOR;

/** The unit each KPI is reported in, for rows (anomalies) that come without a card. */
export const KPI_UNIT: Record<DashboardKpi, DashboardUnit> = {
  orders: '单',
  gmvFen: 'fen',
  onTimeRate: '%',
  kmPerOrder: 'km',
  botDeflectionRate: '%',
  firstResponseMedianS: '秒',
  csat: '分',
  nps: '',
  aftersalesBreaches: '件',
};

const grouped = (x: number, digits: number) =>
  x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A value as people read it: ¥1,234.50, 95.2%, 2.3 km, 45 秒, 4.6 分, 12 单; `—` when null. */
export function formatKpi(unit: DashboardUnit, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'fen':
      return `¥${grouped(value / 100, 2)}`;
    case '%':
      return `${(value * 100).toFixed(1)}%`;
    case 'km':
      return `${value.toFixed(1)} km`;
    case '秒':
      return `${Math.round(value)} 秒`;
    case '分':
      return `${value.toFixed(1)} 分`;
    case '单':
    case '件':
      return `${grouped(Math.round(value), 0)} ${unit}`;
    default:
      return `${Math.round(value)}`;
  }
}

export interface ChangeView {
  /** `+12.3%`, `-4.0%`, `持平`, or `—` without a comparison. */
  text: string;
  arrow: 'up' | 'down' | null;
  tone: Tone;
  color: string;
}

/**
 * The change of a card against the period before: the arrow follows the sign, the colour whether
 * that direction is the better one (`better: 'down'` for kilometres, response time, breaches).
 */
export function changeView(changePct: number | null | undefined, better: 'up' | 'down'): ChangeView {
  if (changePct === null || changePct === undefined || !Number.isFinite(changePct))
    return { text: '—', arrow: null, tone: 'neutral', color: TONE_COLOR.neutral };
  if (changePct === 0) return { text: '持平', arrow: null, tone: 'neutral', color: TONE_COLOR.neutral };
  const arrow = changePct > 0 ? 'up' : 'down';
  const tone: Tone = arrow === better ? 'good' : 'bad';
  const text = `${changePct > 0 ? '+' : '-'}${Math.abs(changePct).toFixed(1)}%`;
  return { text, arrow, tone, color: TONE_COLOR[tone] };
}

/** Whether a card meets its goal (null without a goal or a value); `better` says which side meets it. */
export function meetsGoal(card: Pick<DashboardCard, 'value' | 'goal' | 'better'>): boolean | null {
  if (card.goal === undefined || card.value === null) return null;
  return card.better === 'up' ? card.value >= card.goal : card.value <= card.goal;
}

/** `偏低：52.0%（正常 88.0%–100.0%，自 06-01 起）` for an anomaly band. */
export function anomalyText(
  unit: DashboardUnit,
  a: { direction: 'high' | 'low'; low: number; high: number; since: string },
  value?: number | null,
): string {
  const head = a.direction === 'high' ? '偏高' : '偏低';
  const v = value === undefined ? '' : `：${formatKpi(unit, value)}`;
  return `${head}${v}（正常 ${formatKpi(unit, a.low)}–${formatKpi(unit, a.high)}，自 ${a.since.slice(5)} 起）`;
}
