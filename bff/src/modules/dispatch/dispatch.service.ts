import { In, type DataSource, type EntityManager } from 'typeorm';
import type { DispatchPlan, DispatchPlanBody, OrderStatus, UnassignedReason } from '@omni/shared-types';
import type { GeoProvider } from '../../adapters/geo';
import type { Clock } from '../../clock';
import { isUniqueViolation, type TxRunner } from '../../db/tx';
import type { Principal } from '../../http/context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../http/errors';
import { shanghaiToUtc } from '../../lib/shanghai-time';
import type { Logger } from '../../logger';
import { rooms, type Realtime } from '../../realtime/realtime';
import { actorOf, type Actor, type OrderLifecycle } from '../orders/order-lifecycle';
import { OrderEntity } from '../orders/order.entity';
import type { RoutingService } from '../routing/routing.service';
import type { SlotEntity } from '../slots/slot.entity';
import { CourierEntity, StoreEntity } from '../stores/store.entity';
import type { CourierRoutes } from './courier-route';
import { RoutePlanEntity, RouteStopEntity } from './dispatch.entity';
import { toDispatchPlan } from './dispatch.mapper';
import { buildDispatchProblem, type PlanJob } from './dispatch.problem';
import { runScheduledDispatch } from './dispatch.schedule';
import { loadDay, placesOf, vehiclesOf } from './dispatch.snapshot';

/** A window that ends within this many seconds from now cannot be met; it is widened instead. */
export const LATE_MARGIN_S = 15 * 60;

class PlanRaced extends Error {}

interface Change {
  orderId: number;
  from: OrderStatus;
  to: OrderStatus;
  reason: string;
}

