import { In, LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { ORDER_STATUS_TEXT, type LbsEvent, type LbsEventKind, type LbsEventStatus } from '@omni/shared-types';
import type { Clock } from '../../clock';
import { isUniqueViolation, type TxRunner } from '../../db/tx';
import type { Principal } from '../../http/context';
import { ConflictError, NotFoundError } from '../../http/errors';
import type { Logger } from '../../logger';
import { rooms, type Realtime } from '../../realtime/realtime';
import { OrderEntity, OrderItemEntity } from '../orders/order.entity';
import { UserEntity } from '../users/user.entity';
import { LbsEventEntity } from './lbs.entity';

const TITLES: Record<LbsEventKind, string> = {
  PICKUP_ARRIVAL: '自提顾客即将到店',
  NEARBY_MEMBER: '会员在门店附近',
  ORDER_READY: '自提订单已备好',
  DELIVERY_CODE_LOCKED: '收货码多次输错，配送已锁定，请联系骑手和顾客',
  KPI_ANOMALY: '门店指标异常',
};
const CLAIMABLE: LbsEventStatus[] = ['open', 'escalated'];

/** What raises an event. */
export interface RaiseEvent {
  storeId: number;
  kind: LbsEventKind;
  userId: number | null;
  orderId: number | null;
  distanceM: number | null;
  dedupeKey: string | null;
  status?: LbsEventStatus;
  /** Overrides the kind's title (at most 120 characters). */
  title?: string;
}

/** The store-staff inbox: raise (deduplicated), list, claim (one winner), resolve, escalate. */
export class StaffEventsService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      realtime: Realtime;
      clock: Clock;
      log: Logger;
      escalateAfterS: number;
    },
  ) {}

  /** Inserts an event and pushes it to the store's staff; null when its dedupe key already stood. */
  async raise(e: RaiseEvent): Promise<number | null> {
    let id: number;
    try {
      id = await this.deps.tx.run((m) => this.raiseIn(m, e));
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
    await this.announce(id);
    return id;
  }

  /**
   * Inserts an event inside the caller's transaction (a repeated dedupe key throws a unique
   * violation there); call `announce` with the id once that transaction has committed.
   */
  async raiseIn(m: EntityManager, e: RaiseEvent): Promise<number> {
    const now = this.deps.clock.now();
    const res = await m.getRepository(LbsEventEntity).insert({
      ...e,
      title: e.title?.slice(0, 120) ?? null,
      status: e.status ?? 'open',
      distanceM: e.distanceM === null ? null : Math.round(e.distanceM),
      claimedBy: null,
      claimedAt: null,
      resolvedAt: e.status === 'resolved' ? now : null,
      note: null,
      escalatedAt: null,
      createdAt: now,
    });
    const eventId = Number(res.identifiers[0].id);
    if (this.storeEventHook && (e.status ?? 'open') === 'open') {
      await this.storeEventHook(m, {
        eventId,
        storeId: e.storeId,
        kind: e.kind,
        title: e.title ?? null,
        orderId: e.orderId,
        customerId: e.userId,
        at: now,
        online: await this.deps.realtime.usersIn(rooms.storeStaff(e.storeId)),
      });
    }
    return eventId;
  }

  private storeEventHook:
    | ((
        m: EntityManager,
        c: {
          eventId: number;
          storeId: number;
          kind: string;
          title: string | null;
          orderId: number | null;
          customerId: number | null;
          at: Date;
          online: Set<number>;
        },
      ) => Promise<void>)
    | null = null;

  /** Sets what a newly raised open event writes in its transaction (staff not connected hear of it). */
  setStoreEventHook(hook: NonNullable<StaffEventsService['storeEventHook']>): void {
    this.storeEventHook = hook;
  }

  /** Pushes a newly raised (committed) event to its store's staff. */
  async announce(id: number): Promise<void> {
    const [dto] = await this.toDtos([
      await this.deps.db.getRepository(LbsEventEntity).findOneByOrFail({ id }),
    ]);
    this.deps.realtime.emit(rooms.storeStaff(dto.storeId), 'lbs:event', dto);
    this.deps.log.info({ eventId: id, kind: dto.kind, storeId: dto.storeId }, 'store event raised');
  }

  /** The caller's store's events, newest first; `active` = open, claimed or escalated. */
  async list(p: Principal, status?: LbsEventStatus | 'active'): Promise<LbsEvent[]> {
    const where: Record<string, unknown> = { storeId: p.storeId ?? -1 };
    if (status === 'active') where.status = In(['open', 'claimed', 'escalated']);
    else if (status) where.status = status;
    const rows = await this.deps.db
      .getRepository(LbsEventEntity)
      .find({ where, order: { id: 'DESC' }, take: 100 });
    return this.toDtos(rows);
  }

  /** Exactly one staff member of the store wins; the others get 409 ALREADY_CLAIMED. */
  async claim(p: Principal, id: number): Promise<LbsEvent> {
    const event = await this.mine(p, id);
    const now = this.deps.clock.now();
    const won = await this.deps.tx.run(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(LbsEventEntity)
        .set({ status: 'claimed', claimedBy: p.userId, claimedAt: now })
        .where('id = :id AND store_id = :storeId AND status IN (:...claimable)', {
          id,
          storeId: event.storeId,
          claimable: CLAIMABLE,
        })
        .execute();
      if (res.affected !== 1) return false;
      if (event.kind === 'PICKUP_ARRIVAL' && event.orderId !== null) {
        await m.getRepository(OrderEntity).update({ id: event.orderId }, { staffAck: true, updatedAt: now });
      }
      return true;
    });
    if (!won) throw new ConflictError('ALREADY_CLAIMED', '该事件已被其他店员认领');
    const dto = await this.pushUpdate(id);
    if (event.kind === 'PICKUP_ARRIVAL' && event.orderId !== null && event.userId !== null) {
      const order = await this.deps.db.getRepository(OrderEntity).findOneByOrFail({ id: event.orderId });
      this.deps.realtime.emit(rooms.user(event.userId), 'order:updated', {
        orderId: order.id,
        status: order.status,
        statusText: ORDER_STATUS_TEXT[order.status],
        staffAcknowledged: true,
        reason: '门店已收到你的到店提醒',
      });
    }
    return dto;
  }

  /** Closes an event with a note (open, escalated or claimed, by any staff of the store). */
  async resolve(p: Principal, id: number, note: string): Promise<LbsEvent> {
    const event = await this.mine(p, id);
    const now = this.deps.clock.now();
    const done = await this.deps.tx.run(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(LbsEventEntity)
        .set({
          status: 'resolved',
          resolvedAt: now,
          note,
          claimedBy: () => `COALESCE(claimed_by, ${Number(p.userId)})`,
          claimedAt: () => 'COALESCE(claimed_at, resolved_at)',
        })
        .where('id = :id AND store_id = :storeId AND status <> :resolved', {
          id,
          storeId: event.storeId,
          resolved: 'resolved',
        })
        .execute();
      return res.affected === 1;
    });
    if (!done) throw new ConflictError('INVALID_STATE', '该事件已处理');
    return this.pushUpdate(id);
  }

  /** Marks open events older than the escalation time as escalated; safe on many instances. */
  async escalateDue(): Promise<number> {
    const now = this.deps.clock.now();
    const due = await this.deps.db.getRepository(LbsEventEntity).find({
      where: {
        status: 'open',
        createdAt: LessThanOrEqual(new Date(now.getTime() - this.deps.escalateAfterS * 1000)),
      },
      take: 200,
    });
    let n = 0;
    for (const e of due) {
      const ok = await this.deps.tx.run(async (m) => {
        const res = await m
          .createQueryBuilder()
          .update(LbsEventEntity)
          .set({ status: 'escalated', escalatedAt: now })
          .where('id = :id AND status = :open', { id: e.id, open: 'open' })
          .execute();
        return res.affected === 1;
      });
      if (ok) {
        n++;
        const dto = await this.pushUpdate(e.id);
        this.deps.realtime.emit(rooms.admins, 'lbs:event-updated', dto);
      }
    }
    return n;
  }

  /** Resolves the open arrival events of an order (it was picked up). */
  async closeForOrder(orderId: number, note: string): Promise<void> {
    const open = await this.deps.db
      .getRepository(LbsEventEntity)
      .findBy({ orderId, status: In(['open', 'claimed', 'escalated']) });
    for (const e of open) {
      await this.deps.tx.run((m) =>
        m
          .getRepository(LbsEventEntity)
          .update({ id: e.id }, { status: 'resolved', resolvedAt: this.deps.clock.now(), note }),
      );
      await this.pushUpdate(e.id);
    }
  }

  private async mine(p: Principal, id: number): Promise<LbsEventEntity> {
    const e = await this.deps.db.getRepository(LbsEventEntity).findOneBy({ id });
    if (!e || p.storeId === null || e.storeId !== p.storeId)
      throw new NotFoundError('EVENT_NOT_FOUND', '事件不存在');
    return e;
  }

  private async pushUpdate(id: number): Promise<LbsEvent> {
    const [dto] = await this.toDtos([
      await this.deps.db.getRepository(LbsEventEntity).findOneByOrFail({ id }),
    ]);
    this.deps.realtime.emit(rooms.storeStaff(dto.storeId), 'lbs:event-updated', dto);
    return dto;
  }

  /** Maps events with their customers, orders and claimers. */
  async toDtos(rows: LbsEventEntity[]): Promise<LbsEvent[]> {
    if (!rows.length) return [];
    const userIds = [
      ...new Set(rows.flatMap((r) => [r.userId, r.claimedBy]).filter((x): x is number => x !== null)),
    ];
    const orderIds = [...new Set(rows.map((r) => r.orderId).filter((x): x is number => x !== null))];
    const [users, orders, items] = await Promise.all([
      userIds.length
        ? this.deps.db.getRepository(UserEntity).findBy({ id: In(userIds) })
        : Promise.resolve([]),
      orderIds.length
        ? this.deps.db.getRepository(OrderEntity).findBy({ id: In(orderIds) })
        : Promise.resolve([]),
      orderIds.length
        ? this.deps.db.getRepository(OrderItemEntity).findBy({ orderId: In(orderIds) })
        : Promise.resolve([]),
    ]);
    const user = new Map(users.map((u) => [u.id, u]));
    const order = new Map(orders.map((o) => [o.id, o]));
    return rows.map((r) => {
      const o = r.orderId !== null ? order.get(r.orderId) : undefined;
      const c = r.userId !== null ? user.get(r.userId) : undefined;
      const by = r.claimedBy !== null ? user.get(r.claimedBy) : undefined;
      return {
        id: r.id,
        storeId: r.storeId,
        kind: r.kind,
        title: r.title ?? TITLES[r.kind],
        status: r.status,
        customer: c ? { userId: c.id, nickname: c.nickname } : null,
        order: o
          ? {
              id: o.id,
              orderNo: o.orderNo,
              status: o.status,
              items: items
                .filter((i) => i.orderId === o.id)
                .map((i) => ({ name: i.name, quantity: i.quantity })),
            }
          : null,
        distanceM: r.distanceM,
        createdAt: r.createdAt.toISOString(),
        claimedBy: by ? { userId: by.id, nickname: by.nickname } : null,
        claimedAt: r.claimedAt?.toISOString() ?? null,
        resolvedAt: r.resolvedAt?.toISOString() ?? null,
        note: r.note,
        escalatedAt: r.escalatedAt?.toISOString() ?? null,
      };
    });
  }
}
