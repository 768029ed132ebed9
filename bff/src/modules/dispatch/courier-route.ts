import { In, type DataSource, type EntityManager } from 'typeorm';
import type { CourierRoute, CourierStop, LatLng } from '@omni/shared-types';
import type { GeoProvider } from '../../adapters/geo';
import type { Logger } from '../../logger';
import { DELIVERY_CODE_MAX_ATTEMPTS } from '../../lib/delivery-code';
import { OrderEntity, OrderItemEntity } from '../orders/order.entity';
import type { CourierEntity, StoreEntity } from '../stores/store.entity';
import { RouteStopEntity, type RoutePlanEntity } from './dispatch.entity';

/** `13800001234` → `138****1234`. */
export function maskPhone(phone: string | null): string {
  if (!phone) return '';
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** Maps stops of one plan (with their orders) to what the courier app shows. */
export async function toCourierStops(
  m: EntityManager | DataSource,
  stops: RouteStopEntity[],
): Promise<CourierStop[]> {
  if (!stops.length) return [];
  const ids = stops.map((s) => s.orderId);
  const [orders, items] = await Promise.all([
    m.getRepository(OrderEntity).findBy({ id: In(ids) }),
    m.getRepository(OrderItemEntity).findBy({ orderId: In(ids) }),
  ]);
  const byId = new Map(orders.map((o) => [o.id, o]));
  return stops.map((s) => {
    const o = byId.get(s.orderId)!;
    return {
      stopId: s.id,
      seq: s.seq,
      orderId: o.id,
      orderNo: o.orderNo,
      orderStatus: o.status,
      customerName: o.contactName ?? '',
      phoneMasked: maskPhone(o.contactPhone),
      address: [o.addressText, o.addressDetail].filter(Boolean).join(' '),
      lat: o.lat ?? 0,
      lng: o.lng ?? 0,
      windowStart: s.windowStart.toISOString(),
      windowEnd: s.windowEnd.toISOString(),
      etaAt: s.etaAt.toISOString(),
      parcels: items.filter((i) => i.orderId === o.id).reduce((n, i) => n + i.quantity, 0),
      volumeL: o.volumeL,
      status: s.status,
      arrivedAt: s.arrivedAt?.toISOString() ?? null,
      doneAt: s.doneAt?.toISOString() ?? null,
      failReason: s.failReason,
      codeAttemptsLeft: Math.max(0, DELIVERY_CODE_MAX_ATTEMPTS - o.deliveryCodeFailures),
    };
  });
}

/** Builds a courier's route of one plan: stops in order, the store, and a polyline store → stops → store. */
export class CourierRoutes {
  constructor(private readonly deps: { db: DataSource; geo: GeoProvider; log: Logger }) {}

  /** The route of `courier` in `plan` (GCJ-02 polyline; straight segments when the provider fails). */
  async build(plan: RoutePlanEntity, courier: CourierEntity, store: StoreEntity): Promise<CourierRoute> {
    const rows = await this.deps.db
      .getRepository(RouteStopEntity)
      .find({ where: { planId: plan.id, courierId: courier.id }, order: { seq: 'ASC' } });
    const stops = await toCourierStops(this.deps.db, rows);
    const home: LatLng = { lat: store.lat, lng: store.lng };
    const points = stops.length ? [home, ...stops.map((s) => ({ lat: s.lat, lng: s.lng })), home] : [];
    const mode = courier.vehicle;
    const legs = await Promise.all(
      points.slice(1).map(async (to, i) => {
        const from = points[i];
        try {
          return await this.deps.geo.route(from, to, mode);
        } catch (err) {
          this.deps.log.warn({ err }, 'route leg failed; drawing a straight segment');
          return { distanceM: 0, durationS: 0, polyline: [from, to] };
        }
      }),
    );
    const polyline: LatLng[] = [];
    for (const leg of legs) {
      const pts = leg.polyline.length ? leg.polyline : [];
      polyline.push(...(polyline.length ? pts.slice(1) : pts));
    }
    return {
      planned: true,
      planId: plan.id,
      version: plan.version,
      date: plan.date,
      courierId: courier.id,
      store: { id: store.id, name: store.name, lat: store.lat, lng: store.lng, phone: store.phone },
      stops,
      polyline,
      distanceM: legs.reduce((n, l) => n + l.distanceM, 0),
    };
  }
}
