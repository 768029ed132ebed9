import { randomBytes } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type {
  CourierRoute,
  CourierStop,
  DeliveryProof,
  OrderStatus,
  PhotoUploadResponse,
  StopActionResponse,
} from '@omni/shared-types';
import type { LocalFileStore } from '../../adapters/file-store';
import type { GeoProvider } from '../../adapters/geo';
import type { Clock } from '../../clock';
import { isUniqueViolation, type TxRunner } from '../../db/tx';
import type { Principal } from '../../http/context';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
} from '../../http/errors';
import { shanghaiDate } from '../../lib/shanghai-time';
import type { Logger } from '../../logger';
import { rooms, type Realtime } from '../../realtime/realtime';
import type { Actor, OrderLifecycle } from '../orders/order-lifecycle';
import { OrderEntity } from '../orders/order.entity';
import { CourierEntity, StoreEntity } from '../stores/store.entity';
import { toCourierStops, type CourierRoutes } from './courier-route';
import type { DeliveryCodeGuard } from './delivery-code-guard';
import { CourierPhotoEntity, RoutePlanEntity, RouteStopEntity, StopEventEntity } from './dispatch.entity';

/** A stop action as the courier sends it. */
export type StopAction =
  | { kind: 'arrive'; clientEventId: string }
  | { kind: 'deliver'; clientEventId: string; proof: DeliveryProof }
  | { kind: 'fail'; clientEventId: string; reason: string };

