import { randomInt } from 'node:crypto';
import { In, Not, type DataSource, type EntityManager } from 'typeorm';
import type {
  AftersalesCase,
  CaseListQuery,
  CaseListResponse,
  CaseStatus,
  CaseType,
  CreateCaseBody,
} from '@omni/shared-types';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import type { Principal } from '../../http/context';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../http/errors';
import { VersionConflictError } from '../audit/versioned';
import { shanghaiDate } from '../../lib/shanghai-time';
import type { Logger } from '../../logger';
import type { StockService } from '../catalog/stock.service';
import { actorOf, type OrderLifecycle } from '../orders/order-lifecycle';
import type { RefundsService } from '../payments/refunds.service';
import { OrderEntity, OrderItemEntity } from '../orders/order.entity';
import type { OrdersService } from '../orders/orders.service';
import { CaseEntity, CaseEventEntity } from './aftersales.entity';

/** Hours within which each case type gets a decision or an answer. */
export const SLA_HOURS: Record<CaseType, number> = {
  refund: 24,
  return: 48,
  exchange: 48,
  complaint: 24,
  inquiry: 12,
};
const CASE_TEXT: Record<CaseType, string> = {
  refund: '退款',
  return: '退货退款',
  exchange: '换货',
  complaint: '投诉',
  inquiry: '人工咨询',
};

const DELIVERED: OrderEntity['status'][] = ['delivered', 'picked_up'];
const NOT_SHIPPED: OrderEntity['status'][] = ['paid', 'assigned', 'ready_for_pickup', 'delivery_failed'];
/** Which order states each case type needs. */
const ELIGIBLE: Record<CaseType, OrderEntity['status'][] | null> = {
  return: DELIVERED,
  exchange: DELIVERED,
  refund: [...NOT_SHIPPED, ...DELIVERED],
  complaint: null,
  inquiry: null,
};
/** Staff actions and the states they move from. */
const ACTIONS: Record<string, { from: CaseStatus[]; to: CaseStatus }> = {
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted', 'approved'], to: 'rejected' },
  progress: { from: ['approved'], to: 'in_progress' },
  resolve: { from: ['submitted', 'approved', 'in_progress'], to: 'resolved' },
};

