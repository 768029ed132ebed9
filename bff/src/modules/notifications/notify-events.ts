// What each state change tells whom: called inside the change's own transaction, so the outbox row
// commits (or rolls back) with it. Values are read through the same EntityManager.
import { In, type EntityManager } from 'typeorm';
import type { CaseStatus, CaseType, OrderStatus } from '@omni/shared-types';
import { OrderEntity, OrderItemEntity } from '../orders/order.entity';
import { SlotEntity } from '../slots/slot.entity';
import { CourierEntity, StoreEntity } from '../stores/store.entity';
import { RouteStopEntity, RoutePlanEntity } from '../dispatch/dispatch.entity';
import { CaseEntity } from '../aftersales/aftersales.entity';
import { UserRoleEntity } from '../members/member.entity';
import { UserEntity } from '../users/user.entity';
import type { Notifier } from './notifier';
import { maskPhone, shanghaiRange, type NotifyValue } from './fit';

const CASE_TYPE_TEXT: Record<CaseType, string> = {
  return: '退货退款',
  refund: '仅退款',
  exchange: '换货',
  complaint: '投诉',
  inquiry: '咨询',
};
const CASE_STATUS_TEXT: Record<CaseStatus, string> = {
  submitted: '已提交',
  approved: '已同意',
  rejected: '已驳回',
  in_progress: '处理中',
  refunding: '退款中',
  resolved: '已完成',
};
const LBS_KIND_TEXT: Record<string, string> = {
  PICKUP_ARRIVAL: '顾客到店取货',
  NEARBY_MEMBER: '会员在附近',
  ORDER_READY: '订单待备货',
  DELIVERY_CODE_LOCKED: '收货码多次输错',
  KPI_ANOMALY: '指标异常',
};

function itemsText(items: OrderItemEntity[]): string {
  if (!items.length) return '商品';
  const units = items.reduce((n, i) => n + i.quantity, 0);
  return items.length === 1 && units === 1 ? items[0].name : `${items[0].name} 等 ${units} 件`;
}

/** Tells the outbox about state changes; every method runs inside the caller's transaction `m`. */
export class NotifyEvents {
  constructor(private readonly notifier: Notifier) {}

  private async orderVars(m: EntityManager, o: OrderEntity): Promise<Record<string, NotifyValue>> {
    const [items, store, slot] = await Promise.all([
      m.getRepository(OrderItemEntity).findBy({ orderId: o.id }),
      m.getRepository(StoreEntity).findOneBy({ id: o.storeId }),
      o.slotId ? m.getRepository(SlotEntity).findOneBy({ id: o.slotId }) : Promise.resolve(null),
    ]);
    return {
      orderNo: o.orderNo,
      items: itemsText(items),
      amount: { fen: o.totalFen },
      // A pickup order has no slot: it can be collected from when it was paid.
      slot: slot ? { from: slot.startAt, to: slot.endAt } : { at: o.paidAt ?? o.createdAt },
      store: store?.name ?? '',
      address: store?.address ?? '',
      paidAt: o.paidAt ? { at: o.paidAt } : { at: o.updatedAt },
    };
  }

