import { In, type DataSource } from 'typeorm';
import {
  BOARD_UNASSIGNED_TEXT,
  type BoardRoute,
  type BoardStop,
  type BoardUnassigned,
  type DispatchBoard,
  type LatLng,
} from '@omni/shared-types';
import type { GeoProvider } from '../../adapters/geo';
import { haversineM } from '../../algorithms/geo';
import type { Logger } from '../../logger';
import { OrderEntity } from '../orders/order.entity';
import { CourierEntity, type StoreEntity } from '../stores/store.entity';
import { CourierPositionEntity } from './courier-position';
import type { RouteStopEntity } from './dispatch.entity';
import { loadDay } from './dispatch.snapshot';

/** Metres → kilometres, two decimals. */
const km = (m: number): number => Math.round(m / 10) / 100;

const addressOf = (o: OrderEntity): string => [o.addressText, o.addressDetail].filter(Boolean).join(' ');

const locationOf = (o: OrderEntity, store: StoreEntity): LatLng => ({
  lat: o.lat ?? store.lat,
  lng: o.lng ?? store.lng,
});

/**
 * Length of store → `points` → store in metres, by e-bike road distance from the geo provider
 * (straight lines when it fails: the board must still open).
 */
export async function loopDistanceM(
  geo: GeoProvider,
  log: Logger,
  home: LatLng,
  points: LatLng[],
): Promise<number> {
  if (!points.length) return 0;
  const path = [home, ...points, home];
  try {
    const m = await geo.matrix(path.slice(0, -1), path.slice(1), 'ebike');
    return path.slice(1).reduce((n, _, k) => n + (m.distanceM[k]?.[k] ?? 0), 0);
  } catch (err) {
    log.warn({ err }, 'board distance failed; using straight lines');
    return path.slice(1).reduce((n, p, k) => n + haversineM(path[k], p), 0);
  }
}

/** Service starts after the window: on arrival when arrived, else at the ETA. A cancelled order is never late. */
function isLate(s: RouteStopEntity, o: OrderEntity | undefined): boolean {
  if (o?.status === 'cancelled') return false;
  return (s.arrivedAt ?? s.etaAt).getTime() > s.windowEnd.getTime();
}

/**
 * The dispatch board of a store's Shanghai day: the current plan's routes (stops numbered from 1,
 * late against their windows), the day's orders waiting for dispatch in no route and why, the
 * couriers with their last reported position, and totals. 404 STORE_NOT_FOUND for an unknown store.
 */
export async function buildBoard(
  deps: { db: DataSource; geo: GeoProvider; log: Logger },
  storeId: number,
  date: string,
): Promise<DispatchBoard> {
  const { db } = deps;
  const day = await loadDay(db, storeId, date);
  const { store, couriers, slotById, active, prev } = day;
  const stops = [...day.prevByOrder.values()].sort((a, b) => a.courierId - b.courierId || a.seq - b.seq);
  const known = new Set(active.map((o) => o.id));
  const others = stops.map((s) => s.orderId).filter((id) => !known.has(id));
  const orders = new Map(
    [...active, ...(others.length ? await db.getRepository(OrderEntity).findBy({ id: In(others) }) : [])].map(
      (o) => [o.id, o],
    ),
  );
  const onRoute = [...new Set(stops.map((s) => s.courierId))].filter(
    (id) => !couriers.some((c) => c.id === id),
  );
  const riders = [
    ...couriers,
    ...(onRoute.length ? await db.getRepository(CourierEntity).findBy({ id: In(onRoute) }) : []),
  ];
  const positions = couriers.length
    ? await db.getRepository(CourierPositionEntity).findBy({ courierId: In(couriers.map((c) => c.id)) })
    : [];

  const routes: BoardRoute[] = [];
  for (const c of riders) {
    const mine = stops.filter((s) => s.courierId === c.id);
    if (!mine.length) continue;
    const rows: BoardStop[] = mine.map((s, k) => {
      const o = orders.get(s.orderId);
      return {
        stopId: s.id,
        orderId: s.orderId,
        orderNo: o?.orderNo ?? '',
        seq: k + 1,
        location: o ? locationOf(o, store) : { lat: store.lat, lng: store.lng },
        address: o ? addressOf(o) : '',
        eta: s.etaAt.toISOString(),
        window: { start: s.windowStart.toISOString(), end: s.windowEnd.toISOString() },
        late: isLate(s, o),
        status: s.status,
        orderStatus: o?.status ?? 'cancelled',
        arrivedAt: s.arrivedAt?.toISOString() ?? null,
        doneAt: s.doneAt?.toISOString() ?? null,
      };
    });
    const m = await loopDistanceM(
      deps.geo,
      deps.log,
      { lat: store.lat, lng: store.lng },
      rows.map((r) => r.location),
    );
    routes.push({ courierId: c.id, courierName: c.name, distanceKm: km(m), stops: rows });
  }

  const reasonOf = new Map((prev?.unassigned ?? []).map((u) => [u.orderId, u.reason]));
  const unassigned: BoardUnassigned[] = active
    .filter((o) => !day.prevByOrder.has(o.id))
    .map((o) => {
      const slot = slotById.get(o.slotId!)!;
      const code = reasonOf.get(o.id) ?? 'NOT_PLANNED';
      return {
        orderId: o.id,
        orderNo: o.orderNo,
        orderStatus: o.status,
        location: locationOf(o, store),
        address: addressOf(o),
        window: { start: slot.startAt.toISOString(), end: slot.endAt.toISOString() },
        reasonCode: code,
        reason: BOARD_UNASSIGNED_TEXT[code],
      };
    });

  const served = routes.flatMap((r) => r.stops).filter((s) => s.orderStatus !== 'cancelled');
  const totalM = routes.reduce((n, r) => n + r.distanceKm * 1000, 0);
  return {
    date,
    storeId: store.id,
    store: { id: store.id, name: store.name, location: { lat: store.lat, lng: store.lng } },
    planned: prev !== null,
    plannedAt: prev?.createdAt.toISOString() ?? null,
    planId: prev?.id ?? null,
    version: prev?.version ?? null,
    routes,
    unassigned,
    couriers: couriers.map((c) => {
      const at = positions.find((x) => x.courierId === c.id);
      return {
        id: c.id,
        name: c.name,
        capacityL: c.capacityL,
        position: at ? { lng: at.lng, lat: at.lat, at: at.reportedAt.toISOString() } : null,
      };
    }),
    totals: {
      orders: served.length + unassigned.length,
      assigned: served.length,
      late: served.filter((s) => s.late).length,
      distanceKm: km(totalM),
    },
  };
}
