import { In, LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import type { Order, OrderStatus } from '@omni/shared-types';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import type { Principal } from '../../http/context';
import { ConflictError, ForbiddenError } from '../../http/errors';
import type { Logger } from '../../logger';
import type { StockService } from '../catalog/stock.service';
import type { SlotsService } from '../slots/slots.service';
import { CANCELLABLE, RESCHEDULABLE } from './order-mapper';
import { OrderEntity, OrderEventEntity, OrderItemEntity } from './order.entity';
import { appendEvent, type OrdersService } from './orders.service';

/** Who changes an order's state. */
export interface Actor {
  type: OrderEventEntity['actorType'];
  id: number | null;
}

/** Told after a committed change, e.g. to push it over socket.io or refund a paid order. */
export type OrderChangeListener = (change: {
  orderId: number;
  from: OrderStatus;
  to: OrderStatus;
  reason: string | null;
}) => void;

/**
 * Runs inside the cancelling transaction (the payments module): records the refund of what is left
 * of a paid order when `refund`, or schedules closing an unpaid one at WeChat Pay.
 */
export type CancelHook = (
  m: EntityManager,
  c: { order: OrderEntity; from: OrderStatus; reason: string; by: Actor; refund: boolean },
) => Promise<void>;

/** Runs inside every state change's transaction (the notifications outbox). */
export type TransitionHook = (
  m: EntityManager,
  c: { orderId: number; from: OrderStatus; to: OrderStatus; reason: string | null; at: Date },
) => Promise<void>;

/** Runs inside a reschedule's transaction. */
export type RescheduleHook = (
  m: EntityManager,
  c: { orderId: number; oldSlotId: number; newSlotId: number; by: string; reason?: string },
) => Promise<void>;

/** Which state may follow which; anything else is INVALID_STATE. */
export const TRANSITIONS: Record<OrderStatus, OrderStatus[]> = {
  pending_payment: ['paid', 'cancelled'],
  paid: ['assigned', 'ready_for_pickup', 'cancelled'],
  assigned: ['out_for_delivery', 'paid', 'cancelled'],
  out_for_delivery: ['delivered', 'delivery_failed'],
  delivered: ['refunded'],
  delivery_failed: ['assigned', 'refunded', 'cancelled'],
  ready_for_pickup: ['picked_up', 'cancelled'],
  picked_up: ['refunded'],
  // paid: a payment that arrived after the order expired, when its stock and seat could be held again.
  cancelled: ['refunded', 'paid'],
  refunded: [],
};

/** The order-timeline actor of a caller. */
export function actorOf(p: Principal): Actor {
  // A store manager acts on orders as the store's staff.
  const type = p.role === 'consumer' ? 'customer' : p.role === 'store_manager' ? 'staff' : p.role;
  return { type, id: p.userId };
}

/** Order state changes: each one a conditional UPDATE plus a timeline entry, in one transaction. */
export class OrderLifecycle {
  private readonly listeners: OrderChangeListener[] = [];
  private cancelHook: CancelHook | null = null;
  private transitionHook: TransitionHook | null = null;
  private rescheduleHook: RescheduleHook | null = null;

  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      orders: OrdersService;
      slots: SlotsService;
      stock: StockService;
      clock: Clock;
      log: Logger;
    },
  ) {}

  /** Registers a listener for committed state changes. */
  onChange(l: OrderChangeListener): void {
    this.listeners.push(l);
  }

  /** Sets what a cancel does about the money (the payments module). */
  setCancelHook(hook: CancelHook): void {
    this.cancelHook = hook;
  }

  /** Sets what every state change writes in its own transaction (the notifications outbox). */
  setTransitionHook(hook: TransitionHook): void {
    this.transitionHook = hook;
  }

  /** Sets what a reschedule writes in its own transaction. */
  setRescheduleHook(hook: RescheduleHook): void {
    this.rescheduleHook = hook;
  }

  /** Tells listeners about a change committed by another module's transaction. */
  notifyChange(orderId: number, from: OrderStatus, to: OrderStatus, reason: string | null): void {
    this.emit(orderId, from, to, reason);
  }

  private emit(orderId: number, from: OrderStatus, to: OrderStatus, reason: string | null): void {
    for (const l of this.listeners) {
      try {
        l({ orderId, from, to, reason });
      } catch (err) {
        this.deps.log.error({ err, orderId }, 'order change listener failed');
      }
    }
  }

  /**
   * Moves `orderId` from one of `from` to `to` inside `m`; false when another writer got there first.
   * Callers that need side effects (stock, seats) do them in the same transaction.
   */
  async transitionIn(
    m: EntityManager,
    orderId: number,
    from: OrderStatus[],
    to: OrderStatus,
    actor: Actor,
    reason: string | null,
    extra: Partial<Pick<OrderEntity, 'paidAt' | 'transactionId' | 'staffAck'>> = {},
  ): Promise<OrderStatus | null> {
    const legal = from.filter((f) => TRANSITIONS[f].includes(to));
    if (!legal.length) return null;
    const current = await m.getRepository(OrderEntity).findOneBy({ id: orderId });
    if (!current || !legal.includes(current.status)) return null;
    const now = this.deps.clock.now();
    const res = await m
      .createQueryBuilder()
      .update(OrderEntity)
      .set({ status: to, updatedAt: now, ...extra })
      .where('id = :orderId AND status = :status', { orderId, status: current.status })
      .execute();
    if (res.affected !== 1) return null;
    await appendEvent(m, orderId, current.status, to, actor.type, actor.id, reason, now);
    await this.transitionHook?.(m, { orderId, from: current.status, to, reason, at: now });
    return current.status;
  }

  /** Moves an order and tells listeners after commit; throws 409 INVALID_STATE when not allowed now. */
  async transition(
    orderId: number,
    from: OrderStatus[],
    to: OrderStatus,
    actor: Actor,
    reason: string | null,
  ): Promise<void> {
    const prev = await this.deps.tx.run((m) => this.transitionIn(m, orderId, from, to, actor, reason));
    if (prev === null) throw new ConflictError('INVALID_STATE', '订单当前状态不允许此操作');
    this.emit(orderId, prev, to, reason);
  }

  /** Cancels before the order leaves the store: stock and seat come back exactly once. */
  async cancel(p: Principal, orderId: number, reason: string | undefined): Promise<Order> {
    const order = await this.deps.orders.entityFor(p, orderId);
    if (p.role !== 'consumer' && p.role !== 'staff' && p.role !== 'admin') throw new ForbiddenError();
    const why = reason ?? (p.role === 'consumer' ? '顾客取消' : '门店取消');
    const prev = await this.deps.tx.run((m) => this.cancelIn(m, order.id, why, actorOf(p)));
    if (prev === null) throw new ConflictError('INVALID_STATE', '订单已出库或已完成，无法取消');
    this.emit(order.id, prev, 'cancelled', why);
    return this.deps.orders.load(order.id);
  }

  /**
   * Cancels inside `m`: stock and seat come back, and a paid order's refund is recorded in the same
   * transaction (sent by a job). Returns the previous status, or null when it may not be cancelled now.
   */
  async cancelIn(
    m: EntityManager,
    orderId: number,
    why: string,
    actor: Actor,
    opts: { refund: boolean } = { refund: true },
  ): Promise<OrderStatus | null> {
    const from = await this.transitionIn(m, orderId, CANCELLABLE, 'cancelled', actor, why);
    if (from === null) return null;
    const order = await m.getRepository(OrderEntity).findOneByOrFail({ id: orderId });
    await this.releaseHolds(m, order);
    if (this.cancelHook)
      await this.cancelHook(m, { order, from, reason: why, by: actor, refund: opts.refund });
    return from;
  }

  /** Moves a delivery order's seat to another slot of its zone: never both seats held, never none. */
  async reschedule(p: Principal, orderId: number, slotId: number, by = '你本人'): Promise<Order> {
    const order = await this.deps.orders.entityFor(p, orderId);
    if (p.role !== 'consumer') throw new ForbiddenError('只有下单人可以改约');
    await this.moveSlot(order, slotId, { type: 'customer', id: p.userId }, { by });
    return this.deps.orders.load(order.id);
  }

  /**
   * The shop moves a delivery order to another slot of its zone (e.g. a courier fell ill): the same
   * seat rules as the customer's own reschedule; the customer is told with `reason`. `inTx` runs in
   * the move's transaction (the back office's audit entry).
   */
  async rescheduleByShop(
    orderId: number,
    slotId: number,
    actor: Actor,
    reason: string,
    inTx?: (m: EntityManager, c: { oldSlotId: number; newSlotId: number }) => Promise<void>,
  ): Promise<void> {
    const order = await this.deps.db.getRepository(OrderEntity).findOneBy({ id: orderId });
    if (!order) throw new ConflictError('INVALID_STATE', '订单不存在');
    await this.moveSlot(order, slotId, actor, { by: '门店', reason, inTx });
  }

  private async moveSlot(
    order: OrderEntity,
    slotId: number,
    actor: Actor,
    o: {
      by: string;
      reason?: string;
      inTx?: (m: EntityManager, c: { oldSlotId: number; newSlotId: number }) => Promise<void>;
    },
  ): Promise<void> {
    if (order.type !== 'delivery' || order.slotId === null || order.zoneId === null) {
      throw new ConflictError('INVALID_STATE', '自提订单没有配送时段');
    }
    if (order.slotId === slotId) return;
    const now = this.deps.clock.now();
    await this.deps.tx.run(async (m) => {
      const fresh = await m.getRepository(OrderEntity).findOneByOrFail({ id: order.id });
      if (!RESCHEDULABLE.includes(fresh.status) || fresh.slotId === null) {
        throw new ConflictError('INVALID_STATE', '订单当前状态不允许改约');
      }
      if (fresh.status === 'pending_payment' && fresh.expiresAt && fresh.expiresAt <= now) {
        throw new ConflictError('INVALID_STATE', '订单已超时未支付');
      }
      const old = await this.deps.slots.byId(fresh.slotId, m);
      if (old.cutoffAt.getTime() <= now.getTime() && actor.type === 'customer') {
        throw new ConflictError('SLOT_CUTOFF_PASSED', '原时段已截止，无法改约', { slotId: old.id });
      }
      const next = await this.deps.slots.reserve(m, slotId, fresh.zoneId!);
      const moved = await m
        .createQueryBuilder()
        .update(OrderEntity)
        .set({ slotId, updatedAt: now })
        .where('id = :id AND slot_id = :old', { id: fresh.id, old: old.id })
        .execute();
      if (moved.affected !== 1) throw new ConflictError('INVALID_STATE', '订单刚刚被修改，请刷新后重试');
      await this.deps.slots.release(m, old.id);
      await appendEvent(
        m,
        fresh.id,
        fresh.status,
        fresh.status,
        actor.type,
        actor.id,
        `改约: ${old.date} ${old.startLocal}-${old.endLocal} → ${next.date} ${next.startLocal}-${next.endLocal}${o.reason ? `（${o.reason}）` : ''}`,
        now,
      );
      await o.inTx?.(m, { oldSlotId: old.id, newSlotId: slotId });
      await this.rescheduleHook?.(m, {
        orderId: fresh.id,
        oldSlotId: old.id,
        newSlotId: slotId,
        by: o.by,
        reason: o.reason,
      });
    });
  }

  /** Cancels an unpaid order that WeChat Pay can no longer take money for; false when it is not unpaid any more. */
  async expire(orderId: number): Promise<boolean> {
    const why = '超时未支付，已自动取消';
    const prev = await this.deps.tx.run(async (m) => {
      const from = await this.transitionIn(
        m,
        orderId,
        ['pending_payment'],
        'cancelled',
        { type: 'system', id: null },
        why,
      );
      if (from !== null)
        await this.releaseHolds(m, await m.getRepository(OrderEntity).findOneByOrFail({ id: orderId }));
      return from;
    });
    if (prev === null) return false;
    this.emit(orderId, prev, 'cancelled', why);
    return true;
  }

  /** Unpaid orders past their expiry (a safety net for orders whose expiry job is missing). */
  async overdueUnpaid(limit = 200): Promise<OrderEntity[]> {
    return this.deps.db.getRepository(OrderEntity).find({
      where: { status: 'pending_payment', expiresAt: LessThanOrEqual(this.deps.clock.now()) },
      order: { id: 'ASC' },
      take: limit,
    });
  }

  /**
   * Brings an order cancelled for non-payment back to paid inside `m` when its stock and slot seat can
   * be held again; throws (SLOT_FULL, OUT_OF_STOCK, SLOT_CUTOFF_PASSED...) when they cannot.
   */
  async reinstateIn(
    m: EntityManager,
    orderId: number,
    paid: { paidAt: Date; transactionId: string },
  ): Promise<OrderStatus | null> {
    const from = await this.transitionIn(
      m,
      orderId,
      ['cancelled'],
      'paid',
      { type: 'wechat', id: null },
      '超时取消后收到付款，订单已恢复',
      paid,
    );
    if (from === null) return null;
    const order = await m.getRepository(OrderEntity).findOneByOrFail({ id: orderId });
    if (order.slotId !== null && order.zoneId !== null)
      await this.deps.slots.reserve(m, order.slotId, order.zoneId);
    const items = await m.getRepository(OrderItemEntity).findBy({ orderId });
    await this.deps.stock.reserve(
      m,
      order.storeId,
      items.map((i) => ({ productId: i.productId, quantity: i.quantity, name: i.name })),
    );
    return from;
  }

  /** Gives back the order's stock (units not already given back by a partial refund) and slot seat, inside `m`. */
  private async releaseHolds(m: EntityManager, order: OrderEntity): Promise<void> {
    const items = await m.getRepository(OrderItemEntity).findBy({ orderId: order.id });
    await this.deps.stock.release(
      m,
      order.storeId,
      items
        .map((i) => ({ productId: i.productId, quantity: i.quantity - i.refundedQty }))
        .filter((l) => l.quantity > 0),
    );
    const fresh = await m.getRepository(OrderEntity).findOneByOrFail({ id: order.id });
    if (fresh.slotId !== null) await this.deps.slots.release(m, fresh.slotId);
  }

  /** Orders in `statuses` of these ids (for dispatch and staff views). */
  byIds(ids: number[], statuses: OrderStatus[]): Promise<OrderEntity[]> {
    return this.deps.db.getRepository(OrderEntity).findBy({ id: In(ids), status: In(statuses) });
  }
}
