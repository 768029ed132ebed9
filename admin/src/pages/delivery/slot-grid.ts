// The 7-day slot grid: days as columns, slot times as rows, each cell booked/capacity coloured from
// green (empty) through amber to red (full), grey when a blackout or zero seats closes it.
import type { AdminSlotCell, AdminSlotGridResponse } from '@omni/shared-types';

const WEEKDAY_ZH = '日一二三四五六';

/** `周二` for 0 = Sunday … 6 = Saturday. */
export const weekdayZh = (weekday: number): string => `周${WEEKDAY_ZH[weekday]}`;

/** The weekday of a `YYYY-MM-DD` date (0 = Sunday), independent of the browser's zone. */
export const weekdayOfDate = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/** `2026-12-08` → `12月8日 周二`. */
export function dateLabelZh(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日 ${weekdayZh(weekdayOfDate(date))}`;
}

export type CellState = 'open' | 'full' | 'blackout' | 'closed' | 'past' | 'none';

export interface GridCell {
  booked: number;
  capacity: number;
  state: CellState;
  /** `3/8`, or a word for a cell that has no seats to show. */
  text: string;
  background: string;
  color: string;
  /** The hover text: what the cell means, the blackout's reason, the cut-off. */
  title: string;
  /** The slot behind it, for a capacity override. */
  cell: AdminSlotCell | null;
}

export interface GridColumn {
  date: string;
  label: string;
  storeClosed: boolean;
}

export interface GridRow {
  /** `10:00-12:00`. */
  key: string;
  startLocal: string;
  endLocal: string;
  cells: GridCell[];
}

export interface SlotGrid {
  columns: GridColumn[];
  rows: GridRow[];
}

const GREY = '#f0f0f0';

/** Hue of a filling cell: 120 (green) when empty, 40 (amber) at 60 %, 0 (red) when full. */
export function fillHue(ratio: number): number {
  const r = Math.min(1, Math.max(0, Number.isFinite(ratio) ? ratio : 1));
  return r <= 0.6 ? 120 - (r / 0.6) * 80 : 40 - ((r - 0.6) / 0.4) * 40;
}

/** Background and text colour of a cell by how full it is (booked / capacity). */
export function fillColour(booked: number, capacity: number): { background: string; color: string } {
  const hue = Math.round(fillHue(capacity > 0 ? booked / capacity : 1));
  return { background: `hsl(${hue}, 75%, 86%)`, color: `hsl(${hue}, 80%, 24%)` };
}

/** What one slot shows at `now`: blackout and zero seats grey, past cut-off dimmed, else by fill. */
export function cellOf(c: AdminSlotCell | undefined, now: Date): GridCell {
  if (!c) {
    return {
      booked: 0,
      capacity: 0,
      state: 'none',
      text: '—',
      background: '#fafafa',
      color: '#bfbfbf',
      title: '该日没有这个时段',
      cell: null,
    };
  }
  const base = { booked: c.booked, capacity: c.capacity, cell: c };
  const seats = `${c.booked}/${c.capacity}`;
  if (c.blocked) {
    return {
      ...base,
      state: 'blackout',
      text: c.booked > 0 ? `停运 ${seats}` : '停运',
      background: GREY,
      color: '#8c8c8c',
      title: `停运：${c.blockReason ?? '—'}${c.booked > 0 ? `（已约 ${c.booked} 个保留有效）` : ''}`,
    };
  }
  if (c.capacity === 0) {
    return {
      ...base,
      state: 'closed',
      text: c.booked > 0 ? seats : '关闭',
      background: GREY,
      color: '#8c8c8c',
      title: '容量为 0，不接受预约',
    };
  }
  const full = c.booked >= c.capacity;
  const past = Date.parse(c.cutoffAt) <= now.getTime();
  const colour = fillColour(c.booked, c.capacity);
  const notes = [
    `已约 ${c.booked} / 容量 ${c.capacity}`,
    c.overridden ? '单日容量已调整' : null,
    past ? '已截单' : null,
  ].filter(Boolean);
  return {
    ...base,
    state: past ? 'past' : full ? 'full' : 'open',
    text: seats,
    background: colour.background,
    color: colour.color,
    title: notes.join('；'),
  };
}

/** The grid of one zone (cells of other zones are ignored); rows sorted by start time. */
export function buildSlotGrid(res: AdminSlotGridResponse, zoneId: number, now: Date): SlotGrid {
  const mine = res.cells.filter((c) => c.zoneId === zoneId);
  const byKey = new Map<string, AdminSlotCell>();
  const times = new Map<string, { startLocal: string; endLocal: string }>();
  for (const c of mine) {
    const key = `${c.startLocal}-${c.endLocal}`;
    byKey.set(`${c.date}|${key}`, c);
    times.set(key, { startLocal: c.startLocal, endLocal: c.endLocal });
  }
  const rows = [...times.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, t]) => ({
      key,
      ...t,
      cells: res.days.map((d) => cellOf(byKey.get(`${d.date}|${key}`), now)),
    }));
  return {
    columns: res.days.map((d) => ({ date: d.date, label: dateLabelZh(d.date), storeClosed: d.storeClosed })),
    rows,
  };
}

/** Booked / capacity of one day of the grid (open cells only), for the column footer. */
export function dayTotal(grid: SlotGrid, column: number): { booked: number; capacity: number } {
  let booked = 0;
  let capacity = 0;
  for (const r of grid.rows) {
    const c = r.cells[column];
    if (!c || c.state === 'none' || c.state === 'blackout') continue;
    booked += c.booked;
    capacity += c.capacity;
  }
  return { booked, capacity };
}
