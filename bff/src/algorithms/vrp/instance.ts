import { matrixSize, toFlatMatrix } from './matrix';
import { concatSegments, stopSegment } from './segment';
import type { VrpJob, VrpObjective, VrpProblem, VrpUnassignedReason } from './types';

/** Travel value standing in for Infinity so that time-window arithmetic never produces NaN. */
const UNREACHABLE = 1e9;
/**
 * Granular neighbourhood size. HGS-CVRP's default of 20; on Solomon with a few seconds, 20 beat 40
 * (more generations per second outweigh the moves left out).
 */
const NEIGHBOURS = 20;

/**
 * The problem compiled into flat typed arrays over "nodes": clients 0..n-1 (jobs that could be
 * served on their own), then for each vehicle v a start node n+2v and an end node n+2v+1.
 * Travel matrices are node x node so hot loops do a single multiply-add to index them.
 */
export interface Instance {
  n: number;
  nv: number;
  nodes: number;
  /** Internal client index -> index in `problem.jobs`. */
  jobOf: Int32Array;
  dist: Float64Array;
  time: Float64Array;
  /** Arc cost used by the objective: distance, or zero when the route duration is the objective. */
  arc: Float64Array;
  /** Weight of route duration in the objective (1 for 'duration', 0 for 'distance'). */
  durationWeight: number;
  ready: Float64Array;
  due: Float64Array;
  service: Float64Array;
  demand: Float64Array;
  capacity: Float64Array;
  maxDuration: Float64Array;
  fixedCost: Float64Array;
  /** Vehicles with identical end location and shift: route tails may be swapped in O(1). */
  sameEnd: Uint8Array;
  /** Vehicles with identical attributes share a class id; empty routes of one class are interchangeable. */
  vehicleClass: Int32Array;
  neighbours: Int32Array[];
  /** Largest demand (>= 1e-9) and largest arc cost, used to scale penalties. */
  maxDemand: number;
  maxArc: number;
}

/** For each job, why no vehicle could serve it even alone, or null when some vehicle can. */
export function aloneReasons(problem: VrpProblem): (VrpUnassignedReason | null)[] {
  const time = toFlatMatrix(problem.durationS);
  const size = matrixSize(problem.durationS);
  return problem.jobs.map((job) => aloneReason(problem, time, size, job));
}

function aloneReason(
  problem: VrpProblem,
  time: Float64Array,
  size: number,
  job: VrpJob,
): VrpUnassignedReason | null {
  let fits = false;
  let reaches = false;
  for (const vehicle of problem.vehicles) {
    if (job.demand > vehicle.capacity) continue;
    fits = true;
    const there = time[vehicle.startLocation * size + job.location];
    const back = time[job.location * size + vehicle.endLocation];
    if (!Number.isFinite(there) || !Number.isFinite(back)) continue;
    reaches = true;
    const shift = stopSegment(0, vehicle.shiftS[0], vehicle.shiftS[1]);
    const stop = stopSegment(job.serviceS, job.timeWindowS[0], job.timeWindowS[1]);
    const route = concatSegments(concatSegments(shift, there, stop), back, shift);
    if (route.timeWarpS > 0 || route.durationS > (vehicle.maxDurationS ?? Infinity)) continue;
    return null;
  }
  if (!fits) return 'CAPACITY';
  return reaches ? 'TIME_WINDOW' : 'UNREACHABLE';
}

