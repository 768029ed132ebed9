import type {
  LatLng,
  OptimizeRequest,
  OptimizeResponse,
  RoutingId,
  RoutingLocation,
} from '@omni/shared-types';
import type { VrpProblem, VrpSolution } from '../../algorithms/vrp';

/**
 * Travel between the request's places as row-major `size` x `size` Float64Arrays (seconds,
 * metres); `size` is the number of places, plus one spare row and column (zeros) for open routes.
 */
export interface PlaceMatrix {
  size: number;
  durationS: Float64Array;
  distanceM: Float64Array;
}

/** How many rows and columns the solver's matrices need: one per place, one more for open routes. */
export function matrixSize(req: OptimizeRequest, places: number): number {
  return req.vehicles.some((v) => v.end === undefined) ? places + 1 : places;
}

/** The distinct coordinates of a request without a matrix, in first-seen order, and each place's index. */
export function distinctPoints(req: OptimizeRequest): {
  points: LatLng[];
  indexOf: (l: RoutingLocation) => number;
} {
  const points: LatLng[] = [];
  const seen = new Map<string, number>();
  const indexOf = (l: RoutingLocation): number => {
    if (typeof l === 'number') return l;
    const k = `${l.lat},${l.lng}`;
    let i = seen.get(k);
    if (i === undefined) {
      i = points.length;
      seen.set(k, i);
      points.push({ lat: l.lat, lng: l.lng });
    }
    return i;
  };
  for (const v of req.vehicles) {
    indexOf(v.start);
    if (v.end !== undefined) indexOf(v.end);
  }
  for (const j of req.jobs) indexOf(j.location);
  return { points, indexOf };
}

/** Row-major copy of `rows` (n x n) into a Float64Array of `size` x `size` (size ≥ n), zeros elsewhere. */
export function flatten(rows: ArrayLike<ArrayLike<number>>, size: number): Float64Array {
  const out = new Float64Array(size * size);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let j = 0; j < row.length; j++) out[i * size + j] = row[j];
  }
  return out;
}

/**
 * Compiles a validated request into the solver's problem. A vehicle without `end` finishes at its
 * last job: it "ends" at the spare place (last row), which every place reaches in 0 s and 0 m.
 * Missing windows and shifts span a horizon no route can exceed; a missing capacity carries every demand.
 */
export function toVrpProblem(
  req: OptimizeRequest,
  m: PlaceMatrix,
  indexOf: (l: RoutingLocation) => number,
): VrpProblem {
  let maxTravelS = 0;
  for (const t of m.durationS) if (Number.isFinite(t) && t > maxTravelS) maxTravelS = t;
  const ends = [...req.jobs.map((j) => j.window?.[1] ?? 0), ...req.vehicles.map((v) => v.shift?.[1] ?? 0)];
  const serviceS = req.jobs.reduce((n, j) => n + (j.serviceS ?? 0), 0);
  const horizonS = Math.max(0, ...ends) + serviceS + maxTravelS * (req.jobs.length + 1) + 1;
  const totalDemand = req.jobs.reduce((n, j) => n + (j.demand ?? 0), 0);
  return {
    durationS: m.durationS,
    distanceM: m.distanceM,
    jobs: req.jobs.map((j) => ({
      location: indexOf(j.location),
      demand: j.demand ?? 0,
      serviceS: j.serviceS ?? 0,
      timeWindowS: j.window ?? [0, horizonS],
    })),
    vehicles: req.vehicles.map((v) => ({
      capacity: v.capacity ?? totalDemand,
      startLocation: indexOf(v.start),
      endLocation: v.end === undefined ? m.size - 1 : indexOf(v.end),
      shiftS: v.shift ?? [0, horizonS],
      maxDurationS: v.maxDurationS,
      fixedCost: v.fixedCost,
    })),
  };
}

/** Maps a solution back to the caller's ids; a polyline (start, stops, end) when places are coordinates. */
export function toOptimizeResponse(
  req: OptimizeRequest,
  s: VrpSolution,
  points: LatLng[] | null,
  indexOf: (l: RoutingLocation) => number,
  computingMs: number,
): OptimizeResponse {
  const jobId = (i: number): RoutingId => req.jobs[i].id;
  const routes = s.routes.map((r) => {
    const v = req.vehicles[r.vehicle];
    const polyline = points
      ? [
          points[indexOf(v.start)],
          ...r.jobs.map((j) => points[indexOf(req.jobs[j].location)]),
          ...(v.end !== undefined ? [points[indexOf(v.end)]] : []),
        ]
      : undefined;
    return {
      vehicleId: v.id,
      stops: r.stops.map((st) => ({
        jobId: jobId(st.job),
        arrivalS: st.arrivalS,
        serviceStartS: st.serviceStartS,
        departureS: st.departureS,
      })),
      startS: r.startS,
      endS: r.endS,
      distanceM: r.distanceM,
      durationS: r.durationS,
      load: r.load,
      ...(polyline ? { polyline } : {}),
    };
  });
  return {
    routes,
    unassigned: s.unassigned.map((u) => ({ jobId: jobId(u.job), reason: u.reason })),
    summary: {
      distanceM: s.distanceM,
      durationS: s.durationS,
      computingMs: Math.round(computingMs),
      routes: routes.length,
      unassigned: s.unassigned.length,
    },
  };
}
