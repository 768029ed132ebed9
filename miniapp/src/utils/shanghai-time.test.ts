import {
  addDays,
  dayLabel,
  formatCountdownMs,
  formatDateTime,
  nextDays,
  shanghaiDate,
} from './shanghai-time';

describe('Shanghai dates', () => {
  it('rolls over to the next day at 16:00 UTC (midnight in Shanghai)', () => {
    expect(shanghaiDate(Date.parse('2026-11-25T15:59:59Z'))).toBe('2026-11-25');
    expect(shanghaiDate(Date.parse('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
  });

  it('adds days across a month end', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
  });

  it.each([
    ['2026-11-25', '今天'],
    ['2026-11-26', '明天'],
    ['2026-11-27', '周五 11/27'],
    ['2026-12-01', '周二 12/1'],
  ])('labels %s as %s', (date, label) => {
    expect(dayLabel(date, '2026-11-25')).toBe(label);
  });

  it('offers today and the next six days', () => {
    const days = nextDays(7, Date.parse('2026-11-25T17:00:00Z'));
    expect(days[0]).toBe('2026-11-26');
    expect(days).toHaveLength(7);
    expect(days[6]).toBe('2026-12-02');
  });

  it('shows an instant in Shanghai time', () => {
    expect(formatDateTime('2026-11-25T06:05:00.000Z')).toBe('11-25 14:05');
  });

  it('counts down in minutes and seconds and stops at zero', () => {
    expect(formatCountdownMs(14 * 60_000 + 59_001)).toBe('15:00');
    expect(formatCountdownMs(61_000)).toBe('01:01');
    expect(formatCountdownMs(-5)).toBe('00:00');
  });
});