/** Return / refund / exchange / complaint cases on orders, with SLA and a customer-visible timeline. */
export class AftersalesService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      orders: OrdersService;
      lifecycle: OrderLifecycle;
      refunds: RefundsService;
      stock: StockService;
      clock: Clock;
      log: Logger;
    },
  ) {
    deps.refunds.onSettled((m, r, to) =>
      r.caseId ? this.refundSettledIn(m, r.caseId, to) : Promise.resolve(),
    );
  }

  /** Opens a case on the caller's order; an open case of the same type on that order is returned instead. */
  async open(
    p: Principal,
    body: CreateCaseBody,
    conversationId: number | null = null,
  ): Promise<{ case: AftersalesCase; created: boolean }> {
    if (p.role !== 'consumer') throw new ForbiddenError('只有下单人可以申请售后');
    const order = await this.deps.orders.entityFor(p, body.orderId);
    if (body.type === 'refund' || body.type === 'return') {
      const bought = await this.deps.db.getRepository(OrderItemEntity).findBy({ orderId: order.id });
      if (bought.length && bought.every((i) => i.refundedQty >= i.quantity)) {
        throw new ConflictError('ALREADY_REFUNDED', '这个订单的商品已经全部退款', {
          refundedFen: order.refundHeldFen,
        });
      }
    }
    const eligible = ELIGIBLE[body.type];
    if (eligible && !eligible.includes(order.status)) {
      throw new ConflictError(
        'INVALID_STATE',
        `订单当前状态（${order.status}）不能申请${CASE_TEXT[body.type]}`,
      );
    }
    const existing = await this.deps.db.getRepository(CaseEntity).findOneBy({
      orderId: order.id,
      type: body.type,
      status: Not(In(['resolved', 'rejected'])),
    });
    if (existing) return { case: (await this.toDtos([existing]))[0], created: false };
    const items = await this.deps.db.getRepository(OrderItemEntity).findBy({ orderId: order.id });
    const money = body.type === 'refund' || body.type === 'return';
    // Units already refunded (or being refunded) cannot be asked for again; the cap itself is in the database.
    const left = (i: OrderItemEntity) => (money ? i.quantity - i.refundedQty : i.quantity);
    const lines =
      body.lines ??
      items.filter((i) => left(i) > 0).map((i) => ({ productId: i.productId, quantity: left(i) }));
    if (
      money &&
      (!lines.length ||
        lines.some((l) => {
          const it = items.find((x) => x.productId === l.productId);
          return it !== undefined && it.refundedQty > 0 && l.quantity > left(it);
        }))
    ) {
      throw new ConflictError('ALREADY_REFUNDED', '这些商品已经退过款了，不能重复申请', {
        refundedFen: order.refundHeldFen,
      });
    }
    for (const [i, l] of lines.entries()) {
      const item = items.find((x) => x.productId === l.productId);
      if (!item)
        throw new UnprocessableError('PRODUCT_NOT_FOUND', '该商品不在这个订单里', {
          field: `lines.${i}.productId`,
        });
      if (l.quantity > item.quantity)
        throw new UnprocessableError('QUANTITY_LIMIT', `${item.name} 最多 ${item.quantity} 件`, {
          field: `lines.${i}.quantity`,
        });
    }
    const refundFen = money
      ? lines.reduce((n, l) => n + items.find((x) => x.productId === l.productId)!.priceFen * l.quantity, 0)
      : null;
    const now = this.deps.clock.now();
    const id = await this.deps.tx.run(async (m) => {
      const res = await m.getRepository(CaseEntity).insert({
        caseNo: `AS${shanghaiDate(now).replace(/-/g, '')}${String(randomInt(0, 1e6)).padStart(6, '0')}`,
        userId: p.userId,
        orderId: order.id,
        storeId: order.storeId,
        type: body.type,
        status: 'submitted',
        reason: body.reason,
        lines: JSON.stringify(lines),
        refundFen,
        conversationId,
        slaDueAt: new Date(now.getTime() + SLA_HOURS[body.type] * 3600_000),
        createdAt: now,
        updatedAt: now,
      });
      const caseId = Number(res.identifiers[0].id);
      await this.event(m, caseId, 'submitted', 'customer', p.userId, body.reason);
      return caseId;
    });
    return { case: await this.get(p, id), created: true };
  }

  /** One case the caller may see (owner or staff of the order's store). */
  async get(p: Principal, id: number): Promise<AftersalesCase> {
    const c = await this.deps.db.getRepository(CaseEntity).findOneBy({ id });
    if (!c || !this.canSee(p, c)) throw new NotFoundError('CASE_NOT_FOUND', '售后单不存在');
    return (await this.toDtos([c]))[0];
  }

  /**
   * The caller's cases (consumer), the store's (staff) or all (admin), newest first, in the given
   * states, one page (default 50 a page).
   */
  async list(p: Principal, q: CaseListQuery = {}): Promise<CaseListResponse> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const where: Record<string, unknown> =
      p.role === 'consumer' ? { userId: p.userId } : p.role === 'staff' ? { storeId: p.storeId ?? -1 } : {};
    if (q.status) where.status = In(q.status);
    const [rows, total] = await this.deps.db.getRepository(CaseEntity).findAndCount({
      where,
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: await this.toDtos(rows), total, page, pageSize };
  }

  /**
   * A staff decision (store staff, a store manager of the case's store, or an admin). Resolving a
   * refund or return records the refund in the same transaction and moves the case to `refunding`;
   * it becomes `resolved` only when WeChat Pay confirms the refund. With `opts.version` a case
   * changed since is refused (409 VERSION_CONFLICT); `opts.inTx` runs inside the change's
   * transaction (the back office's audit entry).
   */
  async act(
    p: Principal,
    id: number,
    action: string,
    note: string | undefined,
    opts: {
      version?: number;
      inTx?: (
        m: EntityManager,
        change: { from: CaseStatus; to: CaseStatus; note: string | null },
      ) => Promise<void>;
    } = {},
  ): Promise<AftersalesCase> {
    const rule = ACTIONS[action];
    if (!rule) throw new NotFoundError('ROUTE_NOT_FOUND', '未知操作');
    const c = await this.deps.db.getRepository(CaseEntity).findOneBy({ id });
    if (!c || !this.canAct(p, c)) throw new NotFoundError('CASE_NOT_FOUND', '售后单不存在');
    if (opts.version !== undefined && c.version !== opts.version) {
      throw new VersionConflictError((await this.toDtos([c]))[0]);
    }
    const pays = rule.to === 'resolved' && c.refundFen !== null && c.refundFen > 0;
    const to: CaseStatus = pays ? 'refunding' : rule.to;
    const now = this.deps.clock.now();
    const text = note ?? (pays ? '已同意退款，等待微信支付退回' : null);
    const moved = await this.deps.tx.run(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(CaseEntity)
        .set({ status: to, updatedAt: now, version: () => 'version + 1' })
        .where(`id = :id AND status IN (:...from)${opts.version === undefined ? '' : ' AND version = :v'}`, {
          id,
          from: rule.from,
          v: opts.version,
        })
        .execute();
      if (res.affected !== 1) return null;
      await this.event(m, id, to, p.role === 'admin' ? 'admin' : 'staff', p.userId, text);
      await opts.inTx?.(m, { from: c.status, to, note: text });
      return { cancelled: pays ? await this.refundIn(m, p, c) : null };
    });
    if (!moved) {
      const now2 = await this.deps.db.getRepository(CaseEntity).findOneByOrFail({ id });
      if (opts.version !== undefined && now2.version !== opts.version) {
        throw new VersionConflictError((await this.toDtos([now2]))[0]);
      }
      throw new ConflictError('INVALID_STATE', '售后单当前状态不允许此操作');
    }
    // The order's owner and store see the cancel at once (order:updated), like any other change.
    const change = moved.cancelled;
    if (change) this.deps.lifecycle.notifyChange(c.orderId, change.from, 'cancelled', change.reason);
    return this.get(p, id);
  }

  /**
   * Records the case's refund; a not-yet-shipped order gives the refunded units back to the shelf, or
   * is cancelled when nothing is left (then the order's previous status, for telling listeners).
   */
  private async refundIn(
    m: EntityManager,
    p: Principal,
    c: CaseEntity,
  ): Promise<{ from: OrderEntity['status']; reason: string } | null> {
    const order = await m.getRepository(OrderEntity).findOneByOrFail({ id: c.orderId });
    const items = await m.getRepository(OrderItemEntity).findBy({ orderId: order.id });
    const lines = JSON.parse(c.lines) as Array<{ productId: number; quantity: number }>;
    const all = items.every(
      (i) => i.quantity - i.refundedQty <= (lines.find((l) => l.productId === i.productId)?.quantity ?? 0),
    );
    const reason = `售后${CASE_TEXT[c.type]} ${c.caseNo}`;
    const by = { type: p.role === 'admin' ? ('admin' as const) : ('staff' as const), id: p.userId };
    let from: OrderEntity['status'] | null = null;
    if (NOT_SHIPPED.includes(order.status) && all) {
      from = await this.deps.lifecycle.cancelIn(m, order.id, reason, actorOf(p), { refund: false });
    } else if (NOT_SHIPPED.includes(order.status)) {
      await this.deps.stock.release(m, order.storeId, lines);
    }
    await this.deps.refunds.requestIn(m, { order, lines, includeFee: all, reason, by, caseId: c.id });
    return from === null ? null : { from, reason };
  }

  /** Inside the refund's settling transaction: the case follows its money. */
  private async refundSettledIn(m: EntityManager, caseId: number, to: string): Promise<void> {
    const next: Record<string, { status: CaseStatus; note: string }> = {
      success: { status: 'resolved', note: '退款成功，款项已原路退回' },
      closed: { status: 'approved', note: '微信支付关闭了这笔退款，请重新处理' },
    };
    const n = next[to];
    if (!n) {
      if (to === 'abnormal')
        await this.event(m, caseId, 'refunding', 'system', null, '退款异常，已转人工处理');
      return;
    }
    const res = await m
      .createQueryBuilder()
      .update(CaseEntity)
      .set({ status: n.status, updatedAt: this.deps.clock.now(), version: () => 'version + 1' })
      .where('id = :id AND status = :refunding', { id: caseId, refunding: 'refunding' })
      .execute();
    if (res.affected === 1) await this.event(m, caseId, n.status, 'system', null, n.note);
  }

  private async event(
    m: EntityManager,
    caseId: number,
    status: CaseStatus,
    actorType: string,
    actorId: number | null,
    note: string | null,
  ): Promise<void> {
    const at = this.deps.clock.now();
    const res = await m.getRepository(CaseEventEntity).insert({
      caseId,
      status,
      actorType: actorType as CaseEventEntity['actorType'],
      actorId,
      note,
      createdAt: at,
    });
    await this.caseHook?.(m, { caseId, eventId: Number(res.identifiers[0].id), status, note, at });
  }

  private caseHook:
    | ((
        m: EntityManager,
        c: { caseId: number; eventId: number; status: CaseStatus; note: string | null; at: Date },
      ) => Promise<void>)
    | null = null;

  /** Sets what every timeline entry of a case writes in its transaction (the notifications outbox). */
  setCaseHook(hook: NonNullable<AftersalesService['caseHook']>): void {
    this.caseHook = hook;
  }

  private canSee(p: Principal, c: CaseEntity): boolean {
    if (p.role === 'consumer') return c.userId === p.userId;
    return this.canAct(p, c);
  }

  /** Staff and store managers of the case's store, and admins. */
  private canAct(p: Principal, c: CaseEntity): boolean {
    if (p.role === 'admin') return true;
    return (p.role === 'staff' || p.role === 'store_manager') && c.storeId === p.storeId;
  }

  /** Maps cases with their order numbers, item names and timelines. */
  async toDtos(rows: CaseEntity[]): Promise<AftersalesCase[]> {
    if (!rows.length) return [];
    const orderIds = [...new Set(rows.map((r) => r.orderId))];
    const [orders, items, events] = await Promise.all([
      this.deps.db.getRepository(OrderEntity).findBy({ id: In(orderIds) }),
      this.deps.db.getRepository(OrderItemEntity).findBy({ orderId: In(orderIds) }),
      this.deps.db
        .getRepository(CaseEventEntity)
        .find({ where: { caseId: In(rows.map((r) => r.id)) }, order: { id: 'ASC' } }),
    ]);
    const now = this.deps.clock.now();
    return rows.map((c) => {
      const lines = JSON.parse(c.lines) as Array<{ productId: number; quantity: number }>;
      return {
        id: c.id,
        caseNo: c.caseNo,
        orderId: c.orderId,
        orderNo: orders.find((o) => o.id === c.orderId)?.orderNo ?? '',
        storeId: c.storeId,
        type: c.type,
        status: c.status,
        reason: c.reason,
        lines: lines.map((l) => ({
          ...l,
          name: items.find((i) => i.orderId === c.orderId && i.productId === l.productId)?.name ?? '',
        })),
        refundFen: c.refundFen,
        slaDueAt: c.slaDueAt.toISOString(),
        overdue: !['resolved', 'rejected'].includes(c.status) && c.slaDueAt.getTime() < now.getTime(),
        createdAt: c.createdAt.toISOString(),
        timeline: events
          .filter((e) => e.caseId === c.id)
          .map((e) => ({
            status: e.status,
            at: e.createdAt.toISOString(),
            actor: e.actorType,
            note: e.note,
          })),
      };
    });
  }
}
