import { z } from 'zod';
import { CoordSystem, Lat, Lng, QueryInt, QueryNumber } from './common';
import { Store } from './stores';

/** `GET /stores/nearby` query. */
export const NearbyStoresQuery = z.strictObject({
  lat: QueryNumber.pipe(Lat),
  lng: QueryNumber.pipe(Lng),
  coord: CoordSystem.optional(),
  limit: QueryInt.pipe(z.number().int().min(1).max(50)).optional(),
  productId: QueryInt.pipe(z.number().int().positive()).optional(),
  openNow: z.enum(['true', 'false', '1', '0']).optional(),
  service: z.enum(['pickup', 'delivery']).optional(),
});
export type NearbyStoresQuery = z.infer<typeof NearbyStoresQuery>;

/** Whether a store is open now and when that changes. */
export const OpenStatus = z.object({
  openNow: z.boolean(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  label: z.string(),
});
export type OpenStatus = z.infer<typeof OpenStatus>;

/** A store in a nearby list: distance in metres, ETA in minutes (e-bike/walking from the provider). */
export const NearbyStore = Store.extend({
  distanceM: z.number().int(),
  etaMin: z.number().int(),
  open: OpenStatus,
  stock: z.number().int().nullable(),
});
export type NearbyStore = z.infer<typeof NearbyStore>;

/** `GET /stores/nearby` answer. */
export const NearbyStoresResponse = z.object({
  items: z.array(NearbyStore),
  origin: z.object({ lat: z.number(), lng: z.number() }),
});
export type NearbyStoresResponse = z.infer<typeof NearbyStoresResponse>;

/** `GET /stores/:id` answer. */
export const StoreDetail = Store.extend({
  open: OpenStatus,
  exceptions: z.array(
    z.object({
      date: z.string(),
      closed: z.boolean(),
      open: z.string().nullable(),
      close: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});
export type StoreDetail = z.infer<typeof StoreDetail>;

/** `POST /lbs/consent`: location sharing and (optionally) nearby member offers. */
export const ConsentBody = z.strictObject({
  location: z.boolean(),
  nearbyOffers: z.boolean().optional(),
});
export type ConsentBody = z.infer<typeof ConsentBody>;

/** The caller's location consent. */
export const Consent = z.object({
  location: z.boolean(),
  nearbyOffers: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type Consent = z.infer<typeof Consent>;

/** `POST /lbs/location`: one position report. `at` defaults to the server's receipt time. */
export const LocationReport = z.strictObject({
  lat: Lat,
  lng: Lng,
  coord: CoordSystem,
  at: z.iso.datetime({ offset: true }).optional(),
  accuracyM: z.number().min(0).max(10_000).optional(),
});
export type LocationReport = z.infer<typeof LocationReport>;

/** `POST /lbs/location` answer: whether the report was acted on, and what it raised. */
export const LocationResult = z.object({
  accepted: z.boolean(),
  flagged: z.enum(['FUTURE', 'OUT_OF_ORDER', 'STALE', 'TOO_FAST', 'OUT_OF_CHINA']).nullable(),
  events: z.array(z.object({ id: z.number().int(), kind: z.string(), storeId: z.number().int() })),
});
export type LocationResult = z.infer<typeof LocationResult>;

/** Kinds of store-inbox events. */
export const LbsEventKind = z.enum([
  'PICKUP_ARRIVAL',
  'NEARBY_MEMBER',
  'ORDER_READY',
  'DELIVERY_CODE_LOCKED',
  /** A store KPI left its normal band (see the 看板); the title says which and by how much. */
  'KPI_ANOMALY',
]);
export type LbsEventKind = z.infer<typeof LbsEventKind>;

/** Inbox states: open → claimed → resolved; open too long → escalated (still claimable). */
export const LbsEventStatus = z.enum(['open', 'claimed', 'resolved', 'escalated']);
export type LbsEventStatus = z.infer<typeof LbsEventStatus>;

/** One store-inbox event. */
export const LbsEvent = z.object({
  id: z.number().int(),
  storeId: z.number().int(),
  kind: LbsEventKind,
  title: z.string(),
  status: LbsEventStatus,
  customer: z.object({ userId: z.number().int(), nickname: z.string() }).nullable(),
  order: z
    .object({
      id: z.number().int(),
      orderNo: z.string(),
      status: z.string(),
      items: z.array(z.object({ name: z.string(), quantity: z.number().int() })),
    })
    .nullable(),
  distanceM: z.number().int().nullable(),
  createdAt: z.string(),
  claimedBy: z.object({ userId: z.number().int(), nickname: z.string() }).nullable(),
  claimedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  note: z.string().nullable(),
  escalatedAt: z.string().nullable(),
});
export type LbsEvent = z.infer<typeof LbsEvent>;

/** `GET /staff/events` query. */
export const StaffEventsQuery = z.strictObject({
  status: z.enum(['open', 'claimed', 'resolved', 'escalated', 'active']).optional(),
});
export type StaffEventsQuery = z.infer<typeof StaffEventsQuery>;

/** `POST /staff/events/:id/resolve` body. */
export const ResolveEventBody = z.strictObject({ note: z.string().trim().min(1).max(200) });
export type ResolveEventBody = z.infer<typeof ResolveEventBody>;
