/**
 * Vehicle routing with time windows and capacities (pure TypeScript, no I/O).
 *
 *   const errors = validateProblem(problem);          // [] or field errors (HTTP 422)
 *   const plan = solve(problem, { timeLimitMs: 5000, seed: 1, objective: 'distance' });
 *   checkSolution(problem, plan);                     // [] when every rule holds
 *
 * Pipeline: jobs that no vehicle could serve alone are set aside with a reason; the rest are
 * compiled to flat typed arrays (instance.ts), built into routes by regret-3 insertion
 * (construction.ts) and improved by hybrid genetic search (genetic.ts) whose local search
 * (local-search.ts, moves.ts, swap-star.ts) prices every move in O(1) through time-window
 * segment concatenation (segment.ts, route.ts).
 */
export { checkSolution, type VrpViolation } from './check-solution';
export { generateProblem, type GeneratorOptions } from './generate';
export { euclideanMatrix } from './matrix';
export { solve } from './solve';
export * from './types';
export { validateProblem, VrpValidationError } from './validate';
