import type { WeeklyHours } from '@omni/shared-types';
import { addDays, shanghaiToUtc } from '../../lib/shanghai-time';
import { openStatus, type StoreException } from './opening-hours';

const every = (days: number[], open: string, close: string): WeeklyHours[] =>
  days.map((weekday) => ({ weekday, open, close }));

// 2026-11-23 is a Monday; the week runs to Sunday 2026-11-29.
const day = (weekday: number): string => addDays('2026-11-22', weekday === 0 ? 7 : weekday);
const at = (date: string, time: string): Date => shanghaiToUtc(date, time);
const MON = day(1);
const WED = day(3);
const THU = day(4);
const SAT = day(6);
const SUN = day(0);

const MON_TO_SAT = every([1, 2, 3, 4, 5, 6], '10:00', '22:00');
const WED_TO_SUN = every([3, 4, 5, 6, 0], '10:00', '22:00');
const LATE_NIGHT = every([0, 1, 2, 3, 4, 5, 6], '10:00', '02:00');
const TILL_MIDNIGHT = every([0, 1, 2, 3, 4, 5, 6], '08:00', '24:00');
const ROUND_THE_CLOCK = every([0, 1, 2, 3, 4, 5, 6], '00:00', '24:00');
const LUNCH_BREAK = [...every([3], '10:00', '14:00'), ...every([3], '17:00', '22:00')];

const SPRING_FESTIVAL: StoreException[] = Array.from({ length: 7 }, (_, i) => ({
  date: addDays('2026-02-13', i),
  closed: true,
  reason: '春节',
}));
const SHORT_WEDNESDAY: StoreException[] = [{ date: WED, closed: false, open: '12:00', close: '18:00' }];
const THURSDAY_OFF: StoreException[] = [{ date: THU, closed: true }];

type Case = [string, WeeklyHours[], StoreException[], Date, boolean, Date | null, string];