  /** An order moved from `from` to `to` (OrderLifecycle.transitionIn, inside its transaction). */
  async onOrderTransition(
    m: EntityManager,
    c: { orderId: number; from: OrderStatus; to: OrderStatus; reason: string | null; at: Date },
  ): Promise<void> {
    const o = await m.getRepository(OrderEntity).findOneBy({ id: c.orderId });
    if (!o) return;
    const base = { orderId: o.id, pageVars: { orderId: o.id } };
    const me = [{ userId: o.userId, role: 'consumer' as const }];
    const vars = () => this.orderVars(m, o);
    switch (c.to) {
      case 'paid':
        // A late payment that reinstated a cancelled order is still a payment the customer hears about.
        await this.notifier.enqueueIn(m, {
          ...base,
          event: 'order_paid',
          key: `order:${o.id}`,
          recipients: me,
          vars: await vars(),
        });
        return;
      case 'ready_for_pickup':
        await this.notifier.enqueueIn(m, {
          ...base,
          event: 'ready_for_pickup',
          key: `order:${o.id}`,
          recipients: me,
          vars: { ...(await vars()), pickupCode: o.orderNo.slice(-6), status: '待取货' },
        });
        return;
      case 'out_for_delivery': {
        const stop = await m
          .getRepository(RouteStopEntity)
          .findOne({ where: { orderId: o.id }, order: { id: 'DESC' } });
        const courier = stop ? await m.getRepository(CourierEntity).findOneBy({ id: stop.courierId }) : null;
        const v = await vars();
        await this.notifier.enqueueIn(m, {
          ...base,
          event: 'out_for_delivery',
          key: `order:${o.id}:${c.at.getTime()}`,
          recipients: me,
          vars: {
            ...v,
            courier: courier?.name ?? '配送员',
            courierPhone: maskPhone(courier?.phone) ?? '',
            eta: stop ? { at: stop.etaAt } : v.slot,
            status: '配送中',
          },
        });
        if (o.transactionId) {
          await this.notifier.enqueueShippingIn(m, {
            kind: 'delivery',
            orderId: o.id,
            userId: o.userId,
            transactionId: o.transactionId,
            itemDesc: String(v.items).slice(0, 120),
            receiverContact: maskPhone(o.contactPhone),
            consignorContact: maskPhone(courier?.phone),
          });
        }
        return;
      }
      case 'delivered':
        await this.notifier.enqueueIn(m, {
          ...base,
          event: 'delivered',
          key: `order:${o.id}`,
          recipients: me,
          vars: {
            ...(await vars()),
            deliveredAt: { at: c.at },
            status: '已送达',
            hint: '如有问题可在订单中申请售后',
          },
        });
        return;
      case 'delivery_failed':
        await this.notifier.enqueueIn(m, {
          ...base,
          event: 'delivery_failed',
          key: `order:${o.id}:${c.at.getTime()}`,
          recipients: me,
          vars: {
            ...(await vars()),
            reason: (c.reason ?? '未能送达').replace(/^配送失败[：:]\s*/, ''),
            next: '门店将联系你重新安排配送',
            status: '配送失败',
            at: { at: c.at },
          },
        });
        return;
      case 'picked_up': {
        if (!o.transactionId) return;
        const v = await vars();
        await this.notifier.enqueueShippingIn(m, {
          kind: 'pickup',
          orderId: o.id,
          userId: o.userId,
          transactionId: o.transactionId,
          itemDesc: String(v.items).slice(0, 120),
          receiverContact: maskPhone(o.contactPhone),
        });
        return;
      }
      default:
        return;
    }
  }

  /** A delivery order's slot moved (the customer in the app, the bot, or the shop). */
  async onSlotChanged(
    m: EntityManager,
    c: { orderId: number; oldSlotId: number; newSlotId: number; by: string; reason?: string },
  ): Promise<void> {
    const o = await m.getRepository(OrderEntity).findOneBy({ id: c.orderId });
    if (!o) return;
    const slots = await m.getRepository(SlotEntity).findBy({ id: In([c.oldSlotId, c.newSlotId]) });
    const oldS = slots.find((s) => s.id === c.oldSlotId);
    const newS = slots.find((s) => s.id === c.newSlotId);
    await this.notifier.enqueueIn(m, {
      event: 'slot_changed',
      key: `order:${o.id}:slot:${c.newSlotId}`,
      orderId: o.id,
      pageVars: { orderId: o.id },
      recipients: [{ userId: o.userId, role: 'consumer' }],
      vars: {
        ...(await this.orderVars(m, o)),
        slot: newS ? { from: newS.startAt, to: newS.endAt } : '',
        oldSlot: oldS ? shanghaiRange(oldS.startAt, oldS.endAt) : '',
        by: c.by,
        reason: c.reason ?? '配送时段已调整',
      },
    });
  }

  /** An after-sales case got a timeline entry with state `status`. */
  async onCaseEvent(
    m: EntityManager,
    c: { caseId: number; eventId: number; status: CaseStatus; note: string | null; at: Date },
  ): Promise<void> {
    const k = await m.getRepository(CaseEntity).findOneBy({ id: c.caseId });
    if (!k) return;
    const order = await m.getRepository(OrderEntity).findOneBy({ id: k.orderId });
    const event =
      c.status === 'submitted'
        ? ('aftersales_opened' as const)
        : c.status === 'resolved' || c.status === 'rejected'
          ? ('aftersales_resolved' as const)
          : ('aftersales_updated' as const);
    await this.notifier.enqueueIn(m, {
      event,
      key: `case:${k.id}:${c.eventId}`,
      orderId: k.orderId,
      caseId: k.id,
      pageVars: { caseId: k.id, orderId: k.orderId },
      recipients: [{ userId: k.userId, role: 'consumer' }],
      vars: {
        caseNo: k.caseNo,
        orderNo: order?.orderNo ?? '',
        kind: CASE_TYPE_TEXT[k.type],
        status: CASE_STATUS_TEXT[c.status],
        note: c.note ?? CASE_STATUS_TEXT[c.status],
        result: c.status === 'rejected' ? `未通过：${c.note ?? ''}` : (c.note ?? '已处理完成'),
        amount: { fen: c.status === 'resolved' ? (k.refundFen ?? 0) : 0 },
        at: { at: c.at },
      },
    });
  }

