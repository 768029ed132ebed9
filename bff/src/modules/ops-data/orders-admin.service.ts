import type { DataSource } from 'typeorm';
import type {
  AdminOrderDetail,
  AdminOrderCancelBody,
  AdminOrderRescheduleBody,
  AdminOrderListQuery,
  AdminOrderListResponse,
  AdminOrderRefundBody,
  AdminOrderRefundResponse,
  Order,
  OrderStatus,
} from '@omni/shared-types';
import type { Clock } from '../../clock';
import { likeAnywhere } from '../../db/like';
import type { TxRunner } from '../../db/tx';
import type { Principal } from '../../http/context';
import { ConflictError, NotFoundError, UnprocessableError } from '../../http/errors';
import { assertStoreAccess } from '../../http/permissions';
import { addDays, shanghaiToUtc } from '../../lib/shanghai-time';
import type { AuditActor, AuditService } from '../audit/audit.service';
import type { SlotsService } from '../slots/slots.service';
import { ZoneEntity } from '../slots/slot.entity';
import type { StockService } from '../catalog/stock.service';
import { actorOf, type OrderLifecycle } from '../orders/order-lifecycle';
import { toOrders } from '../orders/order-mapper';
import { OrderEntity, OrderEventEntity, OrderItemEntity } from '../orders/order.entity';
import { RefundEntity } from '../payments/refund.entity';
import { toRefund, type RefundsService } from '../payments/refunds.service';
import { SlotEntity } from '../slots/slot.entity';
import { UserEntity } from '../users/user.entity';
import { orderPayment, orderTimeline } from './order-timeline';

const notFound = () => new NotFoundError('ORDER_NOT_FOUND', '订单不存在');
/** Not yet left the store: refunded units go back on the shelf, a full refund cancels the order. */
const NOT_SHIPPED: OrderStatus[] = ['paid', 'assigned', 'ready_for_pickup', 'delivery_failed'];
/** Where money can be given back from the back office (on the way to the customer it cannot). */
const REFUNDABLE: OrderStatus[] = [...NOT_SHIPPED, 'delivered', 'picked_up'];

/**
 * Orders in the back office: lists by store, status and day, and cancel / refund through the same
 * lifecycle and refund records staff and after-sales use (OrderLifecycle.cancelIn, RefundsService.requestIn).
 */
