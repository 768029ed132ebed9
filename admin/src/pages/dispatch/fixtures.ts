// A planned board of store 1 (two couriers, one route of two stops, one order in no route) for the dispatch tests.
import type { DispatchBoard } from '@omni/shared-types';

export const board: DispatchBoard = {
  date: '2025-06-01',
  storeId: 1,
  store: { id: 1, name: '静安店', location: { lat: 31.22, lng: 121.44 } },
  planned: true,
  plannedAt: '2025-06-01T00:00:00.000Z',
  planId: 1,
  version: 2,
  routes: [
    {
      courierId: 5,
      courierName: '骑手甲',
      distanceKm: 4.2,
      stops: [1, 2].map((seq) => ({
        stopId: 100 + seq,
        orderId: 200 + seq,
        orderNo: `O${seq}`,
        seq,
        location: { lat: 31.22 + seq / 100, lng: 121.44 + seq / 100 },
        address: `地址${seq}`,
        eta: '2025-06-01T02:30:00.000Z',
        window: { start: '2025-06-01T02:00:00.000Z', end: '2025-06-01T03:00:00.000Z' },
        late: false,
        status: 'pending' as const,
        orderStatus: 'assigned' as const,
        arrivedAt: null,
        doneAt: null,
      })),
    },
  ],
  unassigned: [
    {
      orderId: 300,
      orderNo: 'O3',
      orderStatus: 'paid',
      location: { lat: 31.2, lng: 121.4 },
      address: '远处',
      window: { start: '2025-06-01T02:00:00.000Z', end: '2025-06-01T03:00:00.000Z' },
      reasonCode: 'CAPACITY',
      reason: '超出骑手容量',
    },
  ],
  couriers: [
    {
      id: 5,
      name: '骑手甲',
      capacityL: 40,
      position: { lng: 121.45, lat: 31.23, at: '2025-06-01T02:00:00.000Z' },
    },
    { id: 6, name: '骑手乙', capacityL: 40, position: null },
  ],
  totals: { orders: 3, assigned: 2, late: 0, distanceKm: 4.2 },
};
