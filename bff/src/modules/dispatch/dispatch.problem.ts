import type { VrpProblem } from '../../algorithms/vrp';

/** A courier as a vehicle: litres, seconds since the plan day's 00:00 Shanghai, a matrix index to start from. */
export interface PlanVehicle {
  courierId: number;
  capacityL: number;
  startIndex: number;
  /** Earliest departure (s): shift start, now, or when the courier is back from stops already made. */
  startS: number;
  shiftEndS: number;
}

/** An order to place: matrix index, litres, booked window (s since 00:00), and the courier holding its parcel. */
export interface PlanJob {
  orderId: number;
  index: number;
  demandL: number;
  windowS: [number, number];
  /** Courier who already left with this parcel; only that courier may serve it. */
  boundTo: number | null;
}

/** What the dispatcher solves: travel between matrix places (seconds, metres), index 0 is the store. */
export interface DispatchInput {
  durationS: number[][];
  distanceM: number[][];
  vehicles: PlanVehicle[];
  jobs: PlanJob[];
  serviceS: number;
  /** Places only one courier may enter: its own start and the parcels it carries. */
  ownerOf: Map<number, number>;
}

/**
 * Builds the solver problem. Parcels a courier already carries are fenced off with unreachable
 * (Infinity) arcs so only that courier serves them, and that courier takes no new orders until it
 * is back at the store (index 0) for the next plan. A window already behind `lateAfterS` is
 * widened to the shift end: late beats never.
 */
export function buildDispatchProblem(input: DispatchInput, lateAfterS: number): VrpProblem {
  const n = input.durationS.length;
  const durationS = new Float64Array(n * n);
  const distanceM = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    const oa = input.ownerOf.get(a);
    for (let b = 0; b < n; b++) {
      const ob = input.ownerOf.get(b);
      const blocked = b !== 0 && oa !== ob;
      durationS[a * n + b] = blocked ? Infinity : input.durationS[a][b];
      distanceM[a * n + b] = blocked ? Infinity : input.distanceM[a][b];
    }
  }
  const lastShiftEndS = Math.max(0, ...input.vehicles.map((v) => v.shiftEndS));
  return {
    durationS,
    distanceM,
    jobs: input.jobs.map((j) => ({
      location: j.index,
      demand: j.demandL,
      serviceS: input.serviceS,
      timeWindowS:
        j.windowS[1] < lateAfterS ? [j.windowS[0], Math.max(lastShiftEndS, lateAfterS)] : j.windowS,
    })),
    vehicles: input.vehicles.map((v) => ({
      capacity: v.capacityL,
      startLocation: v.startIndex,
      endLocation: 0,
      shiftS: [v.startS, Math.max(v.startS, v.shiftEndS)],
    })),
  };
}
