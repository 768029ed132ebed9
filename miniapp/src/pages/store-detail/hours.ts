import type { WeeklyHours } from '@omni/shared-types';

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
/** Monday first, as Chinese calendars show a week. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

/** One row of the hours table. */
export interface HoursRow {
  weekday: number;
  name: string;
  /** e.g. 10:00 – 22:00, or 休息 when the weekday has no hours. */
  text: string;
  today: boolean;
}

/** The Shanghai weekday (0 = Sunday) of an instant, whatever the phone's zone. */
export function shanghaiWeekday(at: Date | number = Date.now()): number {
  return new Date(new Date(at).getTime() + 8 * 3_600_000).getUTCDay();
}

/** Monday-to-Sunday rows of weekly hours, with today's row marked. */
export function hoursRows(hours: WeeklyHours[], todayWeekday: number): HoursRow[] {
  return WEEK_ORDER.map((weekday) => {
    const h = hours.find((x) => x.weekday === weekday);
    return {
      weekday,
      name: WEEKDAY_NAMES[weekday],
      text: h ? `${h.open} – ${h.close}` : '休息',
      today: weekday === todayWeekday,
    };
  });
}
