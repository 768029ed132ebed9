import { z } from 'zod';
import { LatLng } from './common';
import { OrderStatus } from './orders';
import { LocalDate } from './slots';

/** Most jobs one `POST /routing/optimize` may carry. */
export const ROUTING_MAX_JOBS = 5000;
/** Most vehicles one `POST /routing/optimize` may carry. */
export const ROUTING_MAX_VEHICLES = 500;
/** Longest solve one request may ask for, seconds. */
export const ROUTING_MAX_TIME_LIMIT_S = 60;

/** A caller's id of a vehicle or job: an integer or a short string. */
export const RoutingId = z.union([z.number().int(), z.string().min(1).max(64)]);
export type RoutingId = z.infer<typeof RoutingId>;

/** A place: GCJ-02 coordinates, or a row of the caller's matrix. */
export const RoutingLocation = z.union([
  z.strictObject({ lat: LatLng.shape.lat, lng: LatLng.shape.lng }),
  z.number().int().min(0),
]);
export type RoutingLocation = z.infer<typeof RoutingLocation>;

/** `[start, end]` in seconds (any consistent origin, e.g. since midnight). */
const WindowS = z.tuple([z.number().finite(), z.number().finite()]);

/** A vehicle of `POST /routing/optimize`; without `end` the route ends at its last job. */
export const OptimizeVehicle = z.strictObject({
  id: RoutingId,
  start: RoutingLocation,
  end: RoutingLocation.optional(),
  capacity: z.number().finite().min(0).optional(),
  shift: WindowS.optional(),
  maxDurationS: z.number().finite().min(0).optional(),
  fixedCost: z.number().finite().min(0).optional(),
});
export type OptimizeVehicle = z.infer<typeof OptimizeVehicle>;

/** A job (one stop) of `POST /routing/optimize`: demand in capacity units, service and window in seconds. */
export const OptimizeJob = z.strictObject({
  id: RoutingId,
  location: RoutingLocation,
  demand: z.number().finite().min(0).optional(),
  serviceS: z.number().finite().min(0).optional(),
  window: WindowS.optional(),
});
export type OptimizeJob = z.infer<typeof OptimizeJob>;

const MatrixRows = z.array(z.array(z.number().finite().min(0)));

/** Travel durations (seconds) and optionally distances (metres) between matrix rows. */
export const OptimizeMatrix = z.strictObject({ durationS: MatrixRows, distanceM: MatrixRows.optional() });
export type OptimizeMatrix = z.infer<typeof OptimizeMatrix>;

/** Solve options: wall-clock budget (seconds), objective, random seed. */
export const OptimizeOptions = z.strictObject({
  timeLimitS: z.number().finite().min(0.1).max(ROUTING_MAX_TIME_LIMIT_S).optional(),
  objective: z.enum(['distance', 'duration']).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
});
export type OptimizeOptions = z.infer<typeof OptimizeOptions>;

type Issue = { path: (string | number)[]; message: string };

function squareIssues(m: number[][], name: string): Issue[] {
  const n = m.length;
  const bad = m.findIndex((row) => row.length !== n);
  return bad >= 0 ? [{ path: ['matrix', name, bad], message: `must have ${n} columns (square matrix)` }] : [];
}

function requestIssues(r: {
  vehicles: OptimizeVehicle[];
  jobs: OptimizeJob[];
  matrix?: OptimizeMatrix;
}): Issue[] {
  const issues: Issue[] = [];
  const dupes = (items: { id: RoutingId }[], what: string) => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      const k = `${typeof it.id}:${it.id}`;
      if (seen.has(k)) issues.push({ path: [what, i, 'id'], message: 'duplicate id' });
      seen.add(k);
    });
  };
  dupes(r.vehicles, 'vehicles');
  dupes(r.jobs, 'jobs');
  const window = (w: [number, number] | undefined, path: (string | number)[]) => {
    if (w && w[1] < w[0]) issues.push({ path, message: 'end must not be before start' });
  };
  r.vehicles.forEach((v, i) => window(v.shift, ['vehicles', i, 'shift']));
  r.jobs.forEach((j, i) => window(j.window, ['jobs', i, 'window']));
  const size = r.matrix?.durationS.length ?? -1;
  if (r.matrix) {
    issues.push(...squareIssues(r.matrix.durationS, 'durationS'));
    if (r.matrix.distanceM) {
      issues.push(...squareIssues(r.matrix.distanceM, 'distanceM'));
      if (r.matrix.distanceM.length !== size) {
        issues.push({ path: ['matrix', 'distanceM'], message: `must be ${size} x ${size} like durationS` });
      }
    }
  }
  const place = (loc: RoutingLocation | undefined, path: (string | number)[]) => {
    if (loc === undefined) return;
    if (typeof loc === 'number') {
      if (size < 0) issues.push({ path, message: 'a matrix index needs `matrix`' });
      else if (loc >= size) issues.push({ path, message: `must be a matrix index below ${size}` });
    } else if (size >= 0) {
      issues.push({ path, message: 'with `matrix`, every location must be a matrix index' });
    }
  };
  r.vehicles.forEach((v, i) => {
    place(v.start, ['vehicles', i, 'start']);
    place(v.end, ['vehicles', i, 'end']);
  });
  r.jobs.forEach((j, i) => place(j.location, ['jobs', i, 'location']));
  return issues;
}