/** Largest proof photo, bytes. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

const OPEN_STOP = ['pending', 'arrived'] as const;

interface Change {
  orderId: number;
  from: OrderStatus;
  to: OrderStatus;
  reason: string;
}

/** The courier app: own route, stop events (idempotent by client event id), proof photos. */
export class CourierService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      lifecycle: OrderLifecycle;
      geo: GeoProvider;
      realtime: Realtime;
      routes: CourierRoutes;
      clock: Clock;
      log: Logger;
      /** Counts wrong delivery codes and locks the order at the limit. */
      codes: DeliveryCodeGuard;
      /** Where proof photos are kept (at the top of the store: never served). */
      files: LocalFileStore;
      serviceS?: number;
    },
  ) {}

  private async courierOf(p: Principal): Promise<CourierEntity> {
    const c =
      p.courierId === null
        ? null
        : await this.deps.db.getRepository(CourierEntity).findOneBy({ id: p.courierId });
    if (!c) throw new ForbiddenError('仅骑手可用');
    return c;
  }

  private latestPlan(storeId: number, date: string, m?: EntityManager): Promise<RoutePlanEntity | null> {
    return (m ?? this.deps.db.manager)
      .getRepository(RoutePlanEntity)
      .findOne({ where: { storeId, date }, order: { version: 'DESC' } });
  }

  /**
   * The caller's route of `date` (default today in Shanghai). Before the store's first plan of
   * that day the answer is still 200, `planned: false` with no stops and the store to call, so
   * a newly bound courier's screen opens and says why it is empty.
   */
  async route(p: Principal, date: string | undefined): Promise<CourierRoute> {
    const courier = await this.courierOf(p);
    const day = date ?? shanghaiDate(this.deps.clock.now());
    const plan = await this.latestPlan(courier.storeId, day);
    const store = await this.deps.db.getRepository(StoreEntity).findOneByOrFail({ id: courier.storeId });
    if (!plan) {
      return {
        planned: false,
        planId: null,
        version: null,
        date: day,
        courierId: courier.id,
        store: { id: store.id, name: store.name, lat: store.lat, lng: store.lng, phone: store.phone },
        stops: [],
        polyline: [],
        distanceM: 0,
      };
    }
    return this.deps.routes.build(plan, courier, store);
  }

  /**
   * Applies arrive / deliver / fail to one of the caller's stops. The first deliver or fail moves
   * the order; the courier's first action of the day sets every parcel of the route on its way.
   * A replayed `clientEventId` answers what the first call answered and changes nothing.
   */
  async act(p: Principal, stopId: number, action: StopAction): Promise<StopActionResponse> {
    const courier = await this.courierOf(p);
    const current = await this.currentStop(courier, stopId);
    const replay = await this.replayOf(courier.id, current.orderId, action);
    if (replay) return replay;
    if (action.kind === 'deliver') await this.checkProof(courier, current.orderId, action.proof);
    const now = this.deps.clock.now();
    const actor: Actor = { type: 'courier', id: p.userId };
    let outcome: { stop: CourierStop; changes: Change[] };
    try {
      outcome = await this.deps.tx.run(async (m) => {
        const changes = await this.setOff(m, current.planId, courier.id, actor);
        const stop = await m.getRepository(RouteStopEntity).findOneByOrFail({ id: current.id });
        if (action.kind === 'arrive') {
          if (stop.status === 'pending')
            await this.updateStop(m, stop, ['pending'], { status: 'arrived', arrivedAt: now });
          else if (stop.status !== 'arrived') throw new ConflictError('INVALID_STATE', '该站点已完成');
        } else {
          if (!(OPEN_STOP as readonly string[]).includes(stop.status)) {
            throw new ConflictError('INVALID_STATE', '该站点已完成，不能重复操作');
          }
          const to: OrderStatus = action.kind === 'deliver' ? 'delivered' : 'delivery_failed';
          const reason =
            action.kind === 'deliver'
              ? action.proof.type === 'code'
                ? '骑手已送达（收货码核验）'
                : '骑手已送达（拍照留证）'
              : `配送失败：${action.reason}`;
          await this.updateStop(m, stop, [...OPEN_STOP], {
            status: action.kind === 'deliver' ? 'delivered' : 'failed',
            arrivedAt: stop.arrivedAt ?? now,
            doneAt: now,
            proofType: action.kind === 'deliver' ? action.proof.type : null,
            proofRef:
              action.kind === 'deliver' && action.proof.type === 'photo' ? action.proof.photoId : null,
            failReason: action.kind === 'fail' ? action.reason : null,
          });
          const from = await this.deps.lifecycle.transitionIn(
            m,
            stop.orderId,
            ['out_for_delivery'],
            to,
            actor,
            reason,
          );
          if (from === null) throw new ConflictError('INVALID_STATE', '订单当前状态不允许此操作');
          if (action.kind === 'deliver' && action.proof.type === 'code') {
            await this.deps.codes.assertOpenIn(m, stop.orderId);
          }
          changes.push({ orderId: stop.orderId, from, to, reason });
        }
        const [dto] = await toCourierStops(m, [
          await m.getRepository(RouteStopEntity).findOneByOrFail({ id: stop.id }),
        ]);
        await m.getRepository(StopEventEntity).insert({
          clientEventId: action.clientEventId,
          courierId: courier.id,
          orderId: stop.orderId,
          action: action.kind,
          result: JSON.stringify(dto),
          createdAt: now,
        });
        return { stop: dto, changes };
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // The same event arrived twice at once; the other copy won: answer what it answered.
      const again = await this.replayOf(courier.id, current.orderId, action);
      if (again) return again;
      throw err;
    }
    for (const c of outcome.changes) this.deps.lifecycle.notifyChange(c.orderId, c.from, c.to, c.reason);
    void this.afterAction(current.planId, courier, outcome.stop).catch((err: unknown) =>
      this.deps.log.warn({ err, stopId }, 'courier push failed'),
    );
    return { stop: outcome.stop, replayed: false };
  }

  /** Stores a JPEG/PNG proof photo (≤ 2 MB) from the calling courier. */
  async upload(p: Principal, contentType: string, bytes: Buffer): Promise<PhotoUploadResponse> {
    const courier = await this.courierOf(p);
    const ext = contentType === 'image/png' ? 'png' : 'jpg';
    const magicOk =
      ext === 'png'
        ? bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
        : bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]));
    if (!magicOk) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '照片必须是 JPEG 或 PNG');
    if (bytes.length > MAX_PHOTO_BYTES) throw new AppError(413, 'PAYLOAD_TOO_LARGE', '照片不能超过 2 MB');
    const photoId = randomBytes(12).toString('base64url');
    await this.deps.files.put(`${photoId}.${ext}`, bytes);
    await this.deps.tx.run((m) =>
      m.getRepository(CourierPhotoEntity).insert({
        photoId,
        courierId: courier.id,
        contentType,
        sizeBytes: bytes.length,
        createdAt: this.deps.clock.now(),
      }),
    );
    return { photoId, sizeBytes: bytes.length };
  }

  private async replayOf(
    courierId: number,
    orderId: number,
    action: StopAction,
  ): Promise<StopActionResponse | null> {
    const seen = await this.deps.db
      .getRepository(StopEventEntity)
      .findOneBy({ clientEventId: action.clientEventId });
    if (!seen) return null;
    if (seen.courierId !== courierId || seen.orderId !== orderId || seen.action !== action.kind) {
      throw new ConflictError('IDEMPOTENCY_KEY_REUSED', '该事件编号已用于另一个操作');
    }
    return { stop: JSON.parse(seen.result) as CourierStop, replayed: true };
  }

  /** The stop's row in the latest plan, if it is the caller's; 404 STOP_NOT_FOUND otherwise. */
  private async currentStop(courier: CourierEntity, stopId: number): Promise<RouteStopEntity> {
    const repo = this.deps.db.getRepository(RouteStopEntity);
    const stop = await repo.findOneBy({ id: stopId });
    const plan = stop && (await this.deps.db.getRepository(RoutePlanEntity).findOneBy({ id: stop.planId }));
    const latest =
      plan && plan.storeId === courier.storeId ? await this.latestPlan(plan.storeId, plan.date) : null;
    const current =
      stop && latest ? await repo.findOneBy({ planId: latest.id, orderId: stop.orderId }) : null;
    if (!current || current.courierId !== courier.id || stop!.courierId !== courier.id) {
      throw new NotFoundError('STOP_NOT_FOUND', '站点不存在');
    }
    return current;
  }

  private async checkProof(courier: CourierEntity, orderId: number, proof: DeliveryProof): Promise<void> {
    if (proof.type === 'code') return this.deps.codes.verify(orderId, proof.code);
    const photo = await this.deps.db
      .getRepository(CourierPhotoEntity)
      .findOneBy({ photoId: proof.photoId, courierId: courier.id });
    if (!photo) throw new UnprocessableError('PHOTO_NOT_FOUND', '照片不存在，请重新上传');
  }

  /** Updates the order's stop in every plan version (so a re-plan copies it), conditionally on its status. */
  private async updateStop(
    m: EntityManager,
    stop: RouteStopEntity,
    from: string[],
    set: Partial<RouteStopEntity>,
  ): Promise<void> {
    const res = await m
      .createQueryBuilder()
      .update(RouteStopEntity)
      .set(set)
      .where('order_id = :orderId AND courier_id = :courierId AND status IN (:...from)', {
        orderId: stop.orderId,
        courierId: stop.courierId,
        from,
      })
      .execute();
    if (!res.affected) throw new ConflictError('INVALID_STATE', '站点刚刚被更新，请刷新');
  }

  /** The courier's first action of the day: every assigned parcel of the route goes out for delivery. */
  private async setOff(m: EntityManager, planId: number, courierId: number, actor: Actor): Promise<Change[]> {
    const stops = await m.getRepository(RouteStopEntity).findBy({ planId, courierId });
    const waiting = stops.length
      ? await m.getRepository(OrderEntity).findBy({ id: In(stops.map((s) => s.orderId)), status: 'assigned' })
      : [];
    const changes: Change[] = [];
    for (const o of waiting) {
      const reason = '骑手已取货出发';
      const from = await this.deps.lifecycle.transitionIn(
        m,
        o.id,
        ['assigned'],
        'out_for_delivery',
        actor,
        reason,
      );
      if (from !== null) changes.push({ orderId: o.id, from, to: 'out_for_delivery', reason });
    }
    return changes;
  }

  /** New ETAs for the stops still to come, from where the courier is now; pushed to them and the courier. */
  private async afterAction(planId: number, courier: CourierEntity, at: CourierStop): Promise<void> {
    const plan = await this.deps.db.getRepository(RoutePlanEntity).findOneByOrFail({ id: planId });
    const rows = await this.deps.db
      .getRepository(RouteStopEntity)
      .find({ where: { planId, courierId: courier.id, status: 'pending' }, order: { seq: 'ASC' } });
    const next = await toCourierStops(this.deps.db, rows);
    const here = { lat: at.lat, lng: at.lng };
    const now = this.deps.clock.now().getTime();
    const serviceMs = (this.deps.serviceS ?? 180) * 1000;
    let t = now + (at.status === 'arrived' ? serviceMs : 0);
    if (next.length) {
      const pts = next.map((s) => ({ lat: s.lat, lng: s.lng }));
      const m = await this.deps.geo.matrix([here, ...pts.slice(0, -1)], pts, courier.vehicle);
      const etas: Date[] = [];
      next.forEach((s, k) => {
        t = Math.max(t + m.durationS[k][k] * 1000, Date.parse(s.windowStart));
        etas.push(new Date(t));
        t += serviceMs;
      });
      await this.deps.tx.run(async (tm) => {
        for (let k = 0; k < rows.length; k++) {
          await tm.getRepository(RouteStopEntity).update({ id: rows[k].id }, { etaAt: etas[k] });
        }
      });
      const users = await this.deps.db
        .getRepository(OrderEntity)
        .findBy({ id: In(next.map((s) => s.orderId)) });
      next.forEach((s, k) => {
        const userId = users.find((o) => o.id === s.orderId)?.userId;
        if (userId === undefined) return;
        this.deps.realtime.emit(rooms.user(userId), 'order:eta', {
          orderId: s.orderId,
          etaAt: etas[k].toISOString(),
          windowStart: s.windowStart,
          windowEnd: s.windowEnd,
          courierName: courier.name,
          stopsBefore: k,
          courierPosition: here,
        });
      });
    }
    const store = await this.deps.db.getRepository(StoreEntity).findOneByOrFail({ id: courier.storeId });
    this.deps.realtime.emit(
      rooms.courier(courier.id),
      'route:updated',
      await this.deps.routes.build(plan, courier, store),
    );
  }
}
