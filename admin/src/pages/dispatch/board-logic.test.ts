import {
  ROUTE_PALETTE,
  UNASSIGNED_COLOR,
  boardMap,
  courierColors,
  etaView,
  formatWindow,
  latestPositions,
} from './board-logic';
import { board } from './fixtures';

describe('courier colours', () => {
  it('gives each courier its own colour by id, whatever order the routes come in', () => {
    const a = courierColors([30, 10, 20]);
    const b = courierColors([10, 20, 30, 20]);
    expect([...a.entries()]).toEqual([...b.entries()]);
    expect(a.get(10)).toBe(ROUTE_PALETTE[0]);
    expect(a.get(30)).toBe(ROUTE_PALETTE[2]);
    expect(new Set(a.values()).size).toBe(3);
  });

  it('starts the palette again past its end', () => {
    const ids = Array.from({ length: ROUTE_PALETTE.length + 1 }, (_, i) => i + 1);
    const c = courierColors(ids);
    expect(c.get(ROUTE_PALETTE.length + 1)).toBe(ROUTE_PALETTE[0]);
  });
});

describe('ETA against the window', () => {
  const window = { start: '2025-06-01T02:00:00.000Z', end: '2025-06-01T03:00:00.000Z' };

  it('shows Shanghai times', () => {
    expect(formatWindow(window)).toBe('10:00–11:00');
    expect(etaView({ eta: '2025-06-01T02:32:00.000Z', arrivedAt: null, window, late: false })).toEqual({
      time: '10:32',
      kind: '预计',
      window: '10:00–11:00',
      late: false,
      lateMin: null,
      text: '预计 10:32 · 时段 10:00–11:00',
    });
  });

  it('says how many minutes late a late stop is, from its arrival once arrived', () => {
    const v = etaView({
      eta: '2025-06-01T02:50:00.000Z',
      arrivedAt: '2025-06-01T03:11:30.000Z',
      window,
      late: true,
    });
    expect(v).toMatchObject({ kind: '到达', time: '11:11', lateMin: 12 });
    expect(v.text).toBe('到达 11:11 · 时段 10:00–11:00（晚 12 分钟）');
  });
});

describe('board map', () => {
  it('draws each route store → stops → store in its colour with numbered stops and grey unassigned orders', () => {
    const colors = courierColors([5, 6]);
    const { points, lines } = boardMap(board, colors, latestPositions(board.couriers, {}));
    expect(lines).toEqual([
      {
        id: 'route-5',
        path: [
          [121.44, 31.22],
          [121.45, 31.23],
          [121.46, 31.24],
          [121.44, 31.22],
        ],
        color: colors.get(5),
        width: 3,
      },
    ]);
    expect(points.filter((p) => p.badge).map((p) => [p.badge, p.color])).toEqual([
      ['1', colors.get(5)],
      ['2', colors.get(5)],
    ]);
    expect(points.find((p) => p.id === 'u-300')?.color).toBe(UNASSIGNED_COLOR);
    expect(points.find((p) => p.id === 'store')?.shape).toBe('square');
    expect(points.find((p) => p.id === 'c-5')).toMatchObject({
      shape: 'pin',
      at: [121.45, 31.23],
      label: '骑手甲',
    });
  });

  it('moves a courier to its newer live position and ignores older ones', () => {
    const live = {
      5: { courierId: 5, storeId: 1, lng: 121.5, lat: 31.3, at: '2025-06-01T02:05:00.000Z' },
      6: { courierId: 6, storeId: 1, lng: 121.6, lat: 31.4, at: '2025-06-01T01:00:00.000Z' },
    };
    const p = latestPositions(board.couriers, live);
    expect(p.get(5)).toEqual({ lng: 121.5, lat: 31.3, at: '2025-06-01T02:05:00.000Z' });
    expect(p.get(6)).toEqual({ lng: 121.6, lat: 31.4, at: '2025-06-01T01:00:00.000Z' });
    const older = latestPositions(board.couriers, {
      5: { courierId: 5, storeId: 1, lng: 0, lat: 0, at: '2025-06-01T01:00:00.000Z' },
    });
    expect(older.get(5)).toMatchObject({ lng: 121.45 });
  });
});
