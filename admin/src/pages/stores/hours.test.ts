import {
  defaultRows,
  formatStoreDistance,
  hoursFromRows,
  remapHoursPath,
  rowProblem,
  rowsFromHours,
  todayLabel,
} from './hours';

describe('weekly hours rows', () => {
  it('lays the API hours out Monday to Sunday, a missing weekday closed', () => {
    const rows = rowsFromHours([
      { weekday: 0, open: '10:00', close: '20:00' },
      { weekday: 1, open: '09:00', close: '21:00' },
    ]);
    expect(rows.map((r) => [r.weekday, r.closed, r.open, r.close])).toEqual([
      [1, false, '09:00', '21:00'],
      [2, true, null, null],
      [3, true, null, null],
      [4, true, null, null],
      [5, true, null, null],
      [6, true, null, null],
      [0, false, '10:00', '20:00'],
    ]);
  });

  it('sends open days only, midnight as 24:00, and remembers which row each entry came from', () => {
    const rows = defaultRows();
    rows[0] = { ...rows[0], closed: true };
    rows[2] = { ...rows[2], close: '00:00' };
    const { hours, rowOf } = hoursFromRows(rows);
    expect(hours[0]).toEqual({ weekday: 2, open: '10:00', close: '22:00' });
    expect(hours[1]).toEqual({ weekday: 3, open: '10:00', close: '24:00' });
    expect(hours).toHaveLength(6);
    expect(rowOf).toEqual([1, 2, 3, 4, 5, 6]);
    expect(remapHoursPath('hours.1.close', rowOf)).toBe('hours.2.close');
    expect(remapHoursPath('hours.9', rowOf)).toBe('hours');
    expect(remapHoursPath('name', rowOf)).toBe('name');
  });

  it('keeps a second range of a weekday as it was, and reads 24:00 back as 00:00', () => {
    const api = [
      { weekday: 3, open: '08:00', close: '12:00' },
      { weekday: 3, open: '14:00', close: '24:00' },
    ];
    const rows = rowsFromHours(api);
    expect(rows[2]).toMatchObject({ open: '08:00', close: '12:00', extra: [api[1]] });
    expect(hoursFromRows(rows).hours).toEqual(api);
    expect(rowsFromHours([{ weekday: 1, open: '18:00', close: '24:00' }])[0].close).toBe('00:00');
  });

  it('asks for both times of an open day and refuses equal ones, not a closed day', () => {
    expect(rowProblem({ closed: true, open: null, close: null })).toBeNull();
    expect(rowProblem({ closed: false, open: null, close: '22:00' })).toEqual({
      field: 'open',
      message: '请选择开门时间',
    });
    expect(rowProblem({ closed: false, open: '10:00', close: null })?.field).toBe('close');
    expect(rowProblem({ closed: false, open: '10:00', close: '10:00' })).toEqual({
      field: 'close',
      message: '开门与打烊时间不能相同',
    });
    // Closing before opening runs past midnight: allowed.
    expect(rowProblem({ closed: false, open: '18:00', close: '02:00' })).toBeNull();
  });
});

describe('the pick-up card texts', () => {
  const hours = [{ weekday: 2, open: '10:00', close: '22:00' }];
  it("reads today's hours like the mini-program", () => {
    expect(todayLabel(hours, [], { date: '2026-12-08', weekday: 2 })).toBe('今日 10:00–22:00');
    expect(todayLabel(hours, ['2026-12-08'], { date: '2026-12-08', weekday: 2 })).toBe('今日休息');
    expect(todayLabel(hours, [], { date: '2026-12-09', weekday: 3 })).toBe('今日休息');
  });
  it('writes distances as the store list does', () => {
    expect(formatStoreDistance(860)).toBe('860 m');
    expect(formatStoreDistance(1234)).toBe('1.2 km');
  });
});
