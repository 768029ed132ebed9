import type { CourierRoute, CourierStop, LoginResponse } from '@omni/shared-types';

/** A stop of tomorrow's route, 14:00-16:00 Shanghai; override what the test is about. */
export function courierStop(overrides: Partial<CourierStop> = {}): CourierStop {
  return {
    stopId: 1,
    seq: 1,
    orderId: 101,
    orderNo: 'D20261126000101',
    orderStatus: 'assigned',
    customerName: '王小美',
    phoneMasked: '138****8000',
    address: '静安寺 3 号楼 1201',
    lat: 31.229,
    lng: 121.446,
    windowStart: '2026-11-26T06:00:00.000Z',
    windowEnd: '2026-11-26T08:00:00.000Z',
    etaAt: '2026-11-26T06:25:00.000Z',
    parcels: 2,
    volumeL: 3.5,
    status: 'pending',
    arrivedAt: null,
    doneAt: null,
    failReason: null,
    ...overrides,
  };
}

/** A courier's route with `stops`. */
export function courierRoute(stops: CourierStop[], overrides: Partial<CourierRoute> = {}): CourierRoute {
  return {
    planned: true,
    planId: 1,
    version: 1,
    date: '2026-11-26',
    courierId: 1,
    store: { id: 1, name: '静安嘉里中心店', lat: 31.2245, lng: 121.4461 },
    stops,
    polyline: [],
    distanceM: 4200,
    ...overrides,
  };
}

/** A signed-in courier. */
export function courierSession(courierId = 1): LoginResponse {
  return {
    token: `courier-token-${courierId}`,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user: {
      id: 50 + courierId,
      role: 'courier',
      nickname: '张伟',
      avatarUrl: null,
      storeId: 1,
      courierId,
      createdAt: '2026-11-25T00:00:00.000Z',
    },
  };
}
