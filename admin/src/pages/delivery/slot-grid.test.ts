import type { AdminSlotCell, AdminSlotGridResponse } from '@omni/shared-types';
import { buildSlotGrid, cellOf, dateLabelZh, dayTotal, fillColour, fillHue } from './slot-grid';

const NOW = new Date('2026-12-08T00:00:00Z'); // 08:00 Shanghai

const cell = (over: Partial<AdminSlotCell> = {}): AdminSlotCell => ({
  zoneId: 1,
  slotId: null,
  date: '2026-12-08',
  startLocal: '10:00',
  endLocal: '12:00',
  capacity: 8,
  booked: 0,
  blocked: false,
  blockReason: null,
  cutoffAt: '2026-12-08T01:00:00.000Z',
  generated: false,
  overridden: false,
  ...over,
});

describe('dateLabelZh', () => {
  it('writes a date the Chinese way with its weekday', () => {
    expect(dateLabelZh('2026-12-08')).toBe('12月8日 周二');
    expect(dateLabelZh('2026-12-13')).toBe('12月13日 周日');
    expect(dateLabelZh('2027-01-01')).toBe('1月1日 周五');
  });
});

describe('the colour scale', () => {
  it('runs from green when empty through amber to red when full', () => {
    expect(fillHue(0)).toBe(120);
    expect(fillHue(0.6)).toBe(40);
    expect(fillHue(1)).toBe(0);
    expect(fillHue(1.5)).toBe(0);
    const hues = [0, 0.2, 0.4, 0.6, 0.8, 1].map(fillHue);
    expect([...hues].sort((a, b) => b - a)).toEqual(hues);
    expect(fillColour(0, 8).background).toBe('hsl(120, 75%, 86%)');
    expect(fillColour(8, 8).background).toBe('hsl(0, 75%, 86%)');
  });
});

describe('cellOf', () => {
  it('shows booked/capacity of an open slot, full when every seat is taken', () => {
    expect(cellOf(cell({ booked: 3 }), NOW)).toMatchObject({ state: 'open', text: '3/8' });
    expect(cellOf(cell({ booked: 8 }), NOW)).toMatchObject({ state: 'full', text: '8/8' });
    expect(cellOf(cell({ booked: 9 }), NOW).background).toBe('hsl(0, 75%, 86%)');
  });

  it('greys a blacked-out slot with its reason, keeping booked seats in view', () => {
    const c = cellOf(cell({ blocked: true, blockReason: '道路封闭', booked: 2 }), NOW);
    expect(c).toMatchObject({ state: 'blackout', text: '停运 2/8', background: '#f0f0f0' });
    expect(c.title).toContain('道路封闭');
    expect(c.title).toContain('保留有效');
    expect(cellOf(cell({ blocked: true }), NOW).text).toBe('停运');
  });

  it('greys a slot closed by zero seats and dims one past its cut-off', () => {
    expect(cellOf(cell({ capacity: 0 }), NOW)).toMatchObject({ state: 'closed', text: '关闭' });
    const late = new Date('2026-12-08T01:00:00Z');
    expect(cellOf(cell({ booked: 1 }), late)).toMatchObject({ state: 'past', text: '1/8' });
    expect(cellOf(cell({ overridden: true }), NOW).title).toContain('单日容量已调整');
  });

  it('shows a dash where the day has no such slot', () => {
    expect(cellOf(undefined, NOW)).toMatchObject({ state: 'none', text: '—', cell: null });
  });
});

describe('buildSlotGrid', () => {
  const res: AdminSlotGridResponse = {
    storeId: 1,
    from: '2026-12-08',
    days: [
      { date: '2026-12-08', weekday: 2, storeClosed: false },
      { date: '2026-12-09', weekday: 3, storeClosed: true },
    ],
    zones: [{ id: 1, name: 'A', active: true, cutoffMin: 60 }],
    cells: [
      cell({ startLocal: '14:00', endLocal: '16:00', booked: 4 }),
      cell({ booked: 2 }),
      cell({ date: '2026-12-09', booked: 1 }),
      cell({ date: '2026-12-09', blocked: true, startLocal: '14:00', endLocal: '16:00' }),
      cell({ zoneId: 2, startLocal: '08:00', endLocal: '09:00' }),
    ],
  };

  it('lays out one column per day and one row per slot time of the zone, sorted', () => {
    const g = buildSlotGrid(res, 1, NOW);
    expect(g.columns).toEqual([
      { date: '2026-12-08', label: '12月8日 周二', storeClosed: false },
      { date: '2026-12-09', label: '12月9日 周三', storeClosed: true },
    ]);
    expect(g.rows.map((r) => r.key)).toEqual(['10:00-12:00', '14:00-16:00']);
    expect(g.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['2/8', '1/8'],
      ['4/8', '停运'],
    ]);
  });

  it('adds up a day without its blacked-out slots', () => {
    const g = buildSlotGrid(res, 1, NOW);
    expect(dayTotal(g, 0)).toEqual({ booked: 6, capacity: 16 });
    expect(dayTotal(g, 1)).toEqual({ booked: 1, capacity: 8 });
  });

  it('is empty for a zone with no slots', () => {
    expect(buildSlotGrid(res, 3, NOW).rows).toEqual([]);
  });
});
