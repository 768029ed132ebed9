import type { Order } from '@omni/shared-types';
import type { Principal } from '../../http/context';
import { ConflictError } from '../../http/errors';
import type { OrderLifecycle } from '../orders/order-lifecycle';
import type { OrdersService } from '../orders/orders.service';
import type { StaffEventsService } from './staff-events.service';

/** Store staff's pickup actions: ready (tells the customer) and picked up (closes arrival events). */
export class StaffOrdersService {
  constructor(
    private readonly deps: { orders: OrdersService; lifecycle: OrderLifecycle; events: StaffEventsService },
  ) {}

  /** Paid pickup order → ready_for_pickup, with an ORDER_READY entry in the store's inbox history. */
  async markReady(p: Principal, orderId: number): Promise<Order> {
    const order = await this.deps.orders.entityFor(p, orderId);
    if (order.type !== 'pickup') throw new ConflictError('INVALID_STATE', '配送订单无需备货提醒');
    await this.deps.lifecycle.transition(
      order.id,
      ['paid'],
      'ready_for_pickup',
      { type: 'staff', id: p.userId },
      '门店已备好，可以来取货了',
    );
    await this.deps.events.raise({
      storeId: order.storeId,
      kind: 'ORDER_READY',
      userId: order.userId,
      orderId: order.id,
      distanceM: null,
      dedupeKey: `OR:${order.id}`,
      status: 'resolved',
    });
    return this.deps.orders.load(order.id);
  }

  /** ready_for_pickup → picked_up; the order's open arrival events are resolved. */
  async markPickedUp(p: Principal, orderId: number): Promise<Order> {
    const order = await this.deps.orders.entityFor(p, orderId);
    await this.deps.lifecycle.transition(
      order.id,
      ['ready_for_pickup'],
      'picked_up',
      { type: 'staff', id: p.userId },
      '顾客已取货',
    );
    await this.deps.events.closeForOrder(order.id, '顾客已取货');
    return this.deps.orders.load(order.id);
  }
}
