import { dropUntilFeasible, regretInsert } from './construction';
import { geneticSearch } from './genetic';
import { aloneReasons, buildInstance, type Instance } from './instance';
import { Random } from './random';
import { scheduleRoute } from './schedule';
import { SearchState } from './search-state';
import type { VrpProblem, VrpSolution, VrpSolveOptions, VrpUnassigned } from './types';
import { validateProblem, VrpValidationError } from './validate';

/**
 * Plans routes for a VRP with time windows and capacities: serves as many jobs as possible,
 * then minimises total distance (metres) or duration (seconds) plus fixed vehicle costs. Runs a
 * regret-3 construction, then hybrid genetic search until `timeLimitMs` (or `maxIterations`).
 * Deterministic for a given seed when stopped by `maxIterations`. Throws VrpValidationError on
 * invalid input.
 */
export function solve(problem: VrpProblem, options: VrpSolveOptions): VrpSolution {
  const errors = validateProblem(problem);
  if (errors.length > 0) throw new VrpValidationError(errors);
  const now = options.now ?? (() => performance.now());
  const started = now();
  const reasons = aloneReasons(problem);
  const servable: number[] = [];
  const unassigned: VrpUnassigned[] = [];
  reasons.forEach((reason, job) => (reason ? unassigned.push({ job, reason }) : servable.push(job)));
  const inst = buildInstance(problem, options.objective ?? 'distance', servable);
  if (inst.n === 0) return assemble(problem, inst, [], unassigned, 0, now() - started);

  const seed = options.seed ?? 1;
  const result = geneticSearch(inst, {
    seed,
    deadline: started + options.timeLimitMs,
    maxIterations: options.maxIterations ?? Infinity,
    now,
  });
  let plan: Plan = { routes: result.bestFeasible?.routes ?? [], unserved: [], cost: 0 };
  if (!result.bestFeasible) {
    // Too few vehicles for everything: drop what breaks the best plan and refill what still
    // fits; keep whichever of that and the construction serves more jobs, then costs less.
    const repaired = repairPlan(inst, result.bestAny.routes, seed);
    const constructed = repairPlan(inst, result.construction.routes, seed);
    constructed.unserved.push(...result.construction.unserved);
    const better =
      repaired.unserved.length !== constructed.unserved.length
        ? repaired.unserved.length < constructed.unserved.length
        : repaired.cost <= constructed.cost;
    plan = better ? repaired : constructed;
  }
  for (const c of plan.unserved) unassigned.push({ job: inst.jobOf[c], reason: 'NO_VEHICLE' });
  return assemble(problem, inst, plan.routes, unassigned, result.iterations, now() - started);
}

interface Plan {
  routes: number[][];
  unserved: number[];
  cost: number;
}

function repairPlan(inst: Instance, routes: number[][], seed: number): Plan {
  const state = new SearchState(inst);
  state.load(routes, { capacity: 0, timeWarp: 0 });
  const dropped = dropUntilFeasible(state);
  const unserved = regretInsert(inst, state, dropped, 3, new Random(seed));
  return { routes: state.export(), unserved, cost: state.evaluate().cost };
}

function assemble(
  problem: VrpProblem,
  inst: Instance,
  routes: number[][],
  unassigned: VrpUnassigned[],
  iterations: number,
  elapsedMs: number,
): VrpSolution {
  const planned = routes.flatMap((clients, v) =>
    clients.length > 0 ? [scheduleRoute(problem, inst, v, clients)] : [],
  );
  const distanceM = planned.reduce((sum, r) => sum + r.distanceM, 0);
  const durationS = planned.reduce((sum, r) => sum + r.durationS, 0);
  const fixed = planned.reduce((sum, r) => sum + (problem.vehicles[r.vehicle].fixedCost ?? 0), 0);
  return {
    routes: planned,
    unassigned: unassigned.sort((a, b) => a.job - b.job),
    distanceM,
    durationS,
    cost: (inst.durationWeight ? durationS : distanceM) + fixed,
    iterations,
    elapsedMs,
  };
}
