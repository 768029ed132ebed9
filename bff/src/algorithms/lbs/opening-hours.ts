import type { WeeklyHours } from '@omni/shared-types';
import { shanghaiDate, shanghaiTime } from '../../lib/shanghai-time';

/** A dated exception to the weekly hours (Shanghai local date): closed all day, or special "HH:MM" hours. */
export interface StoreException {
  date: string;
  closed: boolean;
  open?: string;
  close?: string;
  reason?: string;
}

/** Whether a store is open at an instant, when that changes (within LOOKAHEAD_DAYS days) and a Chinese label. */
export interface OpenStatusResult {
  openNow: boolean;
  opensAt: Date | null;
  closesAt: Date | null;
  label: string;
}

/** How far ahead, in days, the next opening is searched for. */
export const LOOKAHEAD_DAYS = 14;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
// Shanghai is UTC+8 all year, so a local day is a fixed slice of UTC time.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

interface Interval {
  startMs: number;
  endMs: number;
}

/** Days since 1970-01-01 of the Shanghai local date of an instant. */
const localDayOf = (ms: number): number => Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
const localDayStartMs = (day: number): number => day * DAY_MS - SHANGHAI_OFFSET_MS;
const dayOfDate = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
// 1970-01-01 was a Thursday.
const weekdayOfDay = (day: number): number => (((day + 4) % 7) + 7) % 7;

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** One opening that starts on local day `day`; a close at or before the open means the next day ("10:00"–"02:00", "00:00"–"24:00"). */
function intervalOn(day: number, open: string, close: string): Interval {
  const openMin = minutesOf(open);
  let closeMin = minutesOf(close);
  if (closeMin <= openMin) closeMin += 24 * 60;
  const dayStartMs = localDayStartMs(day);
  return { startMs: dayStartMs + openMin * MINUTE_MS, endMs: dayStartMs + closeMin * MINUTE_MS };
}

/** Merged openings that start from the day before `today` (its hours may run past midnight) to `lastDay` days ahead. */
function openings(
  today: number,
  hours: readonly WeeklyHours[],
  exceptionByDay: ReadonlyMap<number, StoreException>,
  lastDay: number,
): Interval[] {
  const all: Interval[] = [];
  for (let day = today - 1; day <= today + lastDay; day++) {
    const exception = exceptionByDay.get(day);
    if (exception?.closed) continue;
    if (exception?.open && exception.close) {
      all.push(intervalOn(day, exception.open, exception.close));
      continue;
    }
    const weekday = weekdayOfDay(day);
    for (const h of hours) if (h.weekday === weekday) all.push(intervalOn(day, h.open, h.close));
  }
  all.sort((a, b) => a.startMs - b.startMs);
  const merged: Interval[] = [];
  for (const iv of all) {
    const last = merged[merged.length - 1];
    if (last && iv.startMs <= last.endMs) last.endMs = Math.max(last.endMs, iv.endMs);
    else merged.push(iv);
  }
  return merged;
}

/** "10:00", "明天 10:00", "周三 10:00" or "2月20日 10:00" for an instant, seen from the local day `today`. */
function dayAndTime(today: number, at: Date): string {
  const day = localDayOf(at.getTime());
  const time = shanghaiTime(at);
  const days = day - today;
  if (days === 0) return time;
  if (days === 1) return `明天 ${time}`;
  if (days < 7) return `${WEEKDAY_ZH[weekdayOfDay(day)]} ${time}`;
  const [, m, d] = shanghaiDate(at).split('-').map(Number);
  return `${m}月${d}日 ${time}`;
}

/** The closing time as a shop sign says it: "22:00", "24:00", "次日 02:00". */
function closingTime(today: number, closesAt: Date): string {
  const days = localDayOf(closesAt.getTime()) - today;
  const time = shanghaiTime(closesAt);
  if (days === 1 && time === '00:00') return '24:00';
  if (days === 1) return `次日 ${time}`;
  return dayAndTime(today, closesAt);
}

function closedReason(exception: StoreException | undefined): string | null {
  if (!exception?.closed) return null;
  const reason = exception.reason?.trim();
  if (!reason) return '今日休息';
  return reason.endsWith('休息') ? reason : `${reason}休息`;
}

/**
 * Open/closed state of a store at `at` from its weekly hours and dated exceptions (all Asia/Shanghai
 * local); opening and closing instants are exact to the minute, an opening is [open, close).
 */
export function openStatus(
  hours: readonly WeeklyHours[],
  exceptions: readonly StoreException[],
  at: Date,
): OpenStatusResult {
  const nowMs = at.getTime();
  const today = localDayOf(nowMs);
  const todayStartMs = localDayStartMs(today);
  const tomorrowStartMs = todayStartMs + DAY_MS;
  const horizonMs = todayStartMs + (LOOKAHEAD_DAYS + 1) * DAY_MS;
  const exceptionByDay = new Map<number, StoreException>();
  for (const e of exceptions) exceptionByDay.set(dayOfDate(e.date), e);
  // Most answers lie within today and tomorrow; only an opening running into the day after, or
  // no opening at all, needs the full lookahead.
  let merged = openings(today, hours, exceptionByDay, 1);
  const settled =
    merged.some((iv) => iv.endMs > nowMs) && merged.every((iv) => iv.endMs < tomorrowStartMs + DAY_MS);
  if (!settled) merged = openings(today, hours, exceptionByDay, LOOKAHEAD_DAYS);

  const current = merged.find((iv) => iv.startMs <= nowMs && nowMs < iv.endMs);
  if (current) {
    if (current.endMs >= horizonMs) {
      return { openNow: true, opensAt: null, closesAt: null, label: '营业中 · 24小时营业' };
    }
    const closesAt = new Date(current.endMs);
    return { openNow: true, opensAt: null, closesAt, label: `营业中 · ${closingTime(today, closesAt)} 打烊` };
  }

  const next = merged.find((iv) => iv.startMs > nowMs && iv.startMs < horizonMs);
  const holiday = closedReason(exceptionByDay.get(today));
  if (!next) return { openNow: false, opensAt: null, closesAt: null, label: holiday ?? '暂停营业' };
  const openedToday = merged.some((iv) => iv.startMs < tomorrowStartMs && iv.endMs > todayStartMs);
  const hadShiftToday = merged.some((iv) => iv.startMs >= todayStartMs && iv.endMs <= nowMs);
  const laterToday = next.startMs < tomorrowStartMs;
  const status =
    holiday ?? (!openedToday ? '今日休息' : !laterToday ? '已打烊' : hadShiftToday ? '休息中' : '未营业');
  const opensAt = new Date(next.startMs);
  return { openNow: false, opensAt, closesAt: null, label: `${status} · ${dayAndTime(today, opensAt)} 开门` };
}
