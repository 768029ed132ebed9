import { In, type DataSource, type EntityManager } from 'typeorm';
import type { DispatchBoard, DispatchReassignBody, OrderStatus } from '@omni/shared-types';
import type { GeoProvider } from '../../adapters/geo';
import type { Clock } from '../../clock';
import { isUniqueViolation, type TxRunner } from '../../db/tx';
import type { Principal } from '../../http/context';
import { ConflictError, NotFoundError } from '../../http/errors';
import { assertStoreAccess } from '../../http/permissions';
import { shanghaiToUtc } from '../../lib/shanghai-time';
import type { Logger } from '../../logger';
import { rooms, type Realtime } from '../../realtime/realtime';
import type { AuditActor, AuditService } from '../audit/audit.service';
import { actorOf, type OrderLifecycle } from '../orders/order-lifecycle';
import { OrderEntity } from '../orders/order.entity';
import type { RoutingService } from '../routing/routing.service';
import { CourierEntity, type StoreEntity } from '../stores/store.entity';
import type { CourierRoutes } from './courier-route';
import { buildBoard } from './dispatch-board';
import { resequence, type Resequenced } from './dispatch-reassign';
import { RoutePlanEntity, RouteStopEntity } from './dispatch.entity';
import { LATE_MARGIN_S } from './dispatch.service';
import { loadDay, type DaySnapshot } from './dispatch.snapshot';

const storeNotFound = () => new NotFoundError('STORE_NOT_FOUND', '门店不存在');
/** Orders whose stop may still move: not yet on the road. */
const MOVABLE: OrderStatus[] = ['paid', 'assigned'];

class PlanRaced extends Error {}