/** `POST /routing/optimize` body: a VROOM-like VRPTW problem. */
export const OptimizeRequest = z
  .strictObject({
    vehicles: z.array(OptimizeVehicle).min(1).max(ROUTING_MAX_VEHICLES),
    jobs: z.array(OptimizeJob).max(ROUTING_MAX_JOBS),
    matrix: OptimizeMatrix.optional(),
    options: OptimizeOptions.optional(),
  })
  .superRefine((r, ctx) => {
    for (const i of requestIssues(r)) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
  });
export type OptimizeRequest = z.infer<typeof OptimizeRequest>;

/** Why a job is in no route. */
export const UnassignedReason = z.enum(['CAPACITY', 'TIME_WINDOW', 'UNREACHABLE', 'NO_VEHICLE']);
export type UnassignedReason = z.infer<typeof UnassignedReason>;

/** One served job: arrival, service start and departure, seconds on the request's time axis. */
export const OptimizeStop = z.object({
  jobId: RoutingId,
  arrivalS: z.number(),
  serviceStartS: z.number(),
  departureS: z.number(),
});
export type OptimizeStop = z.infer<typeof OptimizeStop>;

/** One vehicle's route: stops in order, distance (m), duration (s), load, polyline for coordinate input. */
export const OptimizeRoute = z.object({
  vehicleId: RoutingId,
  stops: z.array(OptimizeStop),
  startS: z.number(),
  endS: z.number(),
  distanceM: z.number(),
  durationS: z.number(),
  load: z.number(),
  polyline: z.array(LatLng).optional(),
});
export type OptimizeRoute = z.infer<typeof OptimizeRoute>;

/** `POST /routing/optimize` answer. */
export const OptimizeResponse = z.object({
  routes: z.array(OptimizeRoute),
  unassigned: z.array(z.object({ jobId: RoutingId, reason: UnassignedReason })),
  summary: z.object({
    distanceM: z.number(),
    durationS: z.number(),
    computingMs: z.number().int(),
    routes: z.number().int(),
    unassigned: z.number().int(),
  }),
});
export type OptimizeResponse = z.infer<typeof OptimizeResponse>;

/** `POST /dispatch/plan` body; staff plan their own store, admins name one. */
export const DispatchPlanBody = z.strictObject({
  date: LocalDate,
  storeId: z.number().int().positive().optional(),
});
export type DispatchPlanBody = z.infer<typeof DispatchPlanBody>;

/** Status of one stop of a courier's route. */
export const StopStatus = z.enum(['pending', 'arrived', 'delivered', 'failed']);
export type StopStatus = z.infer<typeof StopStatus>;

/** One planned stop as dispatch sees it; times ISO UTC. */
export const PlannedStop = z.object({
  stopId: z.number().int(),
  seq: z.number().int(),
  orderId: z.number().int(),
  orderNo: z.string(),
  etaAt: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  status: StopStatus,
});
export type PlannedStop = z.infer<typeof PlannedStop>;

