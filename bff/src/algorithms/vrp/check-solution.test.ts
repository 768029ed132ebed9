import { checkSolution } from './check-solution';
import { planeProblem } from './test-helpers';
import type { VrpRoute, VrpSolution } from './types';

// Depot at 0, job 0 at x=10 (window [0, 15]), job 1 at x=20 (window [25, 40]).
const problem = planeProblem(
  [
    { x: 0, y: 0 },
    { x: 10, y: 0 },
    { x: 20, y: 0 },
  ],
  [
    { demand: 3, timeWindowS: [0, 15], serviceS: 5 },
    { demand: 4, timeWindowS: [25, 40] },
  ],
  [{ capacity: 10, shiftS: [0, 100] }],
);

function route(jobs: number[], startS = 0): VrpRoute {
  return { vehicle: 0, jobs, stops: [], startS, endS: 0, distanceM: 0, durationS: 0, load: 0 };
}

function solution(
  routes: VrpRoute[],
  unassigned: number[] = [],
  distanceM = 40,
  durationS = 45,
): VrpSolution {
  return {
    routes,
    unassigned: unassigned.map((job) => ({ job, reason: 'NO_VEHICLE' })),
    distanceM,
    durationS,
    cost: distanceM,
    iterations: 0,
    elapsedMs: 0,
  };
}

describe('checkSolution', () => {
  it('accepts a plan that waits for a window to open', () => {
    // 10 travel + 5 service, 10 travel -> 25 (window opens at 25), back at 45.
    expect(checkSolution(problem, solution([route([0, 1])]))).toEqual([]);
  });

  it('flags a stop reached after its window closes', () => {
    const codes = checkSolution(problem, solution([route([1, 0])], [], 40, 40)).map((v) => v.code);
    expect(codes).toContain('TIME_WINDOW');
  });

  it('flags a load over capacity', () => {
    const small = { ...problem, vehicles: [{ ...problem.vehicles[0], capacity: 5 }] };
    expect(checkSolution(small, solution([route([0, 1])])).map((v) => v.code)).toEqual(['CAPACITY']);
  });

  it('flags a job neither served nor declared unassigned, and a job served twice', () => {
    expect(checkSolution(problem, solution([route([0])], [], 20, 25)).map((v) => v.code)).toEqual([
      'MISSING_JOB',
    ]);
    const codes = checkSolution(problem, solution([route([0, 1, 1])], [], 40, 45)).map((v) => v.code);
    expect(codes).toContain('DUPLICATE_JOB');
  });

  it('flags a return after the shift and a route over its maximum duration', () => {
    const short = {
      ...problem,
      vehicles: [{ ...problem.vehicles[0], shiftS: [0, 40] as [number, number], maxDurationS: 30 }],
    };
    const codes = checkSolution(short, solution([route([0, 1])])).map((v) => v.code);
    expect(codes).toEqual(expect.arrayContaining(['SHIFT', 'MAX_DURATION']));
  });

  it('flags totals that do not match the routes', () => {
    expect(checkSolution(problem, solution([route([0, 1])], [], 39, 45)).map((v) => v.code)).toEqual([
      'TOTALS',
    ]);
  });
});
