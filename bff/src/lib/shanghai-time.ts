/** Asia/Shanghai is UTC+8 all year (no daylight saving), so local ⇄ UTC is a fixed shift. */
const OFFSET_MS = 8 * 3600 * 1000;

/** The UTC instant of a Shanghai local date (`YYYY-MM-DD`) and time (`HH:MM`). */
export function shanghaiToUtc(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh, mm) - OFFSET_MS);
}

/** The Shanghai local date `YYYY-MM-DD` of an instant. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The Shanghai local time `HH:MM` of an instant. */
export function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

/** Weekday (0 = Sunday) of an instant in Shanghai. */
export function shanghaiWeekday(at: Date): number {
  return new Date(at.getTime() + OFFSET_MS).getUTCDay();
}

/** `date` plus `days` calendar days, `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
