import { extractTimes, readSmallNumber } from './datetime';
import { canonicalize } from '../normalize';

// Wednesday 2026-11-25 10:00 in Shanghai (02:00 UTC).
const NOW = new Date('2026-11-25T02:00:00Z');
const times = (text: string, now = NOW) => extractTimes(canonicalize(text), now);

describe('extractTimes', () => {
  it.each([
    ['今天', { date: '2026-11-25' }],
    ['明天', { date: '2026-11-26' }],
    ['后天', { date: '2026-11-27' }],
    ['大后天', { date: '2026-11-28' }],
    ['明天下午', { date: '2026-11-26', part: 'afternoon' }],
    ['周六上午', { date: '2026-11-28', part: 'morning' }],
    ['下周一', { date: '2026-11-30' }],
    ['后天晚上七点', { date: '2026-11-27', from: '19:00', part: 'evening' }],
    ['18:00-20:00', { date: '2026-11-25', from: '18:00', to: '20:00' }],
    ['晚上8点', { date: '2026-11-25', from: '20:00', part: 'evening' }],
    ['12月3号', { date: '2026-12-03' }],
    ['3号', { date: '2026-12-03' }],
    ['23号', { date: '2026-11-23' }],
    ['明晚8点半', { date: '2026-11-26', from: '20:30', part: 'evening' }],
    ['下午3-5点', { date: '2026-11-25', from: '15:00', to: '17:00', part: 'afternoon' }],
    ['6到8点', { date: '2026-11-25', from: '18:00', to: '20:00' }],
    ['上午10:30到12点', { date: '2026-11-25', from: '10:30', to: '12:00', part: 'morning' }],
    ['中午12点', { date: '2026-11-25', from: '12:00', part: 'noon' }],
    ['十二月三号', { date: '2026-12-03' }],
    ['2026-12-03', { date: '2026-12-03' }],
    ['12/3', { date: '2026-12-03' }],
    ['这周五', { date: '2026-11-27' }],
    ['下下周二', { date: '2026-12-08' }],
    ['周末', { date: '2026-11-28' }],
    ['星期天', { date: '2026-11-29' }],
    ['今晚', { date: '2026-11-25', part: 'evening' }],
    ['１８：００－２０：００', { date: '2026-11-25', from: '18:00', to: '20:00' }],
    ['后天上午10点前', { date: '2026-11-27', to: '10:00', part: 'morning' }],
    ['今天晚上9点以后', { date: '2026-11-25', from: '21:00', part: 'evening' }],
    ['明天下午3点到5点', { date: '2026-11-26', from: '15:00', to: '17:00', part: 'afternoon' }],
    ['下周六晚上', { date: '2026-12-05', part: 'evening' }],
    ['礼拜天上午', { date: '2026-11-29', part: 'morning' }],
    ['12月1日晚上8点半', { date: '2026-12-01', from: '20:30', part: 'evening' }],
  ])('resolves %s', (text, expected) => {
    expect(times(text)).toEqual([expect.objectContaining(expected)]);
    const [only] = times(text);
    for (const key of ['from', 'to', 'part'] as const)
      if (!(key in expected)) expect(only[key]).toBeUndefined();
  });

  it('reads the Shanghai date, not the UTC date, late in the UTC evening', () => {
    // 2026-11-25 17:00 UTC is already Thursday the 26th in Shanghai.
    expect(times('明天', new Date('2026-11-25T17:00:00Z'))[0].date).toBe('2026-11-27');
  });

  it('rolls a month-day that has passed long ago into next year', () => {
    expect(times('1月5号')[0].date).toBe('2027-01-05');
    expect(times('10月1号')[0].date).toBe('2026-10-01');
  });

  it('keeps two expressions of a reschedule request apart, in order', () => {
    expect(times('把明天下午的改到后天晚上7点')).toEqual([
      { text: '明天下午', date: '2026-11-26', part: 'afternoon' },
      { text: '后天晚上7点', date: '2026-11-27', from: '19:00', part: 'evening' },
    ]);
  });

  it('gives a clock time the date named earlier in the message', () => {
    expect(times('周日可以吗，下午3点以后')).toEqual([
      { text: '周日 下午3点以后', date: '2026-11-29', part: 'afternoon', from: '15:00' },
    ]);
  });

  it.each(['快一点', '便宜一点', '3号楼', '地铁1号线', '订单123456', '买了30ml', '24小时营业吗', ''])(
    'finds no time in %s',
    (text) => expect(times(text)).toEqual([]),
  );

  it('rolls over month and year ends', () => {
    expect(times('后天', new Date('2026-12-30T04:00:00Z'))[0].date).toBe('2027-01-01');
    expect(times('明天', new Date('2028-02-28T04:00:00Z'))[0].date).toBe('2028-02-29');
  });
});

describe('readSmallNumber', () => {
  it.each([
    ['7', 7],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十一', 21],
    ['两', 2],
    ['三十一', 31],
  ])('reads %s as %d', (token, n) => expect(readSmallNumber(token)).toBe(n));

  it('rejects words that are not numbers', () => expect(readSmallNumber('几')).toBeUndefined());
});