describe('openStatus', () => {
  it.each<Case>([
    ['open mid-day', MON_TO_SAT, [], at(WED, '12:00'), true, at(WED, '22:00'), '营业中 · 22:00 打烊'],
    [
      'open at the opening minute',
      MON_TO_SAT,
      [],
      at(WED, '10:00'),
      true,
      at(WED, '22:00'),
      '营业中 · 22:00 打烊',
    ],
    [
      'not yet open a minute before',
      MON_TO_SAT,
      [],
      at(WED, '09:59'),
      false,
      at(WED, '10:00'),
      '未营业 · 10:00 开门',
    ],
    [
      'closed at the closing minute',
      MON_TO_SAT,
      [],
      at(WED, '22:00'),
      false,
      at(THU, '10:00'),
      '已打烊 · 明天 10:00 开门',
    ],
    [
      'closed over the weekly day off',
      MON_TO_SAT,
      [],
      at(SAT, '23:00'),
      false,
      at(addDays(SAT, 2), '10:00'),
      '已打烊 · 周一 10:00 开门',
    ],
    [
      'resting on a day without hours',
      MON_TO_SAT,
      [],
      at(SUN, '12:00'),
      false,
      at(addDays(SUN, 1), '10:00'),
      '今日休息 · 明天 10:00 开门',
    ],
    [
      'resting until a later weekday',
      WED_TO_SUN,
      [],
      at(MON, '12:00'),
      false,
      at(WED, '10:00'),
      '今日休息 · 周三 10:00 开门',
    ],
    [
      "open past midnight on the previous day's hours",
      LATE_NIGHT,
      [],
      at(WED, '01:30'),
      true,
      at(WED, '02:00'),
      '营业中 · 02:00 打烊',
    ],
    [
      'open late, closing the next day',
      LATE_NIGHT,
      [],
      at(WED, '23:00'),
      true,
      at(THU, '02:00'),
      '营业中 · 次日 02:00 打烊',
    ],
    [
      'closed once the night shift ends',
      LATE_NIGHT,
      [],
      at(WED, '02:00'),
      false,
      at(WED, '10:00'),
      '未营业 · 10:00 开门',
    ],
    ['open until 24:00', TILL_MIDNIGHT, [], at(WED, '23:59'), true, at(THU, '00:00'), '营业中 · 24:00 打烊'],
    [
      'closed from midnight after 24:00',
      TILL_MIDNIGHT,
      [],
      at(THU, '00:00'),
      false,
      at(THU, '08:00'),
      '未营业 · 08:00 开门',
    ],
    ['open round the clock', ROUND_THE_CLOCK, [], at(WED, '03:00'), true, null, '营业中 · 24小时营业'],
    ['on a lunch break', LUNCH_BREAK, [], at(WED, '15:00'), false, at(WED, '17:00'), '休息中 · 17:00 开门'],
    [
      'closed for a holiday, reopening over a week later',
      MON_TO_SAT,
      SPRING_FESTIVAL,
      at('2026-02-13', '12:00'),
      false,
      at('2026-02-20', '10:00'),
      '春节休息 · 2月20日 10:00 开门',
    ],
    [
      'closed for a holiday, reopening this week',
      MON_TO_SAT,
      SPRING_FESTIVAL,
      at('2026-02-16', '12:00'),
      false,
      at('2026-02-20', '10:00'),
      '春节休息 · 周五 10:00 开门',
    ],
    [
      'closed on an exception day without a reason',
      LATE_NIGHT,
      THURSDAY_OFF,
      at(THU, '12:00'),
      false,
      at(addDays(THU, 1), '10:00'),
      '今日休息 · 明天 10:00 开门',
    ],
    [
      'still open after midnight into an exception day',
      LATE_NIGHT,
      THURSDAY_OFF,
      at(WED, '23:00'),
      true,
      at(THU, '02:00'),
      '营业中 · 次日 02:00 打烊',
    ],
    [
      'before special hours',
      MON_TO_SAT,
      SHORT_WEDNESDAY,
      at(WED, '11:00'),
      false,
      at(WED, '12:00'),
      '未营业 · 12:00 开门',
    ],
    [
      'within special hours',
      MON_TO_SAT,
      SHORT_WEDNESDAY,
      at(WED, '17:00'),
      true,
      at(WED, '18:00'),
      '营业中 · 18:00 打烊',
    ],
    [
      'after special hours',
      MON_TO_SAT,
      SHORT_WEDNESDAY,
      at(WED, '19:00'),
      false,
      at(THU, '10:00'),
      '已打烊 · 明天 10:00 开门',
    ],
    ['without any hours', [], [], at(WED, '12:00'), false, null, '暂停营业'],
  ])('%s', (_name, hours, exceptions, when, openNow, changesAt, label) => {
    const status = openStatus(hours, exceptions, when);
    expect(status.openNow).toBe(openNow);
    expect(openNow ? status.closesAt : status.opensAt).toEqual(changesAt);
    expect(openNow ? status.opensAt : status.closesAt).toBeNull();
    expect(status.label).toBe(label);
  });

  it('changes state exactly at the instants it announces, for random hours', () => {
    let seed = 7;
    const rand = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const hhmm = (min: number): string =>
      `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
    for (let i = 0; i < 300; i++) {
      const hours: WeeklyHours[] = [0, 1, 2, 3, 4, 5, 6]
        .filter(() => rand() < 0.8)
        .map((weekday) => ({
          weekday,
          open: hhmm(Math.floor(rand() * 96) * 15),
          close: hhmm(Math.floor(rand() * 97) * 15),
        }));
      const exceptions: StoreException[] =
        rand() < 0.5 ? [{ date: addDays(MON, Math.floor(rand() * 9)), closed: true }] : [];
      const when = new Date(at(MON, '00:00').getTime() + Math.floor(rand() * 7 * 24 * 60) * 60_000);
      const status = openStatus(hours, exceptions, when);
      const change = status.openNow ? status.closesAt : status.opensAt;
      if (!change) continue;
      expect(openStatus(hours, exceptions, new Date(change.getTime() - 1)).openNow).toBe(status.openNow);
      expect(openStatus(hours, exceptions, change).openNow).toBe(!status.openNow);
    }
  });

  it('gives up looking for an opening beyond 14 days', () => {
    const closedLong = Array.from({ length: 20 }, (_, i) => ({
      date: addDays(WED, i),
      closed: true,
      reason: '装修',
    }));
    expect(openStatus(MON_TO_SAT, closedLong, at(WED, '12:00'))).toEqual({
      openNow: false,
      opensAt: null,
      closesAt: null,
      label: '装修休息',
    });
  });
});