/** The back office's dispatch board: read a store's day, move one stop to another courier. */
export class DispatchBoardService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      lifecycle: OrderLifecycle;
      routing: RoutingService;
      geo: GeoProvider;
      realtime: Realtime;
      routes: CourierRoutes;
      audit: AuditService;
      clock: Clock;
      log: Logger;
      /** Time spent handing over one parcel, seconds (as in planning). */
      serviceS?: number;
    },
  ) {}

  private publishedHook: ((m: EntityManager, planId: number, couriers: number[]) => Promise<void>) | null =
    null;

  /** Sets what a reassignment writes in its transaction (the receiving courier hears of the route). */
  setPublishedHook(hook: (m: EntityManager, planId: number, couriers: number[]) => Promise<void>): void {
    this.publishedHook = hook;
  }

  private get serviceS(): number {
    return this.deps.serviceS ?? 180;
  }

  /** `GET /admin/dispatch`: admins any store, store managers their own (another store: 404). */
  async board(p: Principal, storeId: number, date: string): Promise<DispatchBoard> {
    assertStoreAccess(p, storeId, storeNotFound);
    return buildBoard(this.deps, storeId, date);
  }

  /**
   * `POST /admin/dispatch/reassign`: moves the order's stop (or an order in no route) to the
   * courier, re-sequences the two routes it touches as a new plan version (other routes copied
   * unchanged), tells the couriers and customers, audit-logs it and answers the board.
   */
  async reassign(actor: AuditActor, body: DispatchReassignBody): Promise<DispatchBoard> {
    assertStoreAccess(actor.principal, body.storeId, storeNotFound);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.reassignOnce(actor, body);
        break;
      } catch (err) {
        if (!(err instanceof PlanRaced)) throw err;
        if (attempt >= 3) throw new ConflictError('INVALID_STATE', '路线在改派期间发生变化，请重试');
      }
    }
    return buildBoard(this.deps, body.storeId, body.date);
  }

  /** Loads the day and checks the move; null when the order is already the courier's. */
  private async check(p: Principal, body: DispatchReassignBody) {
    const { db } = this.deps;
    const day = await loadDay(db, body.storeId, body.date);
    const order = await db.getRepository(OrderEntity).findOneBy({ id: body.orderId });
    const visible = order && (p.role === 'admin' || order.storeId === p.storeId);
    if (!order || !visible) throw new NotFoundError('ORDER_NOT_FOUND', '订单不存在');
    const courier = await db.getRepository(CourierEntity).findOneBy({ id: body.courierId });
    if (!courier) throw new NotFoundError('COURIER_NOT_FOUND', '骑手不存在');
    if (courier.storeId !== body.storeId) throw new ConflictError('COURIER_NOT_IN_STORE', '骑手不属于该门店');
    if (!day.couriers.some((c) => c.id === courier.id)) {
      throw new ConflictError('COURIER_UNAVAILABLE', '骑手已停用，不能接单');
    }
    const stop = day.prevByOrder.get(order.id);
    const inDay = day.active.some((o) => o.id === order.id);
    if (!inDay || !MOVABLE.includes(order.status) || (stop && stop.status !== 'pending')) {
      throw new ConflictError(
        'STOP_NOT_REASSIGNABLE',
        MOVABLE.includes(order.status) && !stop
          ? '该订单不是该门店当日的配送订单'
          : '该订单已出发或已完成，不能改派',
        { status: order.status, stopStatus: stop?.status ?? null },
      );
    }
    if (!day.prev) throw new ConflictError('ROUTE_NOT_PLANNED', '该日尚未排线，请先排线');
    const onTheRoad = day.active.some((o) => {
      const s = day.prevByOrder.get(o.id);
      return o.status === 'out_for_delivery' && s?.courierId === courier.id && s.status !== 'delivered';
    });
    if (onTheRoad) throw new ConflictError('COURIER_UNAVAILABLE', '骑手正在配送途中，回店后才能接新单');
    return { day, prev: day.prev, order, courier, from: stop?.courierId ?? null };
  }

  private async reassignOnce(actor: AuditActor, body: DispatchReassignBody): Promise<void> {
    const started = performance.now();
    const { day, prev, order, courier, from } = await this.check(actor.principal, body);
    if (from === courier.id) return;
    const day0Ms = shanghaiToUtc(body.date, '00:00').getTime();
    const toS = (d: Date): number => Math.round((d.getTime() - day0Ms) / 1000);
    const nowS = toS(this.deps.clock.now());
    const activeIds = new Set(day.active.map((o) => o.id));
    const pendingOf = (courierId: number) =>
      [...day.prevByOrder.values()]
        .filter((s) => s.courierId === courierId && s.status === 'pending' && activeIds.has(s.orderId))
        .sort((a, b) => a.seq - b.seq)
        .map((s) => s.orderId);
    const common = { day, toS, nowS, serviceS: this.serviceS, lateAfterS: nowS + LATE_MARGIN_S };
    const changed: Resequenced[] = [];
    const targetOld = pendingOf(courier.id);
    changed.push(
      await resequence(this.deps, {
        ...common,
        courier,
        orderIds: [...targetOld, order.id],
        oldOrderIds: targetOld,
      }),
    );
    const source =
      from === null ? null : await this.deps.db.getRepository(CourierEntity).findOneBy({ id: from });
    if (source) {
      const sourceOld = pendingOf(source.id);
      changed.push(
        await resequence(this.deps, {
          ...common,
          courier: source,
          orderIds: sourceOld.filter((id) => id !== order.id),
          oldOrderIds: sourceOld,
        }),
      );
    }
    const computingMs = Math.round(performance.now() - started);
    const plan = await this.deps.tx.run((m) =>
      this.write(m, { actor, day, prev, order, from, to: courier.id, changed, day0Ms, computingMs }),
    );
    if (order.status === 'paid') {
      this.deps.lifecycle.notifyChange(order.id, 'paid', 'assigned', '已安排骑手配送');
    }
    void this.publish(
      plan,
      day.store,
      changed.map((c) => c.courierId),
    ).catch((err: unknown) => this.deps.log.warn({ err, planId: plan.id }, 'reassign push failed'));
  }

  /** The new plan version: untouched routes copied, the changed ones re-sequenced after their stops made. */
  private async write(
    m: EntityManager,
    w: {
      actor: AuditActor;
      day: DaySnapshot;
      prev: RoutePlanEntity;
      order: OrderEntity;
      from: number | null;
      to: number;
      changed: Resequenced[];
      day0Ms: number;
      computingMs: number;
    },
  ): Promise<RoutePlanEntity> {
    const { day, prev, order } = w;
    const latest = await m
      .getRepository(RoutePlanEntity)
      .findOne({ where: { storeId: prev.storeId, date: prev.date }, order: { version: 'DESC' } });
    if (latest?.id !== prev.id) throw new PlanRaced();
    const stops = await m
      .getRepository(RouteStopEntity)
      .find({ where: { planId: prev.id }, order: { courierId: 'ASC', seq: 'ASC' } });
    const touched = new Set(w.changed.map((c) => c.courierId));
    // A courier may have acted, or an order moved, while we solved: start again from the new state.
    if (stops.some((s) => touched.has(s.courierId) && s.status !== day.prevByOrder.get(s.orderId)?.status)) {
      throw new PlanRaced();
    }
    const ids = w.changed.flatMap((c) => c.stops.map((s) => s.orderId));
    const fresh = await m.getRepository(OrderEntity).findBy({ id: In(ids) });
    const was = new Map(day.active.map((o) => [o.id, o.status]));
    if (fresh.some((o) => was.get(o.id) !== o.status)) throw new PlanRaced();

    const delta = w.changed.reduce((n, c) => n + c.distanceM - c.oldDistanceM, 0);
    let plan: RoutePlanEntity;
    try {
      plan = await m.getRepository(RoutePlanEntity).save({
        storeId: prev.storeId,
        date: prev.date,
        version: prev.version + 1,
        triggerKind: 'reassign',
        createdBy: w.actor.principal.userId,
        distanceM: Math.max(0, Math.round(prev.distanceM + delta)),
        computingMs: w.computingMs,
        unassigned: prev.unassigned.filter((u) => u.orderId !== order.id),
        createdAt: this.deps.clock.now(),
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new PlanRaced();
      throw err;
    }
    const rows: Array<Omit<RouteStopEntity, 'id'>> = [];
    for (const { id: _id, ...rest } of stops) {
      if (!touched.has(rest.courierId)) rows.push({ ...rest, planId: plan.id });
    }
    const orderById = new Map(day.active.map((o) => [o.id, o]));
    for (const c of w.changed) {
      let seq = 0;
      for (const { id: _id, ...rest } of stops.filter((s) => s.courierId === c.courierId)) {
        if (rest.status !== 'pending') rows.push({ ...rest, planId: plan.id, seq: ++seq });
      }
      for (const s of c.stops) {
        const slot = day.slotById.get(orderById.get(s.orderId)!.slotId!)!;
        rows.push({
          planId: plan.id,
          courierId: c.courierId,
          seq: ++seq,
          orderId: s.orderId,
          etaAt: new Date(w.day0Ms + s.etaS * 1000),
          windowStart: slot.startAt,
          windowEnd: slot.endAt,
          status: 'pending',
          arrivedAt: null,
          doneAt: null,
          proofType: null,
          proofRef: null,
          failReason: null,
        });
      }
    }
    for (let i = 0; i < rows.length; i += 200) {
      await m.getRepository(RouteStopEntity).insert(rows.slice(i, i + 200));
    }
    const p = w.actor.principal;
    if (order.status === 'paid') {
      const moved = await this.deps.lifecycle.transitionIn(
        m,
        order.id,
        ['paid'],
        'assigned',
        actorOf(p),
        '已安排骑手配送',
      );
      if (moved === null) throw new PlanRaced();
    }
    // The courier who was given the stop hears of the new route (the others' routes did not change for them).
    await this.publishedHook?.(m, plan.id, [w.to]);
    await this.deps.audit.record(m, w.actor, {
      action: 'reassign',
      entity: 'dispatch_stop',
      entityId: order.id,
      before: { courierId: w.from, planVersion: prev.version },
      after: { courierId: w.to, planVersion: plan.version },
    });
    return plan;
  }

  /** Every courier of the store gets its route of the new version; customers of changed routes their ETA. */
  private async publish(plan: RoutePlanEntity, store: StoreEntity, changed: number[]): Promise<void> {
    const { db, realtime, routes } = this.deps;
    realtime.emit(rooms.storeDispatch(store.id), 'dispatch:updated', {
      storeId: store.id,
      date: plan.date,
      planId: plan.id,
      version: plan.version,
    });
    const couriers = await db.getRepository(CourierEntity).find({ where: { storeId: store.id } });
    for (const c of couriers) {
      const route = await routes.build(plan, c, store);
      realtime.emit(rooms.courier(c.id), 'route:updated', route);
      if (!changed.includes(c.id)) continue;
      const pending = route.stops.filter((s) => s.status === 'pending');
      const users = pending.length
        ? await db.getRepository(OrderEntity).findBy({ id: In(pending.map((s) => s.orderId)) })
        : [];
      pending.forEach((s, k) => {
        const userId = users.find((o) => o.id === s.orderId)?.userId;
        if (userId === undefined) return;
        realtime.emit(rooms.user(userId), 'order:eta', {
          orderId: s.orderId,
          etaAt: s.etaAt,
          windowStart: s.windowStart,
          windowEnd: s.windowEnd,
          courierName: c.name,
          stopsBefore: k,
          courierPosition: null,
        });
      });
    }
  }
}