/** Compiles a validated problem restricted to `jobIndices` (the jobs that can be served alone). */
export function buildInstance(problem: VrpProblem, objective: VrpObjective, jobIndices: number[]): Instance {
  const n = jobIndices.length;
  const nv = problem.vehicles.length;
  const nodes = n + 2 * nv;
  const size = matrixSize(problem.durationS);
  const timeIn = toFlatMatrix(problem.durationS);
  const distIn = problem.distanceM ? toFlatMatrix(problem.distanceM) : timeIn;
  const loc = new Int32Array(nodes);
  const ready = new Float64Array(nodes);
  const due = new Float64Array(nodes);
  const service = new Float64Array(nodes);
  const demand = new Float64Array(nodes);
  jobIndices.forEach((jobIndex, c) => {
    const job = problem.jobs[jobIndex];
    loc[c] = job.location;
    ready[c] = job.timeWindowS[0];
    due[c] = job.timeWindowS[1];
    service[c] = job.serviceS;
    demand[c] = job.demand;
  });
  const capacity = new Float64Array(nv);
  const maxDuration = new Float64Array(nv);
  const fixedCost = new Float64Array(nv);
  problem.vehicles.forEach((vehicle, v) => {
    for (const [node, location] of [
      [n + 2 * v, vehicle.startLocation],
      [n + 2 * v + 1, vehicle.endLocation],
    ]) {
      loc[node] = location;
      ready[node] = vehicle.shiftS[0];
      due[node] = vehicle.shiftS[1];
    }
    capacity[v] = vehicle.capacity;
    maxDuration[v] = vehicle.maxDurationS ?? Infinity;
    fixedCost[v] = vehicle.fixedCost ?? 0;
  });
  const dist = new Float64Array(nodes * nodes);
  const time = new Float64Array(nodes * nodes);
  for (let i = 0; i < nodes; i++) {
    for (let j = 0; j < nodes; j++) {
      const k = loc[i] * size + loc[j];
      dist[i * nodes + j] = Number.isFinite(distIn[k]) ? distIn[k] : UNREACHABLE;
      time[i * nodes + j] = Number.isFinite(timeIn[k]) ? timeIn[k] : UNREACHABLE;
    }
  }
  const durationWeight = objective === 'duration' ? 1 : 0;
  const arc = durationWeight ? new Float64Array(nodes * nodes) : dist;
  const signature = (v: number): string => JSON.stringify(problem.vehicles[v]);
  const sameEnd = new Uint8Array(nv * nv);
  const vehicleClass = new Int32Array(nv);
  const classes = new Map<string, number>();
  for (let v = 0; v < nv; v++) {
    const key = signature(v);
    if (!classes.has(key)) classes.set(key, classes.size);
    vehicleClass[v] = classes.get(key)!;
    const a = problem.vehicles[v];
    for (let w = 0; w < nv; w++) {
      const b = problem.vehicles[w];
      sameEnd[v * nv + w] = Number(
        a.endLocation === b.endLocation && a.shiftS[0] === b.shiftS[0] && a.shiftS[1] === b.shiftS[1],
      );
    }
  }
  let maxDemand = 1e-9;
  for (let c = 0; c < n; c++) maxDemand = Math.max(maxDemand, demand[c]);
  let maxArc = 1e-9;
  const costMatrix = durationWeight ? time : dist;
  for (let k = 0; k < costMatrix.length; k++)
    if (costMatrix[k] < UNREACHABLE) maxArc = Math.max(maxArc, costMatrix[k]);
  const instance: Instance = {
    n,
    nv,
    nodes,
    jobOf: Int32Array.from(jobIndices),
    dist,
    time,
    arc,
    durationWeight,
    ready,
    due,
    service,
    demand,
    capacity,
    maxDuration,
    fixedCost,
    sameEnd,
    vehicleClass,
    neighbours: [],
    maxDemand,
    maxArc,
  };
  instance.neighbours = buildNeighbours(instance, costMatrix);
  return instance;
}

/**
 * Granular neighbour lists: the closest clients by travel cost plus a penalty for waiting and
 * for time-window misfit in the better of the two directions (as in Vidal 2013 / PyVRP).
 */
function buildNeighbours(inst: Instance, costMatrix: Float64Array): Int32Array[] {
  const { n, nodes, time, ready, due, service } = inst;
  const k = Math.min(NEIGHBOURS, n - 1);
  const proximity = (i: number, j: number): number => {
    const t = time[i * nodes + j];
    const wait = Math.max(ready[j] - t - service[i] - due[i], 0);
    const warp = Math.max(ready[i] + service[i] + t - due[j], 0);
    return costMatrix[i * nodes + j] + 0.2 * wait + warp;
  };
  const result: Int32Array[] = [];
  const order = Array.from({ length: n }, (_, j) => j);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) score[j] = j === i ? Infinity : Math.min(proximity(i, j), proximity(j, i));
    order.sort((a, b) => score[a] - score[b]);
    result.push(Int32Array.from(order.slice(0, k)));
  }
  return result;
}
