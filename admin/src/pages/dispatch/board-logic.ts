// The dispatch board's pure parts: a fixed colour per courier, ETA against the booked window in
// Shanghai time, and the map's markers and polylines from the board and the live positions.
import type {
  BoardCourier,
  BoardStop,
  BoardWindow,
  CourierPositionEvent,
  DispatchBoard,
  StopStatus,
} from '@omni/shared-types';
import { TZ, dayjs } from '../../components/format';
import type { MapLine, MapPoint } from '../../map/GeoMap';
import type { LngLat } from '../../map/projection';

/** Route colours, told apart on the light map; a 13th courier starts again at the first. */
export const ROUTE_PALETTE = [
  '#1677ff',
  '#fa541c',
  '#52c41a',
  '#722ed1',
  '#eb2f96',
  '#13c2c2',
  '#fa8c16',
  '#2f54eb',
  '#a0d911',
  '#9254de',
  '#d4380d',
  '#08979c',
] as const;

/** Grey of orders in no route. */
export const UNASSIGNED_COLOR = '#8c8c8c';
export const STORE_COLOR = '#262626';

/**
 * Each courier's colour by its place among the store's couriers sorted by id, so a courier keeps
 * its colour when routes change (a reassignment, a re-plan) as long as the roster does not.
 */
export function courierColors(courierIds: number[]): Map<number, string> {
  const ids = [...new Set(courierIds)].sort((a, b) => a - b);
  return new Map(ids.map((id, i) => [id, ROUTE_PALETTE[i % ROUTE_PALETTE.length]]));
}

/** All couriers of the board: the roster plus any courier with a route but no longer listed. */
export function boardCourierIds(board: Pick<DispatchBoard, 'couriers' | 'routes'>): number[] {
  return [...new Set([...board.couriers.map((c) => c.id), ...board.routes.map((r) => r.courierId)])];
}

const hm = (iso: string) => dayjs(iso).tz(TZ).format('HH:mm');

/** `10:00–11:00` in Shanghai time. */
export function formatWindow(w: BoardWindow): string {
  return `${hm(w.start)}–${hm(w.end)}`;
}

export const STOP_STATUS_TEXT: Record<StopStatus, string> = {
  pending: '待配送',
  arrived: '已到达',
  delivered: '已送达',
  failed: '配送失败',
};

export interface EtaView {
  /** `10:32` (the arrival once arrived, else the ETA). */
  time: string;
  /** `预计` or `到达`. */
  kind: '预计' | '到达';
  window: string;
  late: boolean;
  /** Minutes after the window's end, when late (at least 1). */
  lateMin: number | null;
  /** `预计 10:32 · 时段 10:00–11:00`, with `（晚 12 分钟）` when late. */
  text: string;
}

/** A stop's ETA (or arrival) against its window; `late` is the server's call. */
export function etaView(stop: Pick<BoardStop, 'eta' | 'arrivedAt' | 'window' | 'late'>): EtaView {
  const at = stop.arrivedAt ?? stop.eta;
  const kind = stop.arrivedAt ? '到达' : '预计';
  const window = formatWindow(stop.window);
  const overMin = Math.ceil((Date.parse(at) - Date.parse(stop.window.end)) / 60_000);
  const lateMin = stop.late ? Math.max(1, overMin) : null;
  const time = hm(at);
  const text = `${kind} ${time} · 时段 ${window}${lateMin ? `（晚 ${lateMin} 分钟）` : ''}`;
  return { time, kind, window, late: stop.late, lateMin, text };
}

/** `12.3 km`. */
export const km = (x: number): string => `${x.toFixed(1)} km`;

/** Last known position of each courier: the board's, replaced by any newer live event. */
export function latestPositions(
  couriers: BoardCourier[],
  live: Record<number, CourierPositionEvent>,
): Map<number, { lng: number; lat: number; at: string }> {
  const out = new Map<number, { lng: number; lat: number; at: string }>();
  for (const c of couriers) if (c.position) out.set(c.id, c.position);
  for (const e of Object.values(live)) {
    const had = out.get(e.courierId);
    if (!had || Date.parse(e.at) >= Date.parse(had.at))
      out.set(e.courierId, { lng: e.lng, lat: e.lat, at: e.at });
  }
  return out;
}

const ll = (p: { lng: number; lat: number }): LngLat => [p.lng, p.lat];

/**
 * The map of the board: the store (square), each route as a polyline store → stops → store in its
 * courier's colour with numbered stops, orders in no route as grey dots, couriers as pins.
 */
export function boardMap(
  board: DispatchBoard,
  colors: Map<number, string>,
  positions: Map<number, { lng: number; lat: number; at: string }>,
  onStop?: (orderId: number) => void,
): { points: MapPoint[]; lines: MapLine[] } {
  const store = ll(board.store.location);
  const lines: MapLine[] = board.routes
    .filter((r) => r.stops.length > 0)
    .map((r) => ({
      id: `route-${r.courierId}`,
      path: [store, ...r.stops.map((s) => ll(s.location)), store],
      color: colors.get(r.courierId) ?? ROUTE_PALETTE[0],
      width: 3,
    }));
  const points: MapPoint[] = [];
  for (const u of board.unassigned) {
    points.push({
      id: `u-${u.orderId}`,
      at: ll(u.location),
      color: UNASSIGNED_COLOR,
      size: 7,
      title: `${u.orderNo} 未分配：${u.reason}\n${u.address}`,
      onClick: onStop && (() => onStop(u.orderId)),
    });
  }
  for (const r of board.routes) {
    for (const s of r.stops) {
      points.push({
        id: `s-${s.stopId}`,
        at: ll(s.location),
        color: colors.get(r.courierId) ?? ROUTE_PALETTE[0],
        badge: String(s.seq),
        title: `${r.courierName} 第 ${s.seq} 站 · ${s.orderNo}${s.late ? '（迟到）' : ''}\n${s.address}\n${etaView(s).text}`,
        onClick: onStop && (() => onStop(s.orderId)),
      });
    }
  }
  points.push({
    id: 'store',
    at: store,
    color: STORE_COLOR,
    shape: 'square',
    size: 8,
    label: board.store.name,
    title: `门店：${board.store.name}`,
  });
  const names = new Map(board.couriers.map((c) => [c.id, c.name]));
  for (const r of board.routes) if (!names.has(r.courierId)) names.set(r.courierId, r.courierName);
  for (const [id, p] of positions) {
    points.push({
      id: `c-${id}`,
      at: ll(p),
      color: colors.get(id) ?? ROUTE_PALETTE[0],
      shape: 'pin',
      size: 9,
      label: names.get(id) ?? `骑手 #${id}`,
      title: `${names.get(id) ?? `骑手 #${id}`} · 位置更新于 ${hm(p.at)}`,
    });
  }
  return { points, lines };
}