  /** A support agent answered a customer who is not connected. */
  async onAgentReply(
    m: EntityManager,
    c: { messageId: number; userId: number; agent: string; text: string; at: Date },
  ): Promise<void> {
    await this.notifier.enqueueIn(m, {
      event: 'support_reply',
      key: `message:${c.messageId}`,
      recipients: [{ userId: c.userId, role: 'consumer' }],
      vars: { agent: c.agent, reply: c.text, at: { at: c.at } },
    });
  }

  /** A new store-inbox event: each active member of the store's staff not connected now hears of it. */
  async onStoreEvent(
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
  ): Promise<void> {
    const [members, legacy] = await Promise.all([
      m.getRepository(UserRoleEntity).findBy({
        storeId: c.storeId,
        role: In(['staff', 'store_manager']),
        disabled: false,
      }),
      // Identities whose own row says they work here (signed in before roles were bound by invite).
      m.getRepository(UserEntity).findBy({ storeId: c.storeId, role: In(['staff', 'store_manager']) }),
    ]);
    const recipients = [...new Set([...members.map((r) => r.userId), ...legacy.map((u) => u.id)])]
      .filter((id) => !c.online.has(id))
      .map((userId) => ({ userId, role: 'staff' as const }));
    if (!recipients.length) return;
    const [store, order, customer] = await Promise.all([
      m.getRepository(StoreEntity).findOneBy({ id: c.storeId }),
      c.orderId ? m.getRepository(OrderEntity).findOneBy({ id: c.orderId }) : Promise.resolve(null),
      c.customerId ? m.getRepository(UserEntity).findOneBy({ id: c.customerId }) : Promise.resolve(null),
    ]);
    await this.notifier.enqueueIn(m, {
      event: 'staff_lbs_event',
      key: `lbs:${c.eventId}`,
      orderId: c.orderId,
      recipients,
      vars: {
        kind: c.title ?? LBS_KIND_TEXT[c.kind] ?? c.kind,
        customer: customer?.nickname ?? order?.contactName ?? '顾客',
        orderNo: order?.orderNo ?? '-',
        store: store?.name ?? '',
        at: { at: c.at },
      },
    });
  }

  /** A route plan was saved: each courier with stops on it (or only those in `only`) hears of their route. */
  async onRoutePublished(m: EntityManager, planId: number, only?: number[]): Promise<void> {
    const plan = await m.getRepository(RoutePlanEntity).findOneBy({ id: planId });
    if (!plan) return;
    const stops = await m.getRepository(RouteStopEntity).find({ where: { planId }, order: { seq: 'ASC' } });
    const byCourier = new Map<number, RouteStopEntity[]>();
    for (const s of stops) {
      if (only && !only.includes(s.courierId)) continue;
      byCourier.set(s.courierId, [...(byCourier.get(s.courierId) ?? []), s]);
    }
    if (!byCourier.size) return;
    const ids = [...byCourier.keys()];
    const [members, legacy, store] = await Promise.all([
      m.getRepository(UserRoleEntity).findBy({ role: 'courier', courierId: In(ids), disabled: false }),
      // Identities whose own row says they ride for this courier (signed in before invites).
      m.getRepository(UserEntity).findBy({ role: 'courier', courierId: In(ids) }),
      m.getRepository(StoreEntity).findOneBy({ id: plan.storeId }),
    ]);
    for (const [courierId, list] of byCourier) {
      const users = [
        ...new Set([
          ...members.filter((r) => r.courierId === courierId).map((r) => r.userId),
          ...legacy.filter((u) => u.courierId === courierId).map((u) => u.id),
        ]),
      ];
      if (!users.length) continue;
      await this.notifier.enqueueIn(m, {
        event: 'courier_route_published',
        key: `plan:${plan.id}:courier:${courierId}`,
        pageVars: { date: plan.date },
        recipients: users.map((userId) => ({ userId, role: 'courier' as const })),
        vars: {
          date: plan.date.replace(
            /^(\d{4})-(\d{2})-(\d{2})$/,
            (_, y: string, mo: string, d: string) => `${y}年${Number(mo)}月${Number(d)}日`,
          ),
          stops: list.length,
          firstEta: { at: list[0].etaAt },
          store: store?.name ?? '',
        },
      });
    }
  }
}
