// An order as `GET /admin/orders/:id` answers, for the orders page's tests.
import type { AdminOrderDetail, Refund } from '@omni/shared-types';

export function refundOf(over: Partial<Refund>): Refund {
  return {
    id: 1,
    refundNo: 'RF20250601000000001001',
    orderId: 7,
    orderNo: 'O202506010007',
    caseId: null,
    status: 'success',
    statusText: '已退款',
    amountFen: 0,
    feeFen: 0,
    lines: [],
    reason: '缺货',
    requestedBy: { type: 'admin', id: 1 },
    wechatRefundId: null,
    attempts: 1,
    lastError: null,
    createdAt: '2025-06-01T02:00:00.000Z',
    settledAt: null,
    ...over,
  };
}

/** Two lines (2 × ¥12.50 soap, 1 × ¥30.00 towel) and a ¥6.00 delivery fee, paid. */
export function orderDetail(over: Partial<AdminOrderDetail> = {}): AdminOrderDetail {
  return {
    id: 7,
    orderNo: 'O202506010007',
    type: 'delivery',
    status: 'delivered',
    statusText: '已送达',
    storeId: 1,
    storeName: '静安店',
    slot: {
      id: 3,
      date: '2025-06-01',
      label: '10:00-11:00',
      startAt: '2025-06-01T02:00:00.000Z',
      endAt: '2025-06-01T03:00:00.000Z',
      cutoffAt: '2025-06-01T01:00:00.000Z',
    },
    address: {
      contactName: '张三',
      phone: '13800138000',
      address: '静安寺',
      detail: '1 号楼',
      lat: 31.22,
      lng: 121.44,
    },
    items: [
      { productId: 11, sku: 'SOAP', name: '香皂', image: '', priceFen: 1250, quantity: 2, subtotalFen: 2500 },
      {
        productId: 12,
        sku: 'TOWEL',
        name: '毛巾',
        image: '',
        priceFen: 3000,
        quantity: 1,
        subtotalFen: 3000,
      },
    ],
    itemsTotalFen: 5500,
    deliveryFeeFen: 600,
    totalFen: 6100,
    note: null,
    createdAt: '2025-06-01T01:00:00.000Z',
    paidAt: '2025-06-01T01:01:00.000Z',
    expiresAt: null,
    timeline: [],
    actions: { pay: false, cancel: false, reschedule: false },
    staffAcknowledged: true,
    refundStatus: 'none',
    refundedFen: 0,
    userId: 5,
    payment: {
      method: 'wechat_pay',
      status: 'paid',
      transactionId: 'wx-1',
      paidAt: '2025-06-01T01:01:00.000Z',
      amountFen: 6100,
      refundedFen: 0,
      refundingFen: 0,
    },
    refunds: [],
    ...over,
  };
}
