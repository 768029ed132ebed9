import { TONE_COLOR, anomalyText, changeView, formatKpi, meetsGoal } from './kpi-format';

describe('KPI formatting', () => {
  it.each([
    ['fen', 123450, '¥1,234.50'],
    ['%', 0.9523, '95.2%'],
    ['km', 2.345, '2.3 km'],
    ['秒', 44.6, '45 秒'],
    ['分', 4.56, '4.6 分'],
    ['单', 1234, '1,234 单'],
    ['件', 3, '3 件'],
    ['', -12.4, '-12'],
  ] as const)('shows a %s value as people read it', (unit, v, text) => {
    expect(formatKpi(unit, v)).toBe(text);
  });

  it('shows a dash for a missing value', () => {
    expect(formatKpi('%', null)).toBe('—');
    expect(formatKpi('fen', undefined)).toBe('—');
  });
});

describe('change against the previous period', () => {
  it('colours a rise green when up is better and red when down is better', () => {
    expect(changeView(12.34, 'up')).toEqual({
      text: '+12.3%',
      arrow: 'up',
      tone: 'good',
      color: TONE_COLOR.good,
    });
    expect(changeView(12.34, 'down')).toEqual({
      text: '+12.3%',
      arrow: 'up',
      tone: 'bad',
      color: TONE_COLOR.bad,
    });
  });

  it('colours a fall green when down is better (km per order, response time, breaches)', () => {
    expect(changeView(-4, 'down')).toMatchObject({ text: '-4.0%', arrow: 'down', tone: 'good' });
    expect(changeView(-4, 'up')).toMatchObject({ arrow: 'down', tone: 'bad' });
  });

  it('is neutral without a comparison or without a change', () => {
    expect(changeView(null, 'up')).toMatchObject({ text: '—', arrow: null, tone: 'neutral' });
    expect(changeView(0, 'down')).toMatchObject({ text: '持平', arrow: null, tone: 'neutral' });
  });
});

describe('goal and anomaly', () => {
  it('meets an up-goal at or above it', () => {
    expect(meetsGoal({ value: 0.95, goal: 0.95, better: 'up' })).toBe(true);
    expect(meetsGoal({ value: 0.9, goal: 0.95, better: 'up' })).toBe(false);
    expect(meetsGoal({ value: 0.9, better: 'up' })).toBeNull();
    expect(meetsGoal({ value: null, goal: 0.95, better: 'up' })).toBeNull();
  });

  it('says the band and since when in the unit of the KPI', () => {
    expect(anomalyText('%', { direction: 'low', low: 0.88, high: 1, since: '2025-06-01' }, 0.52)).toBe(
      '偏低：52.0%（正常 88.0%–100.0%，自 06-01 起）',
    );
  });
});
