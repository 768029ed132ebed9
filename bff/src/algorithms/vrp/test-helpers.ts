import { euclideanMatrix } from './matrix';
import type { VrpJob, VrpProblem, VrpVehicle } from './types';

/** Test fixture: jobs at points on a plane, every vehicle based at point 0; times = distances. */
export function planeProblem(
  points: { x: number; y: number }[],
  jobs: Partial<VrpJob>[],
  vehicles: Partial<VrpVehicle>[],
): VrpProblem {
  return {
    jobs: jobs.map((job, i) => ({
      location: job.location ?? i + 1,
      demand: job.demand ?? 1,
      serviceS: job.serviceS ?? 0,
      timeWindowS: job.timeWindowS ?? [0, 1000],
    })),
    vehicles: vehicles.map((v) => ({
      capacity: v.capacity ?? 10,
      startLocation: v.startLocation ?? 0,
      endLocation: v.endLocation ?? 0,
      shiftS: v.shiftS ?? [0, 1000],
      maxDurationS: v.maxDurationS,
      fixedCost: v.fixedCost,
    })),
    durationS: euclideanMatrix(points),
  };
}