/** `POST /dispatch/plan` answer: one versioned plan of a store's day. */
export const DispatchPlan = z.object({
  planId: z.number().int(),
  storeId: z.number().int(),
  date: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  routes: z.array(
    z.object({
      courierId: z.number().int(),
      courierName: z.string(),
      stops: z.array(PlannedStop),
      distanceM: z.number(),
      durationS: z.number(),
    }),
  ),
  unassigned: z.array(z.object({ orderId: z.number().int(), orderNo: z.string(), reason: UnassignedReason })),
  summary: z.object({ orders: z.number().int(), distanceM: z.number(), computingMs: z.number().int() }),
});
export type DispatchPlan = z.infer<typeof DispatchPlan>;

/** `GET /courier/route` query (default: today in Shanghai). */
export const CourierRouteQuery = z.strictObject({ date: LocalDate.optional() });
export type CourierRouteQuery = z.infer<typeof CourierRouteQuery>;

/** A stop as the courier sees it: customer (phone masked), address, window, ETA, parcel. */
export const CourierStop = z.object({
  stopId: z.number().int(),
  seq: z.number().int(),
  orderId: z.number().int(),
  orderNo: z.string(),
  orderStatus: OrderStatus,
  customerName: z.string(),
  phoneMasked: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  windowStart: z.string(),
  windowEnd: z.string(),
  etaAt: z.string(),
  parcels: z.number().int(),
  volumeL: z.number(),
  status: StopStatus,
  arrivedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  failReason: z.string().nullable(),
  /** Wrong delivery codes the courier may still type; 0 = locked (call the store, or mark failed). */
  codeAttemptsLeft: z.number().int().min(0).optional(),
});
export type CourierStop = z.infer<typeof CourierStop>;

/** `GET /courier/route` answer and the `route:updated` socket payload. */
export const CourierRoute = z.object({
  /** False before the store has planned the day: no stops yet, and `store` says whom to call. */
  planned: z.boolean(),
  /** The plan shown (null while not planned). */
  planId: z.number().int().nullable(),
  version: z.number().int().nullable(),
  date: z.string(),
  courierId: z.number().int(),
  store: z.object({
    id: z.number().int(),
    name: z.string(),
    lat: z.number(),
    lng: z.number(),
    /** The store's phone, for a courier who needs help at a door (e.g. a locked delivery code). */
    phone: z.string().optional(),
  }),
  stops: z.array(CourierStop),
  polyline: z.array(LatLng),
  distanceM: z.number(),
});
export type CourierRoute = z.infer<typeof CourierRoute>;

/** A client-made id of one stop action (8–64 URL-safe characters); a replay returns the first result. */
export const ClientEventId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 characters [A-Za-z0-9_-]');

/** `POST /courier/stops/:id/arrive` body. */
export const StopArriveBody = z.strictObject({ clientEventId: ClientEventId });
export type StopArriveBody = z.infer<typeof StopArriveBody>;

/** Proof of delivery: the customer's 4-digit code, or a photo uploaded first. */
export const DeliveryProof = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('code'), code: z.string().regex(/^\d{4}$/, 'must be 4 digits') }),
  z.strictObject({ type: z.literal('photo'), photoId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) }),
]);
export type DeliveryProof = z.infer<typeof DeliveryProof>;

/** `POST /courier/stops/:id/deliver` body. */
export const StopDeliverBody = z.strictObject({ clientEventId: ClientEventId, proof: DeliveryProof });
export type StopDeliverBody = z.infer<typeof StopDeliverBody>;

/** `POST /courier/stops/:id/fail` body. */
export const StopFailBody = z.strictObject({
  clientEventId: ClientEventId,
  reason: z.string().trim().min(1).max(100),
});
export type StopFailBody = z.infer<typeof StopFailBody>;

/** Answer of every stop action (a replay answers the same). */
export const StopActionResponse = z.object({ stop: CourierStop, replayed: z.boolean() });
export type StopActionResponse = z.infer<typeof StopActionResponse>;

/** `POST /courier/uploads` answer. */
export const PhotoUploadResponse = z.object({ photoId: z.string(), sizeBytes: z.number().int() });
export type PhotoUploadResponse = z.infer<typeof PhotoUploadResponse>;

/** Server → customer: when the courier is expected, and where the courier last was. */
export const OrderEtaEvent = z.object({
  orderId: z.number().int(),
  etaAt: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  courierName: z.string(),
  stopsBefore: z.number().int(),
  courierPosition: LatLng.nullable(),
});
export type OrderEtaEvent = z.infer<typeof OrderEtaEvent>;
