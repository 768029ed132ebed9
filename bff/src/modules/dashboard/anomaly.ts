// Pure: robust anomaly bands for daily KPI values. No database, no clock.

/** One day's value of a KPI (`date` is `YYYY-MM-DD`); null = no data that day. */
export interface DailyValue {
  date: string;
  value: number | null;
}

/** How wide a band may get at least, and how much history it needs. */
export interface BandOptions {
  /** Half-widths in MADs; default 3. */
  k?: number;
  /** Days of history before the judged day; default 28. */
  windowDays?: number;
  /** Fewer values than this in the window: no judgement; default 10. */
  minHistory?: number;
  /** Same-weekday values needed to use the weekday's median; default 4. */
  minSameWeekday?: number;
  /** The band is at least ± this much (in the KPI's unit), so a flat history does not flag tiny changes. */
  minHalfWidth: number;
  /** …and at least ± this fraction of the centre; default 0. */
  minRelHalfWidth?: number;
}

/** The normal band of a day. */
export interface Band {
  center: number;
  low: number;
  high: number;
}

/** A judged day outside its band, with the first day of its run. */
export interface Anomaly extends Band {
  date: string;
  value: number;
  direction: 'high' | 'low';
  since: string;
}

/** Scales a MAD to a standard deviation under normal noise. */
export const MAD_SCALE = 1.4826;

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const weekdayOfDay = (n: number) => (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The band of `date` from the `windowDays` days before it: centre = the median of the same
 * weekday's values when there are at least `minSameWeekday` of them, else the window's median;
 * half-width = k × 1.4826 × the window's MAD (around its median), at least `minHalfWidth` and
 * `minRelHalfWidth` × |centre|. Null with too little history.
 */
export function bandFor(series: readonly DailyValue[], date: string, o: BandOptions): Band | null {
  const k = o.k ?? 3;
  const windowDays = o.windowDays ?? 28;
  const target = dayNumber(date);
  const history: Array<{ day: number; value: number }> = [];
  for (const p of series) {
    if (p.value === null || !Number.isFinite(p.value)) continue;
    const d = dayNumber(p.date);
    if (d < target && d >= target - windowDays) history.push({ day: d, value: p.value });
  }
  if (history.length < (o.minHistory ?? 10)) return null;
  const all = median(history.map((h) => h.value));
  const byWeekday = new Map<number, number[]>();
  for (const h of history) {
    const w = weekdayOfDay(h.day);
    byWeekday.set(w, [...(byWeekday.get(w) ?? []), h.value]);
  }
  const same = byWeekday.get(weekdayOfDay(target)) ?? [];
  const center = same.length >= (o.minSameWeekday ?? 4) ? median(same) : all;
  // The spread is the whole window's: a weekly pattern widens it (fewer alarms, never more), and
  // four same-weekday values are too few to measure a spread on their own.
  const mad = median(history.map((h) => Math.abs(h.value - all)));
  const half = Math.max(k * MAD_SCALE * mad, o.minHalfWidth, (o.minRelHalfWidth ?? 0) * Math.abs(center));
  return { center, low: center - half, high: center + half };
}

/** Whether `value` lies above or below `band` (null inside it). */
export function outside(value: number, band: Band): 'high' | 'low' | null {
  if (value > band.high) return 'high';
  if (value < band.low) return 'low';
  return null;
}

/**
 * Judges the day `date` of `series`: an anomaly when its value lies outside its band. `since` is
 * the first day of the unbroken run of days before it that were outside their own bands on the
 * same side (a day without data or without a band ends the run).
 */
export function detectAnomaly(series: readonly DailyValue[], date: string, o: BandOptions): Anomaly | null {
  const byDate = new Map(series.map((p) => [p.date, p.value]));
  const judge = (d: string) => {
    const value = byDate.get(d);
    if (value === null || value === undefined) return null;
    const band = bandFor(series, d, o);
    if (!band) return null;
    const direction = outside(value, band);
    return direction ? { ...band, value, direction } : null;
  };
  const today = judge(date);
  if (!today) return null;
  let since = date;
  for (;;) {
    const prev = new Date((dayNumber(since) - 1) * DAY_MS).toISOString().slice(0, 10);
    const p = judge(prev);
    if (!p || p.direction !== today.direction) break;
    since = prev;
  }
  return { ...today, date, since };
}
