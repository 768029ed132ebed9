// Dates and times as Shanghai sees them (UTC+8 all year, no daylight saving), whatever the phone's zone.

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function shifted(at: Date | number | string): Date {
  return new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Shanghai calendar date of an instant, `YYYY-MM-DD`. */
export function shanghaiDate(at: Date | number = Date.now()): string {
  return shifted(at).toISOString().slice(0, 10);
}

/** `date` (`YYYY-MM-DD`) plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A day tab's label: 今天, 明天, otherwise 周X M/D. */
export function dayLabel(date: string, today: string): string {
  if (date === today) return '今天';
  if (date === addDays(today, 1)) return '明天';
  const d = new Date(`${date}T00:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
}

/** The next `count` Shanghai dates starting today. */
export function nextDays(count: number, now: Date | number = Date.now()): string[] {
  const today = shanghaiDate(now);
  return Array.from({ length: count }, (_, i) => addDays(today, i));
}

/** An ISO instant as Shanghai local `MM-DD HH:mm`. */
export function formatDateTime(iso: string): string {
  const d = shifted(iso);
  return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A slot's day for people, e.g. 11月26日（周四）. */
export function formatSlotDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日（${WEEKDAYS[d.getUTCDay()]}）`;
}

/** A remaining duration in milliseconds as `MM:SS` (never negative). */
export function formatCountdownMs(remainingMs: number): string {
  const totalS = Math.max(0, Math.ceil(remainingMs / 1000));
  return `${pad(Math.floor(totalS / 60))}:${pad(totalS % 60)}`;
}
