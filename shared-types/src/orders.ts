import { z } from 'zod';
import { CoordSystem, Lat, Lng, PageQuery, paged } from './common';

/** Order states; see the lifecycle in DESIGN/issue 3. */
export const OrderStatus = z.enum([
  'pending_payment',
  'paid',
  'assigned',
  'out_for_delivery',
  'delivered',
  'delivery_failed',
  'ready_for_pickup',
  'picked_up',
  'cancelled',
  'refunded',
]);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** Chinese labels of order states, shared by the mini-program and the bot. */
export const ORDER_STATUS_TEXT: Record<OrderStatus, string> = {
  pending_payment: '待支付',
  paid: '已支付',
  assigned: '待配送',
  out_for_delivery: '配送中',
  delivered: '已送达',
  delivery_failed: '配送失败',
  ready_for_pickup: '待取货',
  picked_up: '已取货',
  cancelled: '已取消',
  refunded: '已退款',
};

/** Fields a client may send with a price; the server ignores them and prices itself. */
const IgnoredPriceFields = {
  priceFen: z.unknown().optional(),
  price: z.unknown().optional(),
  unitPriceFen: z.unknown().optional(),
  amountFen: z.unknown().optional(),
  totalFen: z.unknown().optional(),
};

/** One line of a new order. */
export const OrderLineInput = z.strictObject({
  productId: z.number().int().positive(),
  quantity: z.number().int().min(1).max(999),
  ...IgnoredPriceFields,
});
export type OrderLineInput = z.infer<typeof OrderLineInput>;

/** A delivery address; lat/lng in `coord` (default GCJ-02, as WeChat's map picker gives). */
export const AddressInput = z.strictObject({
  contactName: z.string().trim().min(1).max(32),
  phone: z.string().regex(/^1\d{10}$/, 'must be a mainland mobile number'),
  address: z.string().trim().min(2).max(120),
  detail: z.string().trim().max(60).optional(),
  lat: Lat,
  lng: Lng,
  coord: CoordSystem.optional(),
});
export type AddressInput = z.infer<typeof AddressInput>;

const lines = z
  .array(OrderLineInput)
  .min(1)
  .max(50)
  .superRefine((items, ctx) => {
    const seen = new Set<number>();
    items.forEach((it, i) => {
      if (seen.has(it.productId)) {
        ctx.addIssue({ code: 'custom', path: [i, 'productId'], message: 'duplicate line for this product' });
      }
      seen.add(it.productId);
    });
  });

/** `POST /orders` body (header `Idempotency-Key` required). */
export const CreateOrderBody = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('delivery'),
      items: lines,
      slotId: z.number().int().positive(),
      /** Typed in at checkout; or `addressId`, an address of the caller's address book (copied into the order). */
      address: AddressInput.optional(),
      addressId: z.number().int().positive().optional(),
      note: z.string().trim().max(100).optional(),
      ...IgnoredPriceFields,
    })
    .superRefine((b, ctx) => {
      if ((b.address === undefined) === (b.addressId === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['address'], message: 'give either address or addressId' });
      }
    }),
  z.strictObject({
    type: z.literal('pickup'),
    items: lines,
    storeId: z.number().int().positive(),
    note: z.string().trim().max(100).optional(),
    ...IgnoredPriceFields,
  }),
]);
export type CreateOrderBody = z.infer<typeof CreateOrderBody>;

/** `Idempotency-Key` header: 8–64 URL-safe characters. */
export const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 characters [A-Za-z0-9_-]');

/** One priced line of an order. */
export const OrderLine = z.object({
  productId: z.number().int(),
  sku: z.string(),
  name: z.string(),
  image: z.string(),
  priceFen: z.number().int(),
  quantity: z.number().int(),
  subtotalFen: z.number().int(),
});
export type OrderLine = z.infer<typeof OrderLine>;

/** One entry of an order's timeline. */
export const OrderEvent = z.object({
  status: OrderStatus,
  from: OrderStatus.nullable(),
  at: z.string(),
  actor: z.enum(['customer', 'staff', 'courier', 'system', 'wechat', 'admin']),
  reason: z.string().nullable(),
});
export type OrderEvent = z.infer<typeof OrderEvent>;

