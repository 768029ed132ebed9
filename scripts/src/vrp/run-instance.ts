import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { checkSolution } from '../../../bff/src/algorithms/vrp/check-solution';
import { generateProblem } from '../../../bff/src/algorithms/vrp/generate';
import { solve } from '../../../bff/src/algorithms/vrp/solve';
import type { VrpProblem, VrpSolution } from '../../../bff/src/algorithms/vrp/types';
import { parseSolomon, solomonToProblem, type SolomonInstance } from './solomon';

/** What one benchmark run reports back (also sent from worker threads). */
export interface InstanceResult {
  instance: string;
  vehicles: number;
  distance: number;
  seconds: number;
  unassigned: number;
  iterations: number;
  /** Customer numbers (Solomon ids, or job index + 1 for generated instances) per route. */
  routes: number[][];
  violations: string[];
}

/** Input spec: a Solomon file path, or `gen:<jobs>x<vehicles>[:seed]` for a generated instance. */
export function runInstance(spec: string, timeLimitMs: number, seed: number): InstanceResult {
  let problem: VrpProblem;
  let name: string;
  let solomon: SolomonInstance | null = null;
  const generated = /^gen:(\d+)x(\d+)(?::(\d+))?$/.exec(spec);
  if (generated) {
    name = spec;
    problem = generateProblem({ jobs: +generated[1], vehicles: +generated[2], seed: +(generated[3] ?? 1) });
  } else {
    solomon = parseSolomon(readFileSync(spec, 'utf8'));
    name = basename(spec)
      .replace(/\.txt$/i, '')
      .toLowerCase();
    problem = solomonToProblem(solomon);
  }
  const started = performance.now();
  const solution = solve(problem, { timeLimitMs, seed, objective: 'distance' });
  const seconds = (performance.now() - started) / 1000;
  const violations = checkSolution(problem, solution).map((v) => `${v.code}: ${v.message}`);
  const idOf = (job: number): number => (solomon ? solomon.rows[job + 1].id : job + 1);
  if (solomon) violations.push(...recheckDistance(solomon, solution));
  return {
    instance: name,
    vehicles: solution.routes.length,
    distance: solution.distanceM,
    seconds,
    unassigned: solution.unassigned.length,
    iterations: solution.iterations,
    routes: solution.routes.map((r) => r.jobs.map(idOf)),
    violations,
  };
}

/** Recomputes the distance straight from the file's coordinates, independent of the solver's matrix. */
function recheckDistance(instance: SolomonInstance, solution: VrpSolution): string[] {
  const rows = instance.rows;
  let total = 0;
  for (const route of solution.routes) {
    const path = [0, ...route.jobs.map((j) => j + 1), 0];
    for (let i = 1; i < path.length; i++) {
      total += Math.hypot(rows[path[i]].x - rows[path[i - 1]].x, rows[path[i]].y - rows[path[i - 1]].y);
    }
  }
  return Math.abs(total - solution.distanceM) > 1e-6
    ? [`DISTANCE: reported ${solution.distanceM}, recomputed ${total}`]
    : [];
}
