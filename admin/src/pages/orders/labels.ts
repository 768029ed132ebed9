// Colours and texts of order states in the console (the status text itself comes with the order).
import type { Order, OrderStatus } from '@omni/shared-types';

export const ORDER_STATUS_COLOR: Record<OrderStatus, string> = {
  pending_payment: 'default',
  paid: 'blue',
  assigned: 'geekblue',
  out_for_delivery: 'processing',
  delivered: 'green',
  delivery_failed: 'red',
  ready_for_pickup: 'cyan',
  picked_up: 'green',
  cancelled: 'default',
  refunded: 'purple',
};

export const REFUND_STATE_TEXT: Record<Order['refundStatus'], string> = {
  none: '无退款',
  refunding: '退款中',
  partially_refunded: '部分退款',
  refunded: '已全额退款',
};
