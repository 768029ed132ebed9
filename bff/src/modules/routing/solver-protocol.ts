import type { VrpFieldError, VrpProblem, VrpSolution, VrpSolveOptions } from '../../algorithms/vrp';

/** Main thread → solver worker: one problem to solve (matrices as transferable Float64Arrays). */
export interface SolverRequest {
  id: number;
  problem: VrpProblem;
  options: Omit<VrpSolveOptions, 'now'>;
}

/** Solver worker → main thread: the solution, or why there is none. */
export type SolverReply =
  | { id: number; ok: true; solution: VrpSolution }
  | { id: number; ok: false; message: string; validation?: VrpFieldError[] };
