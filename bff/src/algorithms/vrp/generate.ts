import { euclideanMatrix } from './matrix';
import { Random } from './random';
import type { VrpProblem } from './types';

/** Size and shape of a generated instance; times in seconds, coordinates in metres. */
export interface GeneratorOptions {
  jobs: number;
  vehicles: number;
  seed?: number;
  /** Side of the square area, metres (travel time = distance). Default 100. */
  sideM?: number;
  /** End of the shift, seconds. Default 1000. */
  horizonS?: number;
  /** Service time per job, seconds. Default 10. */
  serviceS?: number;
}

/**
 * Random Solomon-like instance (half clustered, half uniform customers, depot in the centre),
 * sized so that the fleet has about 40% spare capacity: for scale tests and examples.
 */
export function generateProblem(options: GeneratorOptions): VrpProblem {
  const rng = new Random(options.seed ?? 1);
  const side = options.sideM ?? 100;
  const horizon = options.horizonS ?? 1000;
  const service = options.serviceS ?? 10;
  const points = [{ x: side / 2, y: side / 2 }];
  const centres = Array.from({ length: 8 }, () => ({ x: rng.float() * side, y: rng.float() * side }));
  for (let i = 0; i < options.jobs; i++) {
    if (i % 2 === 0) {
      const c = centres[rng.int(centres.length)];
      const clamp = (x: number): number => Math.min(side, Math.max(0, x));
      points.push({
        x: clamp(c.x + (rng.float() - 0.5) * side * 0.2),
        y: clamp(c.y + (rng.float() - 0.5) * side * 0.2),
      });
    } else {
      points.push({ x: rng.float() * side, y: rng.float() * side });
    }
  }
  const matrix = euclideanMatrix(points);
  const size = points.length;
  let totalDemand = 0;
  const jobs = points.slice(1).map((_, i) => {
    const location = i + 1;
    const there = matrix[location];
    const back = matrix[location * size];
    const demand = 1 + rng.int(20);
    totalDemand += demand;
    const width = 60 + rng.float() * 180;
    const earliest = there;
    const latest = Math.max(earliest, horizon - back - service - width);
    const open = earliest + rng.float() * (latest - earliest);
    return { location, demand, serviceS: service, timeWindowS: [open, open + width] as [number, number] };
  });
  const capacity = Math.ceil((totalDemand * 1.4) / options.vehicles);
  const vehicles = Array.from({ length: options.vehicles }, () => ({
    capacity,
    startLocation: 0,
    endLocation: 0,
    shiftS: [0, horizon] as [number, number],
  }));
  return { jobs, vehicles, durationS: matrix };
}
