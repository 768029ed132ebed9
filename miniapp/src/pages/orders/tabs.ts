import type { OrderStatus } from '@omni/shared-types';

/** A status tab of 我的订单. */
export interface OrderTab {
  key: string;
  title: string;
  /** Statuses shown; undefined for 全部. */
  statuses?: OrderStatus[];
}

/** 全部 / 待支付 / 进行中 / 已完成. */
export const ORDER_TABS: OrderTab[] = [
  { key: 'all', title: '全部' },
  { key: 'unpaid', title: '待支付', statuses: ['pending_payment'] },
  {
    key: 'active',
    title: '进行中',
    statuses: ['paid', 'assigned', 'out_for_delivery', 'ready_for_pickup', 'delivery_failed'],
  },
  { key: 'done', title: '已完成', statuses: ['delivered', 'picked_up'] },
];
