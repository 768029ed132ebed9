import { z } from 'zod';
import { AdminPageQuery, VersionField } from './admin';
import { Lat, Lng, QueryInt } from './common';
import { Order, OrderStatus } from './orders';
import { Refund } from './money';
import { LocalDate } from './slots';
import { WeeklyHours } from './stores';

/** A local Asia/Shanghai time of day, "HH:MM" (00:00–23:59; "24:00" only as a closing/ending time). */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (00:00–23:59)');
const EndTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be HH:MM (up to 24:00)');
/** A weekday, 0 = Sunday … 6 = Saturday (the convention of WeeklyHours). */
export const Weekday = z.number().int().min(0).max(6);
const Fen = z.number().int().min(0).max(100_000_000);
const Text = (max: number) => z.string().trim().min(1).max(max);
const QueryBool = z.enum(['true', 'false']).transform((s) => s === 'true');

/** Opening hours of one weekday: open must differ from close (close before open runs past midnight). */
export const AdminStoreHours = WeeklyHours.extend({ open: LocalTime, close: EndTime }).refine(
  (h) => h.open !== h.close,
  { message: 'open and close must differ', path: ['close'] },
);

/** A store as the back office edits it; a weekday missing from `hours` is a closed day. */
export const AdminStore = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  district: z.string(),
  address: z.string(),
  phone: z.string(),
  /** GCJ-02 degrees. */
  lat: z.number(),
  lng: z.number(),
  hours: z.array(WeeklyHours),
  /** Whole days the store is shut (YYYY-MM-DD, Asia/Shanghai): no pickup those days. */
  closedDates: z.array(z.string()),
  /** Offered for 到店自提 (store search `service=pickup`, pickup checkout). */
  pickup: z.boolean(),
  /** Listed as delivering (store search `service=delivery`); delivery itself follows its zones. */
  delivery: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
});
export type AdminStore = z.infer<typeof AdminStore>;

const StoreFields = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,32}$/, 'letters, digits, - and _ (2–32)'),
  name: Text(64),
  district: z.string().trim().max(32).default(''),
  address: Text(255),
  phone: Text(32),
  lat: Lat,
  lng: Lng,
  hours: z.array(AdminStoreHours).max(28),
  closedDates: z.array(LocalDate).max(366).default([]),
  pickup: z.boolean().default(true),
  delivery: z.boolean().default(true),
  active: z.boolean().default(true),
});

/** `POST /admin/stores`. */
export const AdminStoreCreateBody = StoreFields.strict();
export type AdminStoreCreateBody = z.infer<typeof AdminStoreCreateBody>;

/** `PATCH /admin/stores/:id`: any subset of the fields, plus the version read. */
export const AdminStorePatchBody = z
  .object({
    code: StoreFields.shape.code,
    name: StoreFields.shape.name,
    district: z.string().trim().max(32),
    address: StoreFields.shape.address,
    phone: StoreFields.shape.phone,
    lat: Lat,
    lng: Lng,
    hours: StoreFields.shape.hours,
    closedDates: z.array(LocalDate).max(366),
    pickup: z.boolean(),
    delivery: z.boolean(),
    active: z.boolean(),
  })
  .partial()
  .extend({ version: VersionField })
  .strict();
export type AdminStorePatchBody = z.infer<typeof AdminStorePatchBody>;

/** `GET /admin/stores?q=&active=`: q matches code, name or address. */
export const AdminStoreListQuery = AdminPageQuery.extend({
  q: z.string().trim().min(1).max(64).optional(),
  active: QueryBool.optional(),
});
export type AdminStoreListQuery = z.infer<typeof AdminStoreListQuery>;

export const AdminStoreListResponse = z.object({
  items: z.array(AdminStore),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminStoreListResponse = z.infer<typeof AdminStoreListResponse>;

/**
 * A GeoJSON Polygon (RFC 7946: positions are [lng, lat], GCJ-02 degrees). Only the outer ring is
 * kept; closing it is optional. The shape is checked loosely here and strictly by the service,
 * which answers 400 ZONE_INVALID naming the bad position.
 */
export const GeoJsonPolygon = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(z.array(z.number()))),
});
export type GeoJsonPolygon = z.infer<typeof GeoJsonPolygon>;

/** A delivery zone as the back office edits it. */
export const AdminZone = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  storeId: z.number().int(),
  polygon: GeoJsonPolygon,
  feeFen: z.number().int(),
  /** Orders whose items total reaches this pay no delivery fee; null = never free. */
  freeThresholdFen: z.number().int().nullable(),
  /** Minutes before a slot starts when booking it closes (a template may set its own). */
  cutoffMin: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type AdminZone = z.infer<typeof AdminZone>;