export class OrdersAdminService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      audit: AuditService;
      clock: Clock;
      lifecycle: OrderLifecycle;
      refunds: RefundsService;
      stock: StockService;
      slots: Pick<SlotsService, 'ensureDay'>;
    },
  ) {}

  /**
   * Newest first, one page; a store manager always sees only its own store's. `date` is the
   * service day: the slot's date, or the Shanghai day an order without a slot was placed.
   */
  async list(p: Principal, q: AdminOrderListQuery): Promise<AdminOrderListResponse> {
    const qb = this.deps.db.getRepository(OrderEntity).createQueryBuilder('o');
    if (p.role !== 'admin') qb.andWhere('o.storeId = :own', { own: p.storeId ?? -1 });
    else if (q.storeId) qb.andWhere('o.storeId = :storeId', { storeId: q.storeId });
    if (q.status) qb.andWhere('o.status IN (:...status)', { status: q.status });
    if (q.type) qb.andWhere('o.type = :type', { type: q.type });
    if (q.slotId) qb.andWhere('o.slotId = :slotId', { slotId: q.slotId });
    if (q.date) {
      const slots = qb.subQuery().select('s.id').from(SlotEntity, 's').where('s.date = :date').getQuery();
      qb.andWhere(
        `(o.slotId IN ${slots} OR (o.slotId IS NULL AND o.createdAt >= :dayFrom AND o.createdAt < :dayTo))`,
        {
          date: q.date,
          dayFrom: shanghaiToUtc(q.date, '00:00'),
          dayTo: shanghaiToUtc(addDays(q.date, 1), '00:00'),
        },
      );
    }
    if (q.q) {
      const users = qb
        .subQuery()
        .select('u.id')
        .from(UserEntity, 'u')
        .where("u.phone LIKE :like ESCAPE '!'")
        .getQuery();
      qb.andWhere(
        `(o.orderNo LIKE :like ESCAPE '!' OR o.contactPhone LIKE :like ESCAPE '!' OR o.userId IN ${users})`,
        { like: likeAnywhere(q.q) },
      );
    }
    const [rows, total] = await qb
      .orderBy('o.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return {
      items: await toOrders(this.deps.db, rows, this.deps.clock.now()),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** One order of a store the caller may see (or 404), with payment, refunds and full timeline. */
  async get(p: Principal, id: number): Promise<AdminOrderDetail> {
    const o = await this.entityFor(p, id);
    const [order, events, refunds] = await Promise.all([
      this.load(o),
      this.deps.db.getRepository(OrderEventEntity).find({ where: { orderId: o.id }, order: { id: 'ASC' } }),
      this.deps.db.getRepository(RefundEntity).find({ where: { orderId: o.id }, order: { id: 'DESC' } }),
    ]);
    return {
      ...order,
      userId: o.userId,
      payment: orderPayment(o),
      refunds: refunds.map((r) => toRefund(r, o.orderNo)),
      timeline: orderTimeline(events, [...refunds].reverse()),
    };
  }

  /** Cancels before the order leaves the store; a paid order's refund is recorded in the same transaction. */
  async cancel(actor: AuditActor, id: number, body: AdminOrderCancelBody): Promise<Order> {
    const p = actor.principal;
    const order = await this.entityFor(p, id);
    const why = body.reason ?? (p.role === 'admin' ? '平台取消' : '门店取消');
    const prev = await this.deps.tx.run(async (m) => {
      const from = await this.deps.lifecycle.cancelIn(m, order.id, why, actorOf(p));
      if (from === null) return null;
      await this.deps.audit.record(m, actor, {
        action: 'cancel',
        entity: 'order',
        entityId: order.id,
        before: { status: from },
        after: { status: 'cancelled', reason: why },
      });
      return from;
    });
    if (prev === null) throw new ConflictError('INVALID_STATE', '订单已出库或已完成，无法取消');
    this.deps.lifecycle.notifyChange(order.id, prev, 'cancelled', why);
    return this.load(await this.entityFor(p, id));
  }

  /** Moves a delivery order to another slot of its zone (seat rules as for the customer's own change); audited, the customer told. */
  async reschedule(actor: AuditActor, id: number, body: AdminOrderRescheduleBody): Promise<Order> {
    const p = actor.principal;
    const order = await this.entityFor(p, id);
    let slotId = body.slotId;
    if (slotId === undefined) {
      // A day nobody has opened yet: its slots are made from the zone's templates first (idempotent).
      const zone =
        order.zoneId === null
          ? null
          : await this.deps.db.getRepository(ZoneEntity).findOneBy({ id: order.zoneId });
      if (!zone) throw new ConflictError('INVALID_STATE', '自提订单没有配送时段');
      const day = await this.deps.slots.ensureDay(zone, body.date!);
      slotId = day.find((s) => s.startLocal === body.startLocal)?.id;
      if (slotId === undefined) throw new NotFoundError('SLOT_NOT_FOUND', '该配送区域当天没有这个时段');
    }
    await this.deps.lifecycle.rescheduleByShop(order.id, slotId, actorOf(p), body.reason, (m, c) =>
      this.deps.audit.record(m, actor, {
        action: 'reschedule',
        entity: 'order',
        entityId: order.id,
        before: { slotId: c.oldSlotId },
        after: { slotId: c.newSlotId, reason: body.reason },
      }),
    );
    return this.load(await this.entityFor(p, id));
  }

  /**
   * Refunds units of an order's lines (all that remain when `lines` is omitted) as one refund record,
   * sent by the refund job like every other; a full refund of an order not yet shipped cancels it.
   */
  async refund(actor: AuditActor, id: number, body: AdminOrderRefundBody): Promise<AdminOrderRefundResponse> {
    const p = actor.principal;
    const order = await this.entityFor(p, id);
    const result = await this.deps.tx.run(async (m) => {
      const o = await m.getRepository(OrderEntity).findOneByOrFail({ id: order.id });
      if (!o.transactionId) throw new ConflictError('NOT_PAID', '订单未支付，无需退款');
      if (!REFUNDABLE.includes(o.status))
        throw new ConflictError('INVALID_STATE', '订单当前状态不能退款（配送中的订单请送达后再退）', {
          status: o.status,
        });
      const items = await m.getRepository(OrderItemEntity).findBy({ orderId: o.id });
      const remaining = items
        .filter((i) => i.quantity > i.refundedQty)
        .map((i) => ({ productId: i.productId, quantity: i.quantity - i.refundedQty }));
      const lines = body.lines ?? remaining;
      const all = remaining.every(
        (r) => r.quantity <= (lines.find((l) => l.productId === r.productId)?.quantity ?? 0),
      );
      const includeFee = body.includeFee ?? all;
      let cancelledFrom: OrderStatus | null = null;
      if (NOT_SHIPPED.includes(o.status) && all) {
        cancelledFrom = await this.deps.lifecycle.cancelIn(m, o.id, body.reason, actorOf(p), {
          refund: false,
        });
      } else if (NOT_SHIPPED.includes(o.status)) {
        await this.deps.stock.release(m, o.storeId, lines);
      }
      const refund = await this.deps.refunds.requestIn(m, {
        order: o,
        lines,
        includeFee,
        reason: body.reason,
        by: { type: p.role === 'admin' ? 'admin' : 'staff', id: p.userId },
      });
      if (!refund) throw new ConflictError('ALREADY_REFUNDED', '这笔订单已经全部退款了');
      if (body.amountFen !== undefined && body.amountFen !== refund.amountFen) {
        throw new UnprocessableError(
          'REFUND_AMOUNT_MISMATCH',
          `所选商品的退款金额为 ${refund.amountFen} 分，与填写的 ${body.amountFen} 分不符`,
          { expectedFen: refund.amountFen },
        );
      }
      await this.deps.audit.record(m, actor, {
        action: 'refund',
        entity: 'order',
        entityId: o.id,
        before: { status: o.status },
        after: {
          status: cancelledFrom ? 'cancelled' : o.status,
          refundNo: refund.refundNo,
          amountFen: refund.amountFen,
          feeFen: refund.feeFen,
          reason: body.reason,
        },
      });
      return { refund, cancelledFrom };
    });
    if (result.cancelledFrom)
      this.deps.lifecycle.notifyChange(order.id, result.cancelledFrom, 'cancelled', body.reason);
    return {
      order: await this.load(await this.entityFor(p, id)),
      refund: toRefund(result.refund, order.orderNo),
    };
  }

  private async entityFor(p: Principal, id: number): Promise<OrderEntity> {
    const o = await this.deps.db.getRepository(OrderEntity).findOneBy({ id });
    if (!o) throw notFound();
    assertStoreAccess(p, o.storeId, notFound);
    return o;
  }

  private async load(o: OrderEntity): Promise<Order> {
    return (await toOrders(this.deps.db, [o], this.deps.clock.now()))[0];
  }
}
