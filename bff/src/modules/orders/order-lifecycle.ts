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
  cancelled: ['refunded'],
  refunded: [],
};

function actorOf(p: Principal): Actor {
  return { type: p.role === 'consumer' ? 'customer' : p.role, id: p.userId };
}

/** Order state changes: each one a conditional UPDATE plus a timeline entry, in one transaction. */
export class OrderLifecycle {
  private readonly listeners: OrderChangeListener[] = [];
  private refunder: ((orderId: number, reason: string) => Promise<void>) | null = null;

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

  /** Sets who refunds a paid order once it is cancelled (the payments module). */
  setRefunder(refund: (orderId: number, reason: string) => Promise<void>): void {
    this.refunder = refund;
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
    const prev = await this.deps.tx.run(async (m) => {
      const from = await this.transitionIn(m, order.id, CANCELLABLE, 'cancelled', actorOf(p), why);
      if (from !== null) await this.releaseHolds(m, order);
      return from;
    });
    if (prev === null) throw new ConflictError('INVALID_STATE', '订单已出库或已完成，无法取消');
    this.emit(order.id, prev, 'cancelled', why);
    if (prev !== 'pending_payment' && this.refunder) {
      try {
        await this.refunder(order.id, why);
      } catch (err) {
        // The order stays cancelled-with-payment; the refund is retried by support (logged).
        this.deps.log.error({ err, orderId: order.id }, 'refund after cancel failed');
      }
    }
    return this.deps.orders.load(order.id);
  }

  /** Moves a delivery order's seat to another slot of its zone: never both seats held, never none. */
  async reschedule(p: Principal, orderId: number, slotId: number): Promise<Order> {
    const order = await this.deps.orders.entityFor(p, orderId);
    if (p.role !== 'consumer') throw new ForbiddenError('只有下单人可以改约');
    if (order.type !== 'delivery' || order.slotId === null || order.zoneId === null) {
      throw new ConflictError('INVALID_STATE', '自提订单没有配送时段');
    }
    if (order.slotId === slotId) return this.deps.orders.load(order.id);
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
      if (old.cutoffAt.getTime() <= now.getTime()) {
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
        'customer',
        p.userId,
        `改约: ${old.date} ${old.startLocal}-${old.endLocal} → ${next.date} ${next.startLocal}-${next.endLocal}`,
        now,
      );
    });
    return this.deps.orders.load(order.id);
  }

  /** Cancels unpaid orders past their expiry; safe with many instances (conditional update). */
  async expireDue(limit = 200): Promise<number> {
    const now = this.deps.clock.now();
    const due = await this.deps.db.getRepository(OrderEntity).find({
      where: { status: 'pending_payment', expiresAt: LessThanOrEqual(now) },
      order: { id: 'ASC' },
      take: limit,
    });
    let expired = 0;
    for (const order of due) {
      const prev = await this.deps.tx.run(async (m) => {
        const from = await this.transitionIn(
          m,
          order.id,
          ['pending_payment'],
          'cancelled',
          { type: 'system', id: null },
          '超时未支付，已自动取消',
        );
        if (from !== null) await this.releaseHolds(m, order);
        return from;
      });
      if (prev !== null) {
        expired++;
        this.emit(order.id, prev, 'cancelled', '超时未支付，已自动取消');
      }
    }
    return expired;
  }

  /** Gives back the order's stock and slot seat (inside the caller's transaction). */
  private async releaseHolds(m: EntityManager, order: OrderEntity): Promise<void> {
    const items = await m.getRepository(OrderItemEntity).findBy({ orderId: order.id });
    await this.deps.stock.release(
      m,
      order.storeId,
      items.map((i) => ({ productId: i.productId, quantity: i.quantity })),
    );
    const fresh = await m.getRepository(OrderEntity).findOneByOrFail({ id: order.id });
    if (fresh.slotId !== null) await this.deps.slots.release(m, fresh.slotId);
  }

  /** Orders in `statuses` of these ids (for dispatch and staff views). */
  byIds(ids: number[], statuses: OrderStatus[]): Promise<OrderEntity[]> {
    return this.deps.db.getRepository(OrderEntity).findBy({ id: In(ids), status: In(statuses) });
  }
}
