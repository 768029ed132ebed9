import type { AdminSlotCell, AdminSlotGridResponse } from '@omni/shared-types';
import { rescheduleChoices, zoneOfSlot } from './reschedule-slots';

const now = new Date('2026-12-08T00:00:00.000Z');
const cell = (over: Partial<AdminSlotCell>): AdminSlotCell => ({
  zoneId: 2,
  slotId: 10,
  date: '2026-12-08',
  startLocal: '10:00',
  endLocal: '11:00',
  capacity: 4,
  booked: 1,
  blocked: false,
  blockReason: null,
  cutoffAt: '2026-12-08T01:00:00.000Z',
  generated: true,
  overridden: false,
  ...over,
});
const gridOf = (cells: AdminSlotCell[], zoneIds = [2, 4]): AdminSlotGridResponse => ({
  storeId: 1,
  from: '2026-12-08',
  days: [{ date: '2026-12-08', weekday: 2, storeClosed: false }],
  zones: zoneIds.map((id) => ({ id, name: `区 ${id}`, active: true, cutoffMin: 60 })),
  cells,
});

describe('zoneOfSlot', () => {
  it.each([
    ['the zone of the current slot', gridOf([cell({}), cell({ zoneId: 4, slotId: 11 })]), 11, 4],
    ['the only zone when the current slot is not shown', gridOf([cell({})], [2]), 99, 2],
    ['nothing when several zones and the current slot is not shown', gridOf([cell({})]), 99, null],
  ])('answers %s', (_, grid, current, zoneId) => {
    expect(zoneOfSlot(grid, current)).toBe(zoneId);
  });
});

describe('rescheduleChoices', () => {
  it('enables only open slots with a row, sorted by time, saying why the others cannot be chosen', () => {
    const grid = gridOf([
      cell({ slotId: 15, startLocal: '18:00', endLocal: '19:00', capacity: 0, booked: 0 }),
      cell({ slotId: 10 }),
      cell({ slotId: 12, startLocal: '12:00', endLocal: '13:00' }),
      cell({ slotId: 13, startLocal: '14:00', endLocal: '15:00', booked: 4 }),
      cell({ slotId: 14, startLocal: '16:00', endLocal: '17:00', cutoffAt: '2026-12-07T23:00:00.000Z' }),
      cell({ slotId: null, startLocal: '20:00', endLocal: '21:00', generated: false, booked: 0 }),
    ]);
    const { zoneId, days } = rescheduleChoices(grid, 10, now);
    expect(zoneId).toBe(2);
    expect(days[0].label).toBe('12月8日 周二');
    expect(days[0].choices.map((c) => [c.timeText, c.note, c.disabled])).toEqual([
      ['10:00-11:00', '当前时段', true],
      ['12:00-13:00', '剩余 3 个名额', false],
      ['14:00-15:00', '已约满', true],
      ['16:00-17:00', '已截单', true],
      ['18:00-19:00', '关闭', true],
      // Not opened by any customer yet: still a choice (the BFF makes the day's slots on saving).
      ['20:00-21:00', '剩余 4 个名额', false],
    ]);
  });
});
