// Weekly opening hours as the store form edits them: seven rows 周一…周日, each open/close or 休息,
// to and from the API's list of `{weekday, open, close}` (0 = Sunday; close before open runs past
// midnight; a weekday missing is a closed day). A weekday with a second range keeps it untouched.
import type { WeeklyHours } from '@omni/shared-types';

/** The form's row order: Monday first, Sunday last (API weekdays). */
export const WEEK_ROWS = [1, 2, 3, 4, 5, 6, 0] as const;
export const WEEK_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

export interface HoursRow {
  weekday: number;
  closed: boolean;
  /** `HH:mm`, null while not picked. */
  open: string | null;
  close: string | null;
  /** Further ranges of that weekday (set through the API), sent back as they were. */
  extra: WeeklyHours[];
}

/** Seven rows from the API's hours. */
export function rowsFromHours(hours: readonly WeeklyHours[]): HoursRow[] {
  return WEEK_ROWS.map((weekday) => {
    const [first, ...extra] = hours.filter((h) => h.weekday === weekday);
    return first
      ? {
          weekday,
          closed: false,
          open: first.open,
          close: first.close === '24:00' ? '00:00' : first.close,
          extra,
        }
      : { weekday, closed: true, open: null, close: null, extra: [] };
  });
}

/** Default rows of a new store: 10:00–22:00 every day. */
export function defaultRows(): HoursRow[] {
  return WEEK_ROWS.map((weekday) => ({ weekday, closed: false, open: '10:00', close: '22:00', extra: [] }));
}

/**
 * The API's hours from the rows, and for each entry the row it came from (to put the API's
 * `hours.3.close` message next to the right row). A close of 00:00 is sent as 24:00 (midnight).
 */
export function hoursFromRows(rows: readonly HoursRow[]): { hours: WeeklyHours[]; rowOf: number[] } {
  const hours: WeeklyHours[] = [];
  const rowOf: number[] = [];
  rows.forEach((r, i) => {
    if (r.closed || !r.open || !r.close) return;
    hours.push({ weekday: r.weekday, open: r.open, close: r.close === '00:00' ? '24:00' : r.close });
    rowOf.push(i);
    for (const x of r.extra) {
      hours.push(x);
      rowOf.push(i);
    }
  });
  return { hours, rowOf };
}

/** What is wrong with one row, for the field it concerns; null when fine. */
export function rowProblem(r: Pick<HoursRow, 'closed' | 'open' | 'close'>): {
  field: 'open' | 'close';
  message: string;
} | null {
  if (r.closed) return null;
  if (!r.open) return { field: 'open', message: '请选择开门时间' };
  if (!r.close) return { field: 'close', message: '请选择打烊时间' };
  if (r.open === r.close) return { field: 'close', message: '开门与打烊时间不能相同' };
  return null;
}

/** `hours.<i>.<rest>` of the sent list → `hours.<row>.<rest>` of the form. */
export function remapHoursPath(path: string, rowOf: readonly number[]): string {
  const m = /^hours\.(\d+)(\..*)?$/.exec(path);
  if (!m) return path;
  const row = rowOf[Number(m[1])];
  return row === undefined ? 'hours' : `hours.${row}${m[2] ?? '.open'}`;
}

/** How the mini-program's store card reads today's hours: `今日 10:00–22:00`, `今日休息`. */
export function todayLabel(
  hours: readonly WeeklyHours[],
  closedDates: readonly string[],
  today: { date: string; weekday: number },
): string {
  if (closedDates.includes(today.date)) return '今日休息';
  const ranges = hours.filter((h) => h.weekday === today.weekday);
  if (!ranges.length) return '今日休息';
  return `今日 ${ranges.map((h) => `${h.open}–${h.close}`).join('、')}`;
}

/** A distance as the mini-program's store list shows it: 860 → "860 m", 1234 → "1.2 km". */
export function formatStoreDistance(distanceM: number): string {
  if (distanceM < 1000) return `${Math.max(0, Math.round(distanceM))} m`;
  return `${(distanceM / 1000).toFixed(1)} km`;
}
