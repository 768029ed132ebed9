import { In, type DataSource } from 'typeorm';
import type { LatLng, OrderStatus } from '@omni/shared-types';
import { NotFoundError } from '../../http/errors';
import { OrderEntity } from '../orders/order.entity';
import { SlotEntity, ZoneEntity } from '../slots/slot.entity';
import { CourierEntity, StoreEntity } from '../stores/store.entity';
import { UserRoleEntity } from '../members/member.entity';
import { RoutePlanEntity, RouteStopEntity } from './dispatch.entity';
import type { PlanJob, PlanVehicle } from './dispatch.problem';

/** Orders a plan takes: paid, already assigned (re-plans) and on the road (kept with their courier). */
const PLANNABLE: OrderStatus[] = ['paid', 'assigned', 'out_for_delivery'];

/** Seconds since 00:00 of `HH:MM`. */
export const clockS = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 3600 + m * 60;
};

/** What a plan starts from: the store, its couriers, the day's orders and the current plan. */
export interface DaySnapshot {
  store: StoreEntity;
  couriers: CourierEntity[];
  slotById: Map<number, SlotEntity>;
  /** Delivery orders of the day still to deliver (paid, assigned, out for delivery). */
  active: OrderEntity[];
  prev: RoutePlanEntity | null;
  prevByOrder: Map<number, RouteStopEntity>;
  /** Per courier, the stops of the current plan already visited or under way, in order. */
  fixedOf: Map<number, RouteStopEntity[]>;
  /** Each order's delivery point (GCJ-02). */
  pointOf: Map<number, LatLng>;
}

/** Reads a store's Shanghai day for planning; 404 STORE_NOT_FOUND for an unknown store. */
export async function loadDay(db: DataSource, storeId: number, date: string): Promise<DaySnapshot> {
  const store = await db.getRepository(StoreEntity).findOneBy({ id: storeId });
  if (!store) throw new NotFoundError('STORE_NOT_FOUND', '门店不存在');
  const all = await db.getRepository(CourierEntity).find({ where: { storeId }, order: { id: 'ASC' } });
  // A courier whose membership was disabled gets no stops (couriers never bound keep working).
  const disabled = all.length
    ? await db.getRepository(UserRoleEntity).find({
        where: { role: 'courier', disabled: true, courierId: In(all.map((c) => c.id)) },
        select: { courierId: true },
      })
    : [];
  const off = new Set(disabled.map((r) => r.courierId));
  const couriers = all.filter((c) => !off.has(c.id));
  const zones = await db.getRepository(ZoneEntity).findBy({ storeId });
  const slots = zones.length
    ? await db.getRepository(SlotEntity).findBy({ zoneId: In(zones.map((z) => z.id)), date })
    : [];
  const slotById = new Map(slots.map((s) => [s.id, s]));
  const active = slots.length
    ? await db.getRepository(OrderEntity).find({
        where: { slotId: In([...slotById.keys()]), type: 'delivery', status: In(PLANNABLE) },
        order: { id: 'ASC' },
      })
    : [];
  const prev = await db
    .getRepository(RoutePlanEntity)
    .findOne({ where: { storeId, date }, order: { version: 'DESC' } });
  const prevStops = prev
    ? await db.getRepository(RouteStopEntity).find({ where: { planId: prev.id }, order: { seq: 'ASC' } })
    : [];
  const fixedStops = prevStops.filter((s) => s.status !== 'pending');
  const fixedOrders = fixedStops.length
    ? await db.getRepository(OrderEntity).findBy({ id: In(fixedStops.map((s) => s.orderId)) })
    : [];
  const fixedOf = new Map<number, RouteStopEntity[]>();
  for (const s of fixedStops) fixedOf.set(s.courierId, [...(fixedOf.get(s.courierId) ?? []), s]);
  const pointOf = new Map<number, LatLng>(
    [...active, ...fixedOrders].map((o) => [o.id, { lat: o.lat ?? store.lat, lng: o.lng ?? store.lng }]),
  );
  return {
    store,
    couriers,
    slotById,
    active,
    prev,
    prevByOrder: new Map(prevStops.map((s) => [s.orderId, s])),
    fixedOf,
    pointOf,
  };
}

