/**
 * Public contract of the vehicle-routing solver. Times are in one consistent unit (seconds in
 * production, abstract units for Solomon files), distances in metres (or abstract units).
 */

/**
 * Square matrix indexed by location: either rows (`m[from][to]`) or a flat row-major
 * `Float64Array` of length `n * n`.
 */
export type VrpMatrix = number[][] | Float64Array;

/** What the search minimises once the number of served jobs is maximal. */
export type VrpObjective = 'distance' | 'duration';

/** A job to serve once: location index, demand in capacity units, service time and window in seconds. */
export interface VrpJob {
  /** Index into the matrices. */
  location: number;
  /** Demand in capacity units (non-negative). */
  demand: number;
  /** Service time spent at the job, seconds. */
  serviceS: number;
  /** Earliest and latest start of service, seconds; waiting before the start is allowed. */
  timeWindowS: [number, number];
}

/** A vehicle: capacity in demand units, shift window in seconds, start/end location indices. */
export interface VrpVehicle {
  /** Capacity in the same units as job demand. */
  capacity: number;
  /** Location index where the route starts. */
  startLocation: number;
  /** Location index where the route ends. */
  endLocation: number;
  /** Earliest departure and latest arrival back, seconds. */
  shiftS: [number, number];
  /** Optional cap on end minus start of the route (waiting included), seconds. */
  maxDurationS?: number;
  /** Optional cost added when the vehicle is used, in objective units (metres or seconds). */
  fixedCost?: number;
}

/** A full problem: jobs, fleet, and travel matrices (durations in seconds, distances in metres). */
export interface VrpProblem {
  jobs: VrpJob[];
  vehicles: VrpVehicle[];
  /** Travel time between locations, seconds. */
  durationS: VrpMatrix;
  /** Travel distance between locations, metres; defaults to `durationS` when absent. */
  distanceM?: VrpMatrix;
}

/** Options of one solve call; `timeLimitMs` bounds wall time, `maxIterations` bounds work. */
export interface VrpSolveOptions {
  /** Wall-clock budget in milliseconds for the metaheuristic (construction always completes). */
  timeLimitMs: number;
  /** Seed of the pseudo-random generator; same seed and same iteration count give the same plan. */
  seed?: number;
  /** Travel measure to minimise; default `distance`. */
  objective?: VrpObjective;
  /** Stop after this many genetic iterations (makes runs reproducible regardless of machine speed). */
  maxIterations?: number;
  /** Clock in milliseconds; defaults to `performance.now`. */
  now?: () => number;
}

/** Why a job is not in any route. */
export type VrpUnassignedReason = 'CAPACITY' | 'TIME_WINDOW' | 'UNREACHABLE' | 'NO_VEHICLE';

/** One visited job with its arrival, service start and departure times in seconds. */
export interface VrpStop {
  job: number;
  arrivalS: number;
  serviceStartS: number;
  departureS: number;
}

/** One vehicle's route: jobs in visiting order with times (s), distance (m) and duration (s). */
export interface VrpRoute {
  vehicle: number;
  jobs: number[];
  stops: VrpStop[];
  /** Departure from the start location, seconds. */
  startS: number;
  /** Arrival at the end location, seconds. */
  endS: number;
  distanceM: number;
  durationS: number;
  /** Sum of the demands served, capacity units. */
  load: number;
}

/** A job left out, with the reason code. */
export interface VrpUnassigned {
  job: number;
  reason: VrpUnassignedReason;
}

/** Result of `solve`: routes, totals (metres, seconds), unassigned jobs and search statistics. */
export interface VrpSolution {
  routes: VrpRoute[];
  unassigned: VrpUnassigned[];
  distanceM: number;
  durationS: number;
  /** Objective value: chosen travel measure plus fixed costs of used vehicles. */
  cost: number;
  iterations: number;
  elapsedMs: number;
}

/** One validation problem, with a dotted path to the offending field. */
export interface VrpFieldError {
  field: string;
  message: string;
}
