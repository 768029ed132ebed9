import Router from '@koa/router';
import { z } from 'zod';
import { In, type DataSource } from 'typeorm';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CoordSystem, Lat, Lng } from '@omni/shared-types';
import { toGcj02 } from '../../algorithms/geo';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import { principalOf } from '../../http/auth';
import type { AppState, Principal } from '../../http/context';
import { ForbiddenError } from '../../http/errors';
import type { Permission } from '../../http/permissions';
import { enforceLimit, type RateLimiter } from '../../http/rate-limit';
import { parse } from '../../http/validate';
import { rooms, type Realtime } from '../../realtime/realtime';
import { OrderEntity } from '../orders/order.entity';
import { CourierEntity } from '../stores/store.entity';
import { RoutePlanEntity, RouteStopEntity } from './dispatch.entity';

/** A courier's last reported position (GCJ-02), shown to the customers still waiting. */
@Entity({ name: 'courier_positions' })
export class CourierPositionEntity {
  @PrimaryColumn({ name: 'courier_id', type: 'int' })
  courierId!: number;

  @Column({ type: 'double' })
  lat!: number;

  @Column({ type: 'double' })
  lng!: number;

  @Column({ name: 'reported_at', type: 'datetime' })
  reportedAt!: Date;
}

/** `POST /courier/position` body. */
export const CourierPositionBody = z.strictObject({ lat: Lat, lng: Lng, coord: CoordSystem });

/** How long a reported position is shown before the last delivered stop is used instead. */
export const POSITION_FRESH_MS = 10 * 60_000;

/** Live courier positions: stored once per courier, pushed to the customers of stops still to come. */
export class CourierPositionService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      realtime: Realtime;
      limiter: RateLimiter;
      clock: Clock;
    },
  ) {}

  /** Records the caller's position and tells the customers of their pending stops and the store's dispatch board. */
  async report(p: Principal, body: z.infer<typeof CourierPositionBody>): Promise<{ customersTold: number }> {
    if (p.role !== 'courier' || !p.courierId) throw new ForbiddenError('仅骑手可上报位置');
    await enforceLimit(this.deps.limiter, `courier-pos:${p.courierId}`, 10, 10);
    const at = toGcj02({ lat: body.lat, lng: body.lng }, body.coord);
    const now = this.deps.clock.now();
    await this.deps.tx.run((m) =>
      m
        .getRepository(CourierPositionEntity)
        .save({ courierId: p.courierId!, lat: at.lat, lng: at.lng, reportedAt: now }),
    );
    const courier = await this.deps.db.getRepository(CourierEntity).findOneBy({ id: p.courierId });
    if (courier) {
      // The back office's dispatch board of the courier's store (see dispatch-board.socket.ts).
      this.deps.realtime.emit(rooms.storeDispatch(courier.storeId), 'courier:position', {
        courierId: courier.id,
        storeId: courier.storeId,
        lng: at.lng,
        lat: at.lat,
        at: now.toISOString(),
      });
    }
    const stops = await this.deps.db.getRepository(RouteStopEntity).find({
      where: { courierId: p.courierId, status: In(['pending', 'arrived']) },
      order: { planId: 'DESC', seq: 'ASC' },
    });
    const latestPlan = stops[0]?.planId;
    const mine = stops.filter((s) => s.planId === latestPlan);
    if (!mine.length || !courier) return { customersTold: 0 };
    const plan = await this.deps.db.getRepository(RoutePlanEntity).findOneBy({ id: latestPlan });
    const orders = await this.deps.db
      .getRepository(OrderEntity)
      .findBy({ id: In(mine.map((s) => s.orderId)) });
    mine.forEach((s, k) => {
      const o = orders.find((x) => x.id === s.orderId);
      if (!o || !plan) return;
      this.deps.realtime.emit(rooms.user(o.userId), 'order:eta', {
        orderId: o.id,
        etaAt: s.etaAt.toISOString(),
        windowStart: s.windowStart.toISOString(),
        windowEnd: s.windowEnd.toISOString(),
        courierName: courier.name,
        stopsBefore: k,
        courierPosition: at,
      });
    });
    return { customersTold: mine.length };
  }

  /** A fresh reported position of the courier, or null. */
  async fresh(courierId: number): Promise<{ lat: number; lng: number } | null> {
    const row = await this.deps.db.getRepository(CourierPositionEntity).findOneBy({ courierId });
    if (!row || this.deps.clock.now().getTime() - row.reportedAt.getTime() > POSITION_FRESH_MS) return null;
    return { lat: row.lat, lng: row.lng };
  }
}

/** Who may call each route of `courierPositionRoutes` (see permission-table.ts). */
export const courierPositionPermissions: Permission[] = [
  { method: 'POST', path: '/courier/position', roles: ['courier'] },
];

/** `POST /courier/position`. */
export function courierPositionRoutes(positions: CourierPositionService): Router<AppState> {
  const r = new Router<AppState>();
  r.post('/courier/position', async (ctx) => {
    ctx.body = await positions.report(
      principalOf(ctx.state),
      parse(CourierPositionBody, ctx.request.body, '位置'),
    );
  });
  return r;
}