/** The places of a plan (store first), the jobs, which places belong to one courier, and where couriers on the road are. */
export interface PlanPlaces {
  points: LatLng[];
  ownerOf: Map<number, number>;
  jobs: PlanJob[];
  /** Couriers who already left: the place (index) and time (s) of their last stop. */
  lastIndex: Map<number, { index: number; atS: number }>;
}

/**
 * Turns a snapshot into solver places: each order still to deliver is a job (a parcel already on
 * the road is bound to its courier); stops made stay out of the solve. `toS` maps an instant to
 * seconds since the plan day's 00:00; `serviceS` is the handover time.
 */
export function placesOf(
  day: DaySnapshot,
  toS: (d: Date) => number,
  nowS: number,
  serviceS: number,
): PlanPlaces {
  const { store, couriers, slotById, active, prevByOrder, fixedOf, pointOf } = day;
  const points: LatLng[] = [{ lat: store.lat, lng: store.lng }];
  const ownerOf = new Map<number, number>();
  const jobs: PlanJob[] = [];
  const fixedIds = new Set([...fixedOf.values()].flat().map((s) => s.orderId));
  const courierIds = new Set(couriers.map((c) => c.id));
  const boundTo = (o: OrderEntity): number | null => {
    const s = prevByOrder.get(o.id);
    return o.status === 'out_for_delivery' && s && courierIds.has(s.courierId) ? s.courierId : null;
  };
  for (const o of active) {
    if (fixedIds.has(o.id)) continue;
    const slot = slotById.get(o.slotId!)!;
    const owner = boundTo(o);
    const index = points.push(pointOf.get(o.id)!) - 1;
    if (owner !== null) ownerOf.set(index, owner);
    jobs.push({
      orderId: o.id,
      index,
      demandL: o.volumeL,
      windowS: [toS(slot.startAt), toS(slot.endAt)],
      boundTo: owner,
    });
  }
  // Where each courier who already left is now: the last stop made, as a place of its own.
  const lastIndex = new Map<number, { index: number; atS: number }>();
  for (const c of couriers) {
    const done = fixedOf.get(c.id);
    const carries = jobs.some((j) => j.boundTo === c.id);
    if (!done?.length && !carries) continue;
    const last = done?.[done.length - 1];
    const at = last ? (last.doneAt ?? last.arrivedAt) : null;
    const index = points.push(last ? pointOf.get(last.orderId)! : points[0]) - 1;
    if (carries) ownerOf.set(index, c.id);
    lastIndex.set(c.id, { index, atS: at ? toS(at) + (last!.doneAt ? 0 : serviceS) : nowS });
  }
  return { points, ownerOf, jobs, lastIndex };
}

/**
 * Couriers as vehicles: a courier carrying parcels starts where it is; one with nothing left on
 * board starts at the store once back there; nobody leaves before its shift or before now.
 */
export function vehiclesOf(
  couriers: CourierEntity[],
  jobs: PlanJob[],
  lastIndex: PlanPlaces['lastIndex'],
  durationS: number[][],
  nowS: number,
): PlanVehicle[] {
  return couriers.map((c) => {
    const here = lastIndex.get(c.id);
    const carried = jobs.filter((j) => j.boundTo === c.id);
    const load = carried.reduce((n, j) => n + j.demandL, 0);
    const backS = here && !carried.length ? here.atS + durationS[here.index][0] : (here?.atS ?? 0);
    return {
      courierId: c.id,
      capacityL: Math.max(c.capacityL, load),
      startIndex: here && carried.length ? here.index : 0,
      startS: Math.max(clockS(c.shiftStart), nowS, backS),
      shiftEndS: clockS(c.shiftEnd),
    };
  });
}
