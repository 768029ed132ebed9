import { euclideanMatrix } from '../../../bff/src/algorithms/vrp/matrix';
import type { VrpProblem } from '../../../bff/src/algorithms/vrp/types';

/** One row of a Solomon file (row 0 is the depot). */
export interface SolomonCustomer {
  id: number;
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
}

/** A parsed Solomon VRPTW instance. */
export interface SolomonInstance {
  name: string;
  vehicles: number;
  capacity: number;
  /** Depot first, then customers in file order. */
  rows: SolomonCustomer[];
}

/** Parses the standard Solomon text format (any number of customers). */
export function parseSolomon(text: string): SolomonInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const name = lines.find((l) => l.length > 0) ?? 'unknown';
  const numericRows = lines
    .map((l) => l.split(/\s+/).map(Number))
    .filter((r) => r.length > 0 && r.every(Number.isFinite));
  const fleet = numericRows.find((r) => r.length === 2);
  const rows = numericRows
    .filter((r) => r.length === 7)
    .map(([id, x, y, demand, ready, due, service]) => ({ id, x, y, demand, ready, due, service }));
  if (!fleet || rows.length < 2) throw new Error(`${name}: not a Solomon file (no fleet line or customers)`);
  return { name, vehicles: fleet[0], capacity: fleet[1], rows };
}

/** Converts to a solver problem: location i = row i, travel time = Euclidean distance (double). */
export function solomonToProblem(instance: SolomonInstance): VrpProblem {
  const matrix = euclideanMatrix(instance.rows);
  const depot = instance.rows[0];
  return {
    jobs: instance.rows.slice(1).map((row, i) => ({
      location: i + 1,
      demand: row.demand,
      serviceS: row.service,
      timeWindowS: [row.ready, row.due],
    })),
    vehicles: Array.from({ length: instance.vehicles }, () => ({
      capacity: instance.capacity,
      startLocation: 0,
      endLocation: 0,
      shiftS: [depot.ready, depot.due] as [number, number],
    })),
    durationS: matrix,
  };
}
