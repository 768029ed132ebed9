import { formatDay, formatSlot } from './format';

describe('formatDay', () => {
  it('writes a date with its weekday in Chinese', () => {
    expect(formatDay('2026-12-08')).toBe('12月8日（周二）');
    expect(formatDay('2026-12-13')).toBe('12月13日（周日）');
    expect(formatDay('2027-01-01')).toBe('1月1日（周五）');
  });

  it('leaves what is not a date as it is', () => {
    expect(formatDay('明天')).toBe('明天');
  });

  it('puts the hours after the day', () => {
    expect(formatSlot('2026-12-08', '18:00-20:00')).toBe('12月8日（周二） 18:00-20:00');
  });
});
