import { matrixSize, toFlatMatrix } from './matrix';
import type { VrpProblem, VrpSolution } from './types';

/** One broken rule found by `checkSolution`. */
export interface VrpViolation {
  code:
    | 'UNKNOWN_VEHICLE'
    | 'VEHICLE_REUSED'
    | 'UNKNOWN_JOB'
    | 'DUPLICATE_JOB'
    | 'MISSING_JOB'
    | 'CAPACITY'
    | 'TIME_WINDOW'
    | 'SHIFT'
    | 'MAX_DURATION'
    | 'TOTALS';
  message: string;
}

/**
 * Re-checks a solution against the problem without trusting any number the solver reported
 * except each route's departure time: every job served once or listed as unassigned, loads
 * within capacity, service started within each window (waiting allowed), back before the shift
 * ends, duration within the maximum, and reported distance (m) / duration (s) totals matching a
 * recomputation. Times compare with `toleranceS`.
 */
export function checkSolution(problem: VrpProblem, solution: VrpSolution, toleranceS = 1e-6): VrpViolation[] {
  const violations: VrpViolation[] = [];
  const add = (code: VrpViolation['code'], message: string): void => {
    violations.push({ code, message });
  };
  const size = matrixSize(problem.durationS);
  const time = toFlatMatrix(problem.durationS);
  const dist = problem.distanceM ? toFlatMatrix(problem.distanceM) : time;
  const seen = new Uint8Array(problem.jobs.length);
  const usedVehicles = new Set<number>();
  let totalDistance = 0;
  let totalDuration = 0;
  for (const route of solution.routes) {
    const vehicle = problem.vehicles[route.vehicle];
    if (!vehicle) {
      add('UNKNOWN_VEHICLE', `route uses unknown vehicle ${route.vehicle}`);
      continue;
    }
    if (usedVehicles.has(route.vehicle)) add('VEHICLE_REUSED', `vehicle ${route.vehicle} drives two routes`);
    usedVehicles.add(route.vehicle);
    const label = `vehicle ${route.vehicle}`;
    let here = vehicle.startLocation;
    let t = route.startS;
    if (t < vehicle.shiftS[0] - toleranceS) add('SHIFT', `${label} leaves at ${t} before its shift starts`);
    let load = 0;
    let distance = 0;
    for (const jobIndex of route.jobs) {
      const job = problem.jobs[jobIndex];
      if (!job) {
        add('UNKNOWN_JOB', `${label} visits unknown job ${jobIndex}`);
        continue;
      }
      if (seen[jobIndex]) add('DUPLICATE_JOB', `job ${jobIndex} is served twice`);
      seen[jobIndex] = 1;
      const arrival = t + time[here * size + job.location];
      distance += dist[here * size + job.location];
      if (arrival > job.timeWindowS[1] + toleranceS) {
        add(
          'TIME_WINDOW',
          `${label} reaches job ${jobIndex} at ${arrival}, after its window ends at ${job.timeWindowS[1]}`,
        );
      }
      t = Math.max(arrival, job.timeWindowS[0]) + job.serviceS;
      load += job.demand;
      here = job.location;
    }
    t += time[here * size + vehicle.endLocation];
    distance += dist[here * size + vehicle.endLocation];
    if (load > vehicle.capacity + 1e-9)
      add('CAPACITY', `${label} carries ${load} over its capacity ${vehicle.capacity}`);
    if (t > vehicle.shiftS[1] + toleranceS)
      add('SHIFT', `${label} returns at ${t} after its shift ends at ${vehicle.shiftS[1]}`);
    const duration = t - route.startS;
    if (vehicle.maxDurationS !== undefined && duration > vehicle.maxDurationS + toleranceS) {
      add('MAX_DURATION', `${label} drives ${duration} over the maximum ${vehicle.maxDurationS}`);
    }
    totalDistance += distance;
    totalDuration += duration;
  }
  const unassigned = new Set(solution.unassigned.map((u) => u.job));
  problem.jobs.forEach((_, j) => {
    if (!seen[j] && !unassigned.has(j))
      add('MISSING_JOB', `job ${j} is neither served nor listed as unassigned`);
    if (seen[j] && unassigned.has(j)) add('DUPLICATE_JOB', `job ${j} is served and listed as unassigned`);
  });
  const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
  if (!close(totalDistance, solution.distanceM) || !close(totalDuration, solution.durationS)) {
    add(
      'TOTALS',
      `reported ${solution.distanceM} m / ${solution.durationS} s, recomputed ${totalDistance} / ${totalDuration}`,
    );
  }
  return violations;
}
