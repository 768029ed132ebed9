// The 统计 tab's numbers: counts per event and status as a stacked horizontal bar (one series per
// status, in the status colours) and the last-24-hour table, built by pure functions.
import {
  NOTIFICATION_STATUS_TEXT,
  type NotificationStats,
  type NotificationStatus,
} from '@omni/shared-types';
import type { ChartOption } from '../../components/Chart';
import { EVENTS, STATUSES, STATUS_COLOR, eventTitle } from './labels';

type Counts = Record<NotificationStatus, number>;
const zero = (): Counts => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Counts;

export interface EventCounts {
  event: string;
  title: string;
  total: Counts;
  last24h: Counts;
}

/** One row per event that has any count, in catalogue order (then shipping and unknown events). */
export function countsByEvent(stats: NotificationStats): EventCounts[] {
  const by = new Map<string, EventCounts>();
  for (const it of stats.items) {
    let row = by.get(it.event);
    if (!row) {
      row = { event: it.event, title: eventTitle(it.event), total: zero(), last24h: zero() };
      by.set(it.event, row);
    }
    row.total[it.status] += it.count;
    row.last24h[it.status] += it.last24h;
  }
  const rank = (e: string) => {
    const i = (EVENTS as string[]).indexOf(e);
    return i < 0 ? EVENTS.length : i;
  };
  return [...by.values()].sort((a, b) => rank(a.event) - rank(b.event) || a.event.localeCompare(b.event));
}

/** Stacked horizontal bars: an event per row (first event on top), a series per status that occurs. */
export function statsOption(rows: EventCounts[]): ChartOption {
  const shown = [...rows].reverse();
  const statuses = STATUSES.filter((s) => rows.some((r) => r.total[s] > 0));
  return {
    grid: { left: 128, right: 24, top: 36, bottom: 24 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((r) => r.title) },
    series: statuses.map((s) => ({
      name: NOTIFICATION_STATUS_TEXT[s],
      type: 'bar',
      stack: 'total',
      barMaxWidth: 24,
      itemStyle: { color: STATUS_COLOR[s].chart },
      data: shown.map((r) => r.total[s]),
    })),
  };
}
