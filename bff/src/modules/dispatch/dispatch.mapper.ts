import { In, type DataSource } from 'typeorm';
import type { DispatchPlan } from '@omni/shared-types';
import { OrderEntity } from '../orders/order.entity';
import type { CourierEntity } from '../stores/store.entity';
import { RouteStopEntity, type RoutePlanEntity } from './dispatch.entity';

/** A stored plan in wire shape: each courier's stops in order (metres and seconds per route), what was left out. */
export async function toDispatchPlan(
  db: DataSource,
  plan: RoutePlanEntity,
  couriers: CourierEntity[],
  distanceOf: Map<number, { distanceM: number; durationS: number }>,
): Promise<DispatchPlan> {
  const stops = await db
    .getRepository(RouteStopEntity)
    .find({ where: { planId: plan.id }, order: { courierId: 'ASC', seq: 'ASC' } });
  const orders = stops.length
    ? await db.getRepository(OrderEntity).findBy({ id: In(stops.map((s) => s.orderId)) })
    : [];
  const unassignedOrders = plan.unassigned.length
    ? await db.getRepository(OrderEntity).findBy({ id: In(plan.unassigned.map((u) => u.orderId)) })
    : [];
  const orderNo = new Map([...orders, ...unassignedOrders].map((o) => [o.id, o.orderNo]));
  return {
    planId: plan.id,
    storeId: plan.storeId,
    date: plan.date,
    version: plan.version,
    createdAt: plan.createdAt.toISOString(),
    routes: couriers
      .map((c) => ({
        courierId: c.id,
        courierName: c.name,
        stops: stops
          .filter((s) => s.courierId === c.id)
          .map((s) => ({
            stopId: s.id,
            seq: s.seq,
            orderId: s.orderId,
            orderNo: orderNo.get(s.orderId) ?? '',
            etaAt: s.etaAt.toISOString(),
            windowStart: s.windowStart.toISOString(),
            windowEnd: s.windowEnd.toISOString(),
            status: s.status,
          })),
        distanceM: distanceOf.get(c.id)?.distanceM ?? 0,
        durationS: distanceOf.get(c.id)?.durationS ?? 0,
      }))
      .filter((r) => r.stops.length > 0),
    unassigned: plan.unassigned.map((u) => ({ ...u, orderNo: orderNo.get(u.orderId) ?? '' })),
    summary: {
      orders: stops.length + plan.unassigned.length,
      distanceM: plan.distanceM,
      computingMs: plan.computingMs,
    },
  };
}