const ZoneFields = z.object({
  code: StoreFields.shape.code,
  name: Text(64),
  storeId: z.number().int().positive(),
  polygon: GeoJsonPolygon,
  feeFen: Fen,
  freeThresholdFen: Fen.nullable().default(null),
  cutoffMin: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  active: z.boolean().default(true),
});

/** `POST /admin/zones`. */
export const AdminZoneCreateBody = ZoneFields.strict();
export type AdminZoneCreateBody = z.infer<typeof AdminZoneCreateBody>;

/** `PATCH /admin/zones/:id`. */
export const AdminZonePatchBody = z
  .object({ ...ZoneFields.shape, freeThresholdFen: Fen.nullable(), active: z.boolean() })
  .partial()
  .extend({ version: VersionField })
  .strict();
export type AdminZonePatchBody = z.infer<typeof AdminZonePatchBody>;

/** `GET /admin/zones?storeId=&active=`. */
export const AdminZoneListQuery = AdminPageQuery.extend({
  storeId: QueryInt.pipe(z.number().int().positive()).optional(),
  active: QueryBool.optional(),
});
export type AdminZoneListQuery = z.infer<typeof AdminZoneListQuery>;

export const AdminZoneListResponse = z.object({
  items: z.array(AdminZone),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminZoneListResponse = z.infer<typeof AdminZoneListResponse>;

/** A slot pattern of a zone: on one weekday (null = every day), local times, seats and cut-off. */
export const AdminSlotTemplate = z.object({
  id: z.number().int(),
  zoneId: z.number().int(),
  weekday: Weekday.nullable(),
  startLocal: z.string(),
  endLocal: z.string(),
  capacity: z.number().int(),
  /** Minutes before the start when booking closes; null = the zone's cut-off. */
  cutoffMin: z.number().int().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type AdminSlotTemplate = z.infer<typeof AdminSlotTemplate>;

const TemplateFields = z.object({
  weekday: Weekday.nullable(),
  startLocal: LocalTime,
  endLocal: EndTime,
  capacity: z.number().int().min(0).max(10_000),
  cutoffMin: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .nullable(),
  active: z.boolean(),
});
const startBeforeEnd = (t: { startLocal?: string; endLocal?: string }) =>
  t.startLocal === undefined || t.endLocal === undefined || t.startLocal < t.endLocal;

/** `POST /admin/slot-templates`. */
export const AdminSlotTemplateCreateBody = TemplateFields.extend({
  zoneId: z.number().int().positive(),
  weekday: TemplateFields.shape.weekday.default(null),
  cutoffMin: TemplateFields.shape.cutoffMin.default(null),
  active: z.boolean().default(true),
})
  .strict()
  .refine(startBeforeEnd, { message: 'startLocal must be before endLocal', path: ['endLocal'] });
export type AdminSlotTemplateCreateBody = z.infer<typeof AdminSlotTemplateCreateBody>;

/** `PATCH /admin/slot-templates/:id` (the zone of a template does not change). */
export const AdminSlotTemplatePatchBody = TemplateFields.partial()
  .extend({ version: VersionField })
  .strict()
  .refine(startBeforeEnd, { message: 'startLocal must be before endLocal', path: ['endLocal'] });
export type AdminSlotTemplatePatchBody = z.infer<typeof AdminSlotTemplatePatchBody>;

/** `GET /admin/slot-templates?zoneId=&weekday=`. */
export const AdminSlotTemplateListQuery = AdminPageQuery.extend({
  zoneId: QueryInt.pipe(z.number().int().positive()).optional(),
  weekday: QueryInt.pipe(Weekday).optional(),
});
export type AdminSlotTemplateListQuery = z.infer<typeof AdminSlotTemplateListQuery>;

export const AdminSlotTemplateListResponse = z.object({
  items: z.array(AdminSlotTemplate),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminSlotTemplateListResponse = z.infer<typeof AdminSlotTemplateListResponse>;

/** A blackout (no delivery that day in a zone, or in every zone when zoneId is null) or a capacity override. */
export const AdminSlotOverride = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('blackout'),
    id: z.number().int(),
    zoneId: z.number().int().nullable(),
    date: z.string(),
    reason: z.string(),
  }),
  z.object({
    kind: z.literal('capacity'),
    id: z.number().int(),
    zoneId: z.number().int(),
    date: z.string(),
    startLocal: z.string(),
    capacity: z.number().int(),
  }),
]);
export type AdminSlotOverride = z.infer<typeof AdminSlotOverride>;

/** `POST /admin/slot-overrides`: a blackout, or the seats of one slot on one day (0 closes it). */
export const AdminSlotOverrideBody = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('blackout'),
      zoneId: z.number().int().positive().nullable(),
      date: LocalDate,
      reason: Text(64),
    })
    .strict(),
  z
    .object({
      kind: z.literal('capacity'),
      zoneId: z.number().int().positive(),
      date: LocalDate,
      startLocal: LocalTime,
      capacity: z.number().int().min(0).max(10_000),
    })
    .strict(),
]);
export type AdminSlotOverrideBody = z.infer<typeof AdminSlotOverrideBody>;

