import { z } from 'zod';
import { LatLng, QueryInt } from './common';
import { OrderStatus } from './orders';
import { StopStatus, UnassignedReason } from './routing';
import { LocalDate } from './slots';

const Id = z.number().int().positive();

/** `GET /admin/dispatch?date=YYYY-MM-DD&storeId=N`: one store's delivery day (Shanghai). */
export const DispatchBoardQuery = z.strictObject({
  date: LocalDate,
  storeId: QueryInt.pipe(Id),
});
export type DispatchBoardQuery = z.infer<typeof DispatchBoardQuery>;

/** `POST /admin/dispatch/reassign` body: move the order's stop to `courierId`'s route. */
export const DispatchReassignBody = z.strictObject({
  date: LocalDate,
  storeId: Id,
  orderId: Id,
  courierId: Id,
});
export type DispatchReassignBody = z.infer<typeof DispatchReassignBody>;

/** A booked delivery window, ISO UTC instants. */
export const BoardWindow = z.object({ start: z.string(), end: z.string() });
export type BoardWindow = z.infer<typeof BoardWindow>;

/** Why an order is in no route: the solver's reasons, or not planned yet (came after the last plan). */
export const BoardUnassignedReason = z.enum([...UnassignedReason.options, 'NOT_PLANNED']);
export type BoardUnassignedReason = z.infer<typeof BoardUnassignedReason>;

/** What the console shows for each `BoardUnassignedReason`. */
export const BOARD_UNASSIGNED_TEXT: Record<BoardUnassignedReason, string> = {
  CAPACITY: '超出骑手容量',
  TIME_WINDOW: '时间窗无法满足',
  UNREACHABLE: '地址无法到达',
  NO_VEHICLE: '没有可用骑手',
  NOT_PLANNED: '尚未排线',
};

/**
 * One stop of a courier's route on the board. `seq` is 1-based; `late` is true when service
 * starts (arrival if arrived, else the ETA) after the window's end, false for a cancelled order.
 */
export const BoardStop = z.object({
  stopId: z.number().int(),
  orderId: z.number().int(),
  orderNo: z.string(),
  seq: z.number().int().min(1),
  location: LatLng,
  address: z.string(),
  eta: z.string(),
  window: BoardWindow,
  late: z.boolean(),
  status: StopStatus,
  orderStatus: OrderStatus,
  arrivedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type BoardStop = z.infer<typeof BoardStop>;

/** A courier's route: stops in order and its length store → stops → store, km. */
export const BoardRoute = z.object({
  courierId: z.number().int(),
  courierName: z.string(),
  distanceKm: z.number().min(0),
  stops: z.array(BoardStop),
});
export type BoardRoute = z.infer<typeof BoardRoute>;

/** An order of the day waiting for dispatch in no route, with the reason (code and Chinese text). */
export const BoardUnassigned = z.object({
  orderId: z.number().int(),
  orderNo: z.string(),
  orderStatus: OrderStatus,
  location: LatLng,
  address: z.string(),
  window: BoardWindow,
  reasonCode: BoardUnassignedReason,
  reason: z.string(),
});
export type BoardUnassigned = z.infer<typeof BoardUnassigned>;

/** A courier who can be given stops, and the last position it reported (any age; `at` ISO). */
export const BoardCourier = z.object({
  id: z.number().int(),
  name: z.string(),
  capacityL: z.number(),
  position: z.object({ lng: z.number(), lat: z.number(), at: z.string() }).nullable(),
});
export type BoardCourier = z.infer<typeof BoardCourier>;

/** `GET /admin/dispatch` answer (also what plan-then-reload and reassign show). */
export const DispatchBoard = z.object({
  date: z.string(),
  storeId: z.number().int(),
  store: z.object({ id: z.number().int(), name: z.string(), location: LatLng }),
  planned: z.boolean(),
  /** When the current plan version was made (ISO), null before the first plan. */
  plannedAt: z.string().nullable(),
  planId: z.number().int().nullable(),
  version: z.number().int().nullable(),
  routes: z.array(BoardRoute),
  unassigned: z.array(BoardUnassigned),
  couriers: z.array(BoardCourier),
  totals: z.object({
    orders: z.number().int(),
    assigned: z.number().int(),
    late: z.number().int(),
    distanceKm: z.number().min(0),
  }),
});
export type DispatchBoard = z.infer<typeof DispatchBoard>;

/** Client → server `dispatch:watch`: receive `courier:position` of this store (replaces the previous watch). */
export const DispatchWatchBody = z.strictObject({ storeId: Id });
export type DispatchWatchBody = z.infer<typeof DispatchWatchBody>;

/** Server → client `courier:position`: a courier's reported position (GCJ-02, `at` ISO). */
export const CourierPositionEvent = z.object({
  courierId: z.number().int(),
  storeId: z.number().int(),
  lng: z.number(),
  lat: z.number(),
  at: z.string(),
});
export type CourierPositionEvent = z.infer<typeof CourierPositionEvent>;

/** Server → client `dispatch:updated`: a store's day got a new plan version; reload the board. */
export const DispatchUpdatedEvent = z.object({
  storeId: z.number().int(),
  date: z.string(),
  planId: z.number().int(),
  version: z.number().int(),
});
export type DispatchUpdatedEvent = z.infer<typeof DispatchUpdatedEvent>;
