import type {
  Category,
  LoginResponse,
  Order,
  ProductDetail,
  ProductSummary,
  Slot,
  SlotsResponse,
} from '@omni/shared-types';

/** A listed product; override what the test is about. */
export function productSummary(overrides: Partial<ProductSummary> = {}): ProductSummary {
  return {
    id: 1,
    sku: 'SK-0001',
    name: '玻尿酸保湿精华液',
    subtitle: '深层补水 30ml',
    categoryId: 'skincare',
    priceFen: 1290,
    originalPriceFen: 1990,
    image: '/assets/products/SK-0001.svg',
    tags: ['新品'],
    totalStock: 12,
    ...overrides,
  };
}

/** A product's detail page. */
export function productDetail(overrides: Partial<ProductDetail> = {}): ProductDetail {
  return {
    ...productSummary(),
    description: '温和配方，适合所有肤质。',
    images: ['/assets/products/SK-0001.svg', '/assets/products/SK-0001-2.svg'],
    attributes: [
      { name: '容量', value: '30ml' },
      { name: '肤质', value: '干皮' },
    ],
    unit: '瓶',
    volumeL: 0.05,
    maxPerOrder: 5,
    stock: [],
    nearestInStock: [],
    ...overrides,
  };
}

/** A category chip. */
export function category(overrides: Partial<Category> = {}): Category {
  return {
    id: 'skincare',
    name: '护肤',
    icon: '/assets/categories/skincare.svg',
    sort: 1,
    productCount: 10,
    ...overrides,
  };
}

/** A delivery slot of tomorrow. */
export function slot(overrides: Partial<Slot> = {}): Slot {
  return {
    id: 11,
    zoneId: 1,
    date: '2026-11-26',
    label: '14:00-16:00',
    startAt: '2026-11-26T06:00:00.000Z',
    endAt: '2026-11-26T08:00:00.000Z',
    cutoffAt: '2026-11-26T05:00:00.000Z',
    capacity: 20,
    remaining: 7,
    bookable: true,
    reason: null,
    ...overrides,
  };
}

/** The slots of the zone around 静安寺. */
export function slotsResponse(slots: Slot[] = [slot()], date = '2026-11-26'): SlotsResponse {
  return {
    zone: {
      id: 1,
      name: '静安嘉里中心 3km',
      storeId: 1,
      storeName: '静安嘉里中心店',
      feeFen: 800,
      freeThresholdFen: 19900,
      cutoffMin: 60,
    },
    date,
    slots,
  };
}

/** A paid delivery order. */
export function order(overrides: Partial<Order> = {}): Order {
  return {
    id: 5,
    orderNo: '2026112500000005',
    type: 'delivery',
    status: 'paid',
    statusText: '已支付',
    storeId: 1,
    storeName: '静安嘉里中心店',
    slot: {
      id: 11,
      date: '2026-11-26',
      label: '14:00-16:00',
      startAt: '2026-11-26T06:00:00.000Z',
      endAt: '2026-11-26T08:00:00.000Z',
      cutoffAt: '2026-11-26T05:00:00.000Z',
    },
    address: {
      contactName: '王小美',
      phone: '13800138000',
      address: '静安寺',
      detail: null,
      lat: 31.2233,
      lng: 121.4454,
    },
    items: [
      {
        productId: 1,
        sku: 'SK-0001',
        name: '玻尿酸保湿精华液',
        image: '/assets/products/SK-0001.svg',
        priceFen: 1290,
        quantity: 2,
        subtotalFen: 2580,
      },
    ],
    itemsTotalFen: 2580,
    deliveryFeeFen: 800,
    totalFen: 3380,
    note: null,
    createdAt: '2026-11-25T06:00:00.000Z',
    paidAt: '2026-11-25T06:01:00.000Z',
    expiresAt: null,
    timeline: [
      {
        status: 'pending_payment',
        from: null,
        at: '2026-11-25T06:00:00.000Z',
        actor: 'customer',
        reason: null,
      },
      {
        status: 'paid',
        from: 'pending_payment',
        at: '2026-11-25T06:01:00.000Z',
        actor: 'wechat',
        reason: null,
      },
    ],
    actions: { pay: false, cancel: true, reschedule: true },
    staffAcknowledged: false,
    refundStatus: 'none',
    refundedFen: 0,
    ...overrides,
  };
}

/** A signed-in consumer's session. */
export function session(token = 'tok-1'): LoginResponse {
  return {
    token,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user: {
      id: 7,
      role: 'consumer',
      nickname: '体验用户',
      avatarUrl: null,
      storeId: null,
      courierId: null,
      createdAt: '2026-11-25T00:00:00.000Z',
    },
  };
}
