import { slaView, spanZh } from './sla';

describe('SLA countdown text', () => {
  it('reads spans as days, hours and minutes', () => {
    expect(spanZh(3 * 3600 + 12 * 60 + 59)).toBe('3小时12分');
    expect(spanZh(25 * 60)).toBe('25分');
    expect(spanZh(2 * 3600)).toBe('2小时');
    expect(spanZh(26 * 3600 + 5 * 60)).toBe('1天2小时');
    expect(spanZh(48 * 3600)).toBe('2天');
    expect(spanZh(40)).toBe('40秒');
    expect(spanZh(0)).toBe('0秒');
  });

  it('says what is left, or how long it has been overdue', () => {
    expect(slaView(3 * 3600 + 12 * 60)).toEqual({ text: '剩余 3小时12分', breached: false, soon: false });
    expect(slaView(-25 * 60)).toEqual({ text: '已超时 25分', breached: true, soon: false });
    expect(slaView(30 * 60)?.soon).toBe(true);
    expect(slaView(null)).toBeNull();
  });

  it('counts down from the figure the server gave as time passes', () => {
    expect(slaView(90, 30)?.text).toBe('剩余 1分');
    expect(slaView(90, 90)).toEqual({ text: '剩余 0秒', breached: false, soon: true });
    expect(slaView(90, 91 + 25 * 60)).toMatchObject({ text: '已超时 25分', breached: true });
  });
});