/** The booked slot as shown on an order. */
export const OrderSlot = z.object({
  id: z.number().int(),
  date: z.string(),
  label: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  cutoffAt: z.string(),
});
export type OrderSlot = z.infer<typeof OrderSlot>;

/** The courier bringing a delivery: ETA (ISO UTC), stops before this one, last known position (GCJ-02). */
export const OrderCourier = z.object({
  name: z.string(),
  etaAt: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  stopsBefore: z.number().int().min(0),
  position: z.object({ lat: z.number(), lng: z.number() }).nullable(),
});
export type OrderCourier = z.infer<typeof OrderCourier>;

/** An order as its owner or store staff see it; money in fen, times ISO UTC. */
export const Order = z.object({
  id: z.number().int(),
  orderNo: z.string(),
  type: z.enum(['delivery', 'pickup']),
  status: OrderStatus,
  statusText: z.string(),
  storeId: z.number().int(),
  storeName: z.string(),
  slot: OrderSlot.nullable(),
  address: z
    .object({
      contactName: z.string(),
      phone: z.string(),
      address: z.string(),
      detail: z.string().nullable(),
      lat: z.number(),
      lng: z.number(),
    })
    .nullable(),
  items: z.array(OrderLine),
  itemsTotalFen: z.number().int(),
  deliveryFeeFen: z.number().int(),
  totalFen: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  timeline: z.array(OrderEvent),
  actions: z.object({ pay: z.boolean(), cancel: z.boolean(), reschedule: z.boolean() }),
  staffAcknowledged: z.boolean(),
  /** The 4-digit code the owner tells the courier at the door (delivery orders, owner only). */
  deliveryCode: z.string().optional(),
  /** Where the money stands: `refunding` while a refund waits for WeChat Pay (退款中). */
  refundStatus: z.enum(['none', 'refunding', 'partially_refunded', 'refunded']),
  /** What WeChat Pay has paid back so far, in fen. */
  refundedFen: z.number().int().min(0),
  /** Set on the detail of a planned delivery until it is delivered. */
  courier: OrderCourier.nullable().optional(),
});
export type Order = z.infer<typeof Order>;

/** `GET /orders` query. */
export const OrderListQuery = PageQuery.extend({
  /** One status or several, comma-separated (`paid,assigned,out_for_delivery`). */
  status: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(OrderStatus).min(1).max(10))
    .optional(),
}).strict();
export type OrderListQuery = z.infer<typeof OrderListQuery>;

/** `GET /orders` answer. */
export const OrderListResponse = paged(Order);
export type OrderListResponse = z.infer<typeof OrderListResponse>;

/** `PATCH /orders/:id/slot` body. */
export const RescheduleBody = z.strictObject({ slotId: z.number().int().positive() });
export type RescheduleBody = z.infer<typeof RescheduleBody>;

/** `POST /orders/:id/cancel` body. */
export const CancelBody = z.strictObject({ reason: z.string().trim().max(100).optional() });
export type CancelBody = z.infer<typeof CancelBody>;

/** What `wx.requestPayment` takes (WeChat Pay JSAPI, APIv3). */
export const PayParams = z.object({
  appId: z.string(),
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string(),
  signType: z.literal('RSA'),
  paySign: z.string(),
});
export type PayParams = z.infer<typeof PayParams>;

/** `POST /orders/:id/pay` answer; `mockPay` is true in dev, where `POST /dev/mock-pay/:id` drives the notify. */
export const PayResponse = z.object({
  orderId: z.number().int(),
  totalFen: z.number().int(),
  params: PayParams,
  mockPay: z.boolean(),
});
export type PayResponse = z.infer<typeof PayResponse>;

/** `POST /dev/mock-pay/:orderId` (dev only): the mock WeChat pays and notifies. */
export const MockPayResponse = z.object({ notified: z.boolean(), status: OrderStatus });
export type MockPayResponse = z.infer<typeof MockPayResponse>;

/** Geocoding answers for the checkout's address step. */
export const GeocodeQuery = z.strictObject({
  address: z.string().trim().min(2).max(120),
  city: z.string().max(20).optional(),
});
export const GeocodeResponse = z.object({
  lat: z.number(),
  lng: z.number(),
  formattedAddress: z.string(),
  district: z.string().nullable(),
});
export type GeocodeResponse = z.infer<typeof GeocodeResponse>;
