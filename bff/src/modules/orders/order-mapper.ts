import { In, type DataSource } from 'typeorm';
import { ORDER_STATUS_TEXT, type Order, type OrderStatus } from '@omni/shared-types';
import { StoreEntity } from '../stores/store.entity';
import { SlotEntity } from '../slots/slot.entity';
import { OrderEntity, OrderEventEntity, OrderItemEntity } from './order.entity';

/** States from which an order may still be cancelled (before it leaves the store). */
export const CANCELLABLE: OrderStatus[] = ['pending_payment', 'paid', 'assigned', 'ready_for_pickup'];
/** States in which a delivery order may move to another slot. */
export const RESCHEDULABLE: OrderStatus[] = ['pending_payment', 'paid', 'assigned'];

/** Who reads the orders: their owner sees the delivery code (see lib/delivery-code). */
export interface OrderViewer {
  userId: number;
  deliveryCode: (orderId: number) => string;
}

/** Loads what the wire shape needs for several orders at once and maps them. */
export async function toOrders(
  db: DataSource,
  orders: OrderEntity[],
  now: Date,
  viewer?: OrderViewer,
): Promise<Order[]> {
  if (!orders.length) return [];
  const ids = orders.map((o) => o.id);
  const slotIds = orders.map((o) => o.slotId).filter((x): x is number => x !== null);
  const [items, events, stores, slots] = await Promise.all([
    db.getRepository(OrderItemEntity).find({ where: { orderId: In(ids) }, order: { id: 'ASC' } }),
    db.getRepository(OrderEventEntity).find({ where: { orderId: In(ids) }, order: { id: 'ASC' } }),
    db.getRepository(StoreEntity).findBy({ id: In([...new Set(orders.map((o) => o.storeId))]) }),
    slotIds.length ? db.getRepository(SlotEntity).findBy({ id: In(slotIds) }) : Promise.resolve([]),
  ]);
  const storeName = new Map(stores.map((s) => [s.id, s.name]));
  const slotById = new Map(slots.map((s) => [s.id, s]));
  return orders.map((o) => {
    const slot = o.slotId !== null ? slotById.get(o.slotId) : undefined;
    const expired = o.expiresAt !== null && o.expiresAt.getTime() <= now.getTime();
    return {
      id: o.id,
      orderNo: o.orderNo,
      type: o.type,
      status: o.status,
      statusText: ORDER_STATUS_TEXT[o.status],
      storeId: o.storeId,
      storeName: storeName.get(o.storeId) ?? '',
      slot: slot
        ? {
            id: slot.id,
            date: slot.date,
            label: `${slot.startLocal}-${slot.endLocal}`,
            startAt: slot.startAt.toISOString(),
            endAt: slot.endAt.toISOString(),
            cutoffAt: slot.cutoffAt.toISOString(),
          }
        : null,
      address:
        o.type === 'delivery'
          ? {
              contactName: o.contactName ?? '',
              phone: o.contactPhone ?? '',
              address: o.addressText ?? '',
              detail: o.addressDetail,
              lat: o.lat ?? 0,
              lng: o.lng ?? 0,
            }
          : null,
      items: items
        .filter((i) => i.orderId === o.id)
        .map((i) => ({
          productId: i.productId,
          sku: i.sku,
          name: i.name,
          image: i.image,
          priceFen: i.priceFen,
          quantity: i.quantity,
          subtotalFen: i.priceFen * i.quantity,
        })),
      itemsTotalFen: o.itemsTotalFen,
      deliveryFeeFen: o.deliveryFeeFen,
      totalFen: o.totalFen,
      note: o.note,
      createdAt: o.createdAt.toISOString(),
      paidAt: o.paidAt?.toISOString() ?? null,
      expiresAt: o.status === 'pending_payment' ? (o.expiresAt?.toISOString() ?? null) : null,
      timeline: events
        .filter((e) => e.orderId === o.id)
        .map((e) => ({
          status: e.toStatus,
          from: e.fromStatus,
          at: e.createdAt.toISOString(),
          actor: e.actorType,
          reason: e.reason,
        })),
      actions: {
        pay: o.status === 'pending_payment' && !expired,
        cancel: CANCELLABLE.includes(o.status) && !(o.status === 'pending_payment' && expired),
        reschedule:
          o.type === 'delivery' &&
          RESCHEDULABLE.includes(o.status) &&
          !!slot &&
          slot.cutoffAt.getTime() > now.getTime() &&
          !(o.status === 'pending_payment' && expired),
      },
      staffAcknowledged: o.staffAck,
      refundStatus: refundStatusOf(o),
      refundedFen: o.refundPaidFen,
      ...(viewer && o.type === 'delivery' && o.userId === viewer.userId
        ? { deliveryCode: viewer.deliveryCode(o.id) }
        : {}),
    };
  });
}

/** 退款中 while any refund is unsettled, 已退款 once WeChat paid back the whole total. */
export function refundStatusOf(o: OrderEntity): Order['refundStatus'] {
  if (o.refundHeldFen > o.refundPaidFen) return 'refunding';
  if (o.refundPaidFen > 0 && o.refundPaidFen >= o.totalFen) return 'refunded';
  return o.refundPaidFen > 0 ? 'partially_refunded' : 'none';
}
