import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const TZ = 'Asia/Shanghai';

/** ¥12.30 from fen. */
export const yuan = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '—' : `¥${(fen / 100).toFixed(2)}`;

/** An ISO instant in Shanghai time, `MM-DD HH:mm` (or with the year when `full`). */
export const shTime = (iso: string | null | undefined, full = false): string =>
  iso
    ? dayjs(iso)
        .tz(TZ)
        .format(full ? 'YYYY-MM-DD HH:mm:ss' : 'MM-DD HH:mm')
    : '—';

/** Today's date in Shanghai, `YYYY-MM-DD`, plus `days`. */
export const shDate = (days = 0): string => dayjs().tz(TZ).add(days, 'day').format('YYYY-MM-DD');

export const pct = (x: number | null | undefined, digits = 1): string =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`;

export { dayjs };