/** Plans a store's delivery day into courier routes, versioned, and tells couriers and customers. */
export class DispatchService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      lifecycle: OrderLifecycle;
      routing: RoutingService;
      geo: GeoProvider;
      realtime: Realtime;
      routes: CourierRoutes;
      clock: Clock;
      log: Logger;
      /** Time spent handing over one parcel, seconds. */
      serviceS?: number;
    },
  ) {}

  private publishedHook: ((m: EntityManager, planId: number) => Promise<void>) | null = null;

  /** Sets what a saved plan writes in its transaction (each courier on it hears of their route). */
  setPublishedHook(hook: (m: EntityManager, planId: number) => Promise<void>): void {
    this.publishedHook = hook;
  }

  private get serviceS(): number {
    return this.deps.serviceS ?? 180;
  }

  /**
   * `POST /dispatch/plan`: staff plan their own store; store managers their own (another store
   * answers 404 STORE_NOT_FOUND, as everywhere in the back office); admins name the store.
   */
  async plan(p: Principal, body: DispatchPlanBody): Promise<DispatchPlan> {
    let storeId: number;
    if (p.role === 'staff') {
      if (p.storeId === null || (body.storeId !== undefined && body.storeId !== p.storeId)) {
        throw new ForbiddenError('只能为本店排线');
      }
      storeId = p.storeId;
    } else if (p.role === 'store_manager') {
      if (p.storeId === null || (body.storeId !== undefined && body.storeId !== p.storeId)) {
        throw new NotFoundError('STORE_NOT_FOUND', '门店不存在');
      }
      storeId = p.storeId;
    } else {
      if (body.storeId === undefined) {
        throw new ValidationError('管理员排线需要 storeId', [
          { path: 'storeId', message: 'required for admin' },
        ]);
      }
      storeId = body.storeId;
    }
    return this.planStore(storeId, body.date, 'manual', actorOf(p));
  }

  /** Plans one store's Shanghai day; retried when another writer changed it while solving. */
  async planStore(
    storeId: number,
    date: string,
    trigger: 'manual' | 'scheduled',
    actor: Actor = { type: 'system', id: null },
  ): Promise<DispatchPlan> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.planOnce(storeId, date, trigger, actor);
      } catch (err) {
        if (!(err instanceof PlanRaced)) throw err;
        if (attempt >= 3) throw new ConflictError('INVALID_STATE', '订单在排线期间发生变化，请重试');
      }
    }
  }

  /**
   * Plans each store and day once per slot cut-off that has passed (within the last six hours),
   * claimed through the database so that with several instances each runs once. Returns plans made.
   * The lead's jobs loop calls it with the clock's now.
   */
  runScheduledDispatch(now: Date): Promise<number> {
    const { db, tx, log } = this.deps;
    return runScheduledDispatch(
      {
        db,
        tx,
        log,
        plan: async (storeId, date) => (await this.planStore(storeId, date, 'scheduled')).planId,
      },
      now,
    );
  }

  private async planOnce(
    storeId: number,
    date: string,
    trigger: 'manual' | 'scheduled',
    actor: Actor,
  ): Promise<DispatchPlan> {
    const started = performance.now();
    const day = await loadDay(this.deps.db, storeId, date);
    const { store, couriers, slotById, active, prev, fixedOf } = day;
    const day0Ms = shanghaiToUtc(date, '00:00').getTime();
    const toS = (d: Date): number => Math.round((d.getTime() - day0Ms) / 1000);
    const nowS = toS(this.deps.clock.now());
    const { points, ownerOf, jobs, lastIndex } = placesOf(day, toS, nowS, this.serviceS);
    const matrix = await this.deps.geo.matrix(points, points, 'ebike');
    const vehicles = vehiclesOf(couriers, jobs, lastIndex, matrix.durationS, nowS);

    const routeOf = new Map<number, Array<{ job: PlanJob; etaS: number }>>();
    const unassigned: Array<{ orderId: number; reason: UnassignedReason }> = [];
    const distanceOf = new Map<number, { distanceM: number; durationS: number }>();
    if (jobs.length && vehicles.length) {
      const problem = buildDispatchProblem(
        { ...matrix, vehicles, jobs, serviceS: this.serviceS, ownerOf },
        nowS + LATE_MARGIN_S,
      );
      const solution = await this.deps.routing.solve(
        problem,
        { timeLimitMs: Math.min(5000, 200 + 15 * jobs.length), seed: 1, objective: 'distance' },
        true,
      );
      for (const r of solution.routes) {
        const courierId = vehicles[r.vehicle].courierId;
        routeOf.set(
          courierId,
          r.stops.map((s) => ({ job: jobs[s.job], etaS: s.serviceStartS })),
        );
        distanceOf.set(courierId, { distanceM: r.distanceM, durationS: r.durationS });
      }
      for (const u of solution.unassigned) {
        const job = jobs[u.job];
        if (job.boundTo === null) {
          unassigned.push({ orderId: job.orderId, reason: u.reason });
          continue;
        }
        // A parcel on board stays with its courier even when its window cannot be met.
        const list = routeOf.get(job.boundTo) ?? [];
        const lastEta = list.length ? list[list.length - 1].etaS : nowS;
        list.push({ job, etaS: Math.max(lastEta + this.serviceS + 600, job.windowS[0]) });
        routeOf.set(job.boundTo, list);
      }
    } else {
      for (const j of jobs) unassigned.push({ orderId: j.orderId, reason: 'NO_VEHICLE' });
    }

    const snapshot = new Map(active.map((o) => [o.id, o.status]));
    const computingMs = Math.round(performance.now() - started);
    const { plan, changes } = await this.deps.tx.run(async (m) => {
      const latest = await m
        .getRepository(RoutePlanEntity)
        .findOne({ where: { storeId, date }, order: { version: 'DESC' } });
      if ((latest?.id ?? null) !== (prev?.id ?? null)) throw new PlanRaced();
      if (snapshot.size) {
        const fresh = await m.getRepository(OrderEntity).findBy({ id: In([...snapshot.keys()]) });
        if (fresh.some((o) => snapshot.get(o.id) !== o.status)) throw new PlanRaced();
      }
      let saved: RoutePlanEntity;
      try {
        saved = await m.getRepository(RoutePlanEntity).save({
          storeId,
          date,
          version: (prev?.version ?? 0) + 1,
          triggerKind: trigger,
          createdBy: actor.id,
          distanceM: Math.round([...distanceOf.values()].reduce((n, d) => n + d.distanceM, 0)),
          computingMs,
          unassigned,
          createdAt: this.deps.clock.now(),
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new PlanRaced();
        throw err;
      }
      await this.insertStops(m, saved.id, couriers, fixedOf, routeOf, slotById, active, day0Ms);
      const moved = await this.moveOrders(m, active, routeOf, actor);
      await this.publishedHook?.(m, saved.id);
      return { plan: saved, changes: moved };
    });
    for (const c of changes) this.deps.lifecycle.notifyChange(c.orderId, c.from, c.to, c.reason);
    const dto = await toDispatchPlan(this.deps.db, plan, couriers, distanceOf);
    void this.push(plan, store, couriers, dto).catch((err: unknown) =>
      this.deps.log.warn({ err, planId: plan.id }, 'dispatch push failed'),
    );
    this.deps.log.info(
      {
        storeId,
        date,
        version: plan.version,
        orders: active.length,
        unassigned: unassigned.length,
        computingMs,
      },
      'dispatch planned',
    );
    return dto;
  }

  private async insertStops(
    m: EntityManager,
    planId: number,
    couriers: CourierEntity[],
    fixedOf: Map<number, RouteStopEntity[]>,
    routeOf: Map<number, Array<{ job: PlanJob; etaS: number }>>,
    slotById: Map<number, SlotEntity>,
    active: OrderEntity[],
    day0Ms: number,
  ): Promise<void> {
    const orderById = new Map(active.map((o) => [o.id, o]));
    const rows: Array<Omit<RouteStopEntity, 'id'>> = [];
    for (const c of couriers) {
      let seq = 0;
      const fixed = fixedOf.get(c.id) ?? [];
      // Stops already made (re-read: a courier may have acted while we solved) stay first, as made.
      const fresh = fixed.length
        ? await m.getRepository(RouteStopEntity).findBy({ id: In(fixed.map((s) => s.id)) })
        : [];
      for (const s of fixed) {
        const f = fresh.find((x) => x.id === s.id) ?? s;
        const { id: _id, ...rest } = f;
        rows.push({ ...rest, planId, seq: ++seq });
      }
      for (const { job, etaS } of routeOf.get(c.id) ?? []) {
        const slot = slotById.get(orderById.get(job.orderId)!.slotId!)!;
        rows.push({
          planId,
          courierId: c.id,
          seq: ++seq,
          orderId: job.orderId,
          etaAt: new Date(day0Ms + etaS * 1000),
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
  }

  /** paid → assigned for orders now in a route; assigned → paid for those the plan could not place. */
  private async moveOrders(
    m: EntityManager,
    active: OrderEntity[],
    routeOf: Map<number, Array<{ job: PlanJob }>>,
    actor: Actor,
  ): Promise<Change[]> {
    const placed = new Set([...routeOf.values()].flat().map((x) => x.job.orderId));
    const changes: Change[] = [];
    for (const o of active) {
      let to: OrderStatus | null = null;
      let reason = '';
      if (o.status === 'paid' && placed.has(o.id)) {
        to = 'assigned';
        reason = '已安排骑手配送';
      } else if (o.status === 'assigned' && !placed.has(o.id)) {
        to = 'paid';
        reason = '暂未排入配送路线，等待重新调度';
      }
      if (!to) continue;
      const from = await this.deps.lifecycle.transitionIn(m, o.id, [o.status], to, actor, reason);
      if (from === null) throw new PlanRaced();
      changes.push({ orderId: o.id, from, to, reason });
    }
    return changes;
  }

  /**
   * Order-change listener (see OrderLifecycle.onChange): when an order with a stop in a current
   * plan is cancelled, its courier gets the route again at once (the stop shows as cancelled until
   * the next plan drops it).
   */
  async onOrderChange(change: { orderId: number; to: OrderStatus }): Promise<void> {
    if (change.to !== 'cancelled') return;
    const stop = await this.deps.db
      .getRepository(RouteStopEntity)
      .findOne({ where: { orderId: change.orderId }, order: { planId: 'DESC' } });
    if (!stop) return;
    const plan = await this.deps.db.getRepository(RoutePlanEntity).findOneByOrFail({ id: stop.planId });
    const latest = await this.deps.db
      .getRepository(RoutePlanEntity)
      .findOne({ where: { storeId: plan.storeId, date: plan.date }, order: { version: 'DESC' } });
    if (latest?.id !== plan.id) return;
    const courier = await this.deps.db.getRepository(CourierEntity).findOneBy({ id: stop.courierId });
    const store = await this.deps.db.getRepository(StoreEntity).findOneBy({ id: plan.storeId });
    if (!courier || !store) return;
    this.deps.realtime.emit(
      rooms.courier(courier.id),
      'route:updated',
      await this.deps.routes.build(plan, courier, store),
    );
  }

  /** Each courier gets its route; each customer with a stop still to come gets its ETA. */
  private async push(
    plan: RoutePlanEntity,
    store: StoreEntity,
    couriers: CourierEntity[],
    dto: DispatchPlan,
  ): Promise<void> {
    this.deps.realtime.emit(rooms.storeDispatch(store.id), 'dispatch:updated', {
      storeId: store.id,
      date: plan.date,
      planId: plan.id,
      version: plan.version,
    });
    const userOf = new Map<number, number>();
    const ids = dto.routes.flatMap((r) => r.stops.map((s) => s.orderId));
    if (ids.length) {
      for (const o of await this.deps.db.getRepository(OrderEntity).findBy({ id: In(ids) })) {
        userOf.set(o.id, o.userId);
      }
    }
    for (const c of couriers) {
      this.deps.realtime.emit(
        rooms.courier(c.id),
        'route:updated',
        await this.deps.routes.build(plan, c, store),
      );
      const route = dto.routes.find((r) => r.courierId === c.id);
      let before = 0;
      for (const s of route?.stops ?? []) {
        if (s.status !== 'pending') continue;
        const userId = userOf.get(s.orderId);
        if (userId !== undefined) {
          this.deps.realtime.emit(rooms.user(userId), 'order:eta', {
            orderId: s.orderId,
            etaAt: s.etaAt,
            windowStart: s.windowStart,
            windowEnd: s.windowEnd,
            courierName: c.name,
            stopsBefore: before,
            courierPosition: null,
          });
        }
        before++;
      }
    }
  }
}
