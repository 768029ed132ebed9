import { In, type DataSource } from 'typeorm';
import type { OrderCourier } from '@omni/shared-types';
import { OrderEntity } from '../orders/order.entity';
import { CourierEntity, StoreEntity } from '../stores/store.entity';
import { RouteStopEntity } from './dispatch.entity';

/**
 * Who brings an order and when, from its newest plan: the courier's name, the stop's ETA and
 * window, how many stops come first, and the courier's last known position (a fresh live report,
 * else the last stop they completed, else the store). Null when the order is not in a plan or its stop is finished.
 */
export async function courierInfoFor(
  db: DataSource,
  orderId: number,
  live?: (courierId: number) => Promise<{ lat: number; lng: number } | null>,
): Promise<OrderCourier | null> {
  const stop = await db
    .getRepository(RouteStopEntity)
    .findOne({ where: { orderId }, order: { planId: 'DESC' } });
  if (!stop || (stop.status !== 'pending' && stop.status !== 'arrived')) return null;
  const [courier, before, done] = await Promise.all([
    db.getRepository(CourierEntity).findOneBy({ id: stop.courierId }),
    db.getRepository(RouteStopEntity).find({
      where: { planId: stop.planId, courierId: stop.courierId, status: In(['pending', 'arrived']) },
    }),
    db.getRepository(RouteStopEntity).find({
      where: { planId: stop.planId, courierId: stop.courierId, status: In(['delivered', 'failed']) },
      order: { doneAt: 'DESC' },
      take: 1,
    }),
  ]);
  if (!courier) return null;
  let position: { lat: number; lng: number } | null = live ? await live(courier.id) : null;
  if (!position && done[0]) {
    const last = await db.getRepository(OrderEntity).findOneBy({ id: done[0].orderId });
    if (last?.lat != null && last.lng != null) position = { lat: last.lat, lng: last.lng };
  }
  if (!position) {
    const store = await db.getRepository(StoreEntity).findOneBy({ id: courier.storeId });
    if (store) position = { lat: store.lat, lng: store.lng };
  }
  return {
    name: courier.name,
    etaAt: stop.etaAt.toISOString(),
    windowStart: stop.windowStart.toISOString(),
    windowEnd: stop.windowEnd.toISOString(),
    stopsBefore: before.filter((s) => s.seq < stop.seq).length,
    position,
  };
}