/** What an override did to slots already generated: booked seats are never cancelled. */
export const AdminSlotOverrideResponse = z.object({
  override: AdminSlotOverride,
  /** Generated slots it changed (capacity below booked: the slot is full, its bookings stay valid). */
  affectedSlots: z.array(
    z.object({
      slotId: z.number().int(),
      capacity: z.number().int(),
      booked: z.number().int(),
      full: z.boolean(),
    }),
  ),
  /** Seats already booked in those slots; they all stay valid. */
  bookedKept: z.number().int(),
  message: z.string(),
});
export type AdminSlotOverrideResponse = z.infer<typeof AdminSlotOverrideResponse>;

/** `GET /admin/slot-overrides?zoneId=&from=&to=`. */
export const AdminSlotOverrideListQuery = AdminPageQuery.extend({
  zoneId: QueryInt.pipe(z.number().int().positive()).optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
});
export type AdminSlotOverrideListQuery = z.infer<typeof AdminSlotOverrideListQuery>;

export const AdminSlotOverrideListResponse = z.object({
  items: z.array(AdminSlotOverride),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminSlotOverrideListResponse = z.infer<typeof AdminSlotOverrideListResponse>;

/**
 * `GET /admin/orders?status=&storeId=&date=&slotId=&type=&q=`: `status` one state or several,
 * comma-separated; `date` the service day — a delivery order's slot date, the Shanghai day an order
 * without a slot (pickup) was placed; `q` part of the order number or of the contact phone.
 */
export const AdminOrderListQuery = AdminPageQuery.extend({
  status: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(OrderStatus).min(1).max(10))
    .optional(),
  storeId: QueryInt.pipe(z.number().int().positive()).optional(),
  date: LocalDate.optional(),
  slotId: QueryInt.pipe(z.number().int().positive()).optional(),
  type: z.enum(['delivery', 'pickup']).optional(),
  q: z.string().trim().min(1).max(32).optional(),
});
export type AdminOrderListQuery = z.infer<typeof AdminOrderListQuery>;

export const AdminOrderListResponse = z.object({
  items: z.array(Order),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminOrderListResponse = z.infer<typeof AdminOrderListResponse>;

/** `POST /admin/orders/:id/cancel`: a paid order is refunded in full through the refund queue. */
export const AdminOrderCancelBody = z.object({ reason: Text(80).optional() }).strict();
export type AdminOrderCancelBody = z.infer<typeof AdminOrderCancelBody>;

/** `POST /admin/orders/:id/reschedule`: the shop moves a delivery order to another slot of its zone; the customer is told why. */
export const AdminOrderRescheduleBody = z
  .object({
    /** A slot that exists; or, for a day no customer has opened yet, its `date` and `startLocal`. */
    slotId: z.number().int().positive().optional(),
    date: LocalDate.optional(),
    startLocal: LocalTime.optional(),
    reason: Text(40),
  })
  .strict()
  .refine((b) => (b.slotId !== undefined) !== (b.date !== undefined && b.startLocal !== undefined), {
    error: '请选择一个时段（slotId，或 date 与 startLocal）',
    path: ['slotId'],
  });
export type AdminOrderRescheduleBody = z.infer<typeof AdminOrderRescheduleBody>;

/**
 * `POST /admin/orders/:id/refund`: refunds units of lines (every unit not yet refunded when `lines`
 * is omitted, then with the delivery fee). `amountFen`, when given, must equal what those lines come
 * to (a guard against refunding the wrong amount; refunds are by line, never a free amount).
 */
export const AdminOrderRefundBody = z
  .object({
    reason: Text(80),
    lines: z
      .array(z.object({ productId: z.number().int().positive(), quantity: z.number().int().positive() }))
      .min(1)
      .optional(),
    includeFee: z.boolean().optional(),
    amountFen: z.number().int().positive().optional(),
  })
  .strict();
export type AdminOrderRefundBody = z.infer<typeof AdminOrderRefundBody>;

export const AdminOrderRefundResponse = z.object({ order: Order, refund: Refund });
export type AdminOrderRefundResponse = z.infer<typeof AdminOrderRefundResponse>;
