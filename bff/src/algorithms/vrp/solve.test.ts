import { checkSolution } from './check-solution';
import { generateProblem } from './generate';
import { Random } from './random';
import { solve } from './solve';
import { planeProblem } from './test-helpers';
import type { VrpProblem } from './types';

const QUICK = { timeLimitMs: 200, maxIterations: 100, seed: 3 };

/** Shortest feasible single-vehicle tour by trying every order (small n only). */
function bruteForceSingleVehicle(problem: VrpProblem): number {
  const time = problem.durationS as Float64Array;
  const size = Math.round(Math.sqrt(time.length));
  const n = problem.jobs.length;
  let best = Infinity;
  const order: number[] = [];
  const used = new Array<boolean>(n).fill(false);
  const visit = (here: number, t: number, distance: number): void => {
    if (order.length === n) {
      if (t + time[here * size] <= problem.vehicles[0].shiftS[1])
        best = Math.min(best, distance + time[here * size]);
      return;
    }
    for (let j = 0; j < n; j++) {
      if (used[j]) continue;
      const job = problem.jobs[j];
      const arrival = t + time[here * size + job.location];
      if (arrival > job.timeWindowS[1]) continue;
      used[j] = true;
      order.push(j);
      visit(
        job.location,
        Math.max(arrival, job.timeWindowS[0]) + job.serviceS,
        distance + time[here * size + job.location],
      );
      order.pop();
      used[j] = false;
    }
  };
  visit(0, 0, 0);
  return best;
}

describe('solve', () => {
  it('drives out and back along a line', () => {
    const problem = planeProblem(
      [0, 1, 2, 3].map((x) => ({ x, y: 0 })),
      [{}, {}, {}],
      [{}],
    );
    const solution = solve(problem, QUICK);
    expect(solution.distanceM).toBeCloseTo(6, 9);
    expect(solution.unassigned).toEqual([]);
  });

  it('splits two clusters between two vehicles when one cannot carry both', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 1 },
      { x: -10, y: 0 },
      { x: -10, y: 1 },
    ];
    const problem = planeProblem(
      points,
      [{ demand: 5 }, { demand: 5 }, { demand: 5 }, { demand: 5 }],
      [{}, {}],
    );
    const solution = solve(problem, QUICK);
    expect(solution.routes).toHaveLength(2);
    expect(solution.distanceM).toBeCloseTo(2 * (10 + 1 + Math.sqrt(101)), 9);
    expect(solution.routes.map((r) => [...r.jobs].sort())).toEqual(
      expect.arrayContaining([
        [0, 1],
        [2, 3],
      ]),
    );
  });

  it('finds the optimal single-vehicle order under tight time windows', () => {
    const rng = new Random(11);
    for (let trial = 0; trial < 5; trial++) {
      const points = Array.from({ length: 8 }, () => ({ x: rng.int(50), y: rng.int(50) }));
      const jobs = points.slice(1).map(() => {
        const open = rng.int(150);
        return { serviceS: 5, timeWindowS: [open, open + 40 + rng.int(60)] as [number, number] };
      });
      const problem = planeProblem(points, jobs, [{ capacity: 100, shiftS: [0, 1000] }]);
      const optimum = bruteForceSingleVehicle(problem);
      const solution = solve(problem, { ...QUICK, seed: trial });
      if (optimum === Infinity) {
        expect(solution.unassigned.length).toBeGreaterThan(0);
      } else {
        expect(solution.unassigned).toEqual([]);
        expect(solution.distanceM).toBeCloseTo(optimum, 6);
      }
      expect(checkSolution(problem, solution)).toEqual([]);
    }
  });

  it('finds the optimal order when travel times differ by direction', () => {
    const rng = new Random(21);
    for (let trial = 0; trial < 3; trial++) {
      const size = 8;
      const matrix = new Float64Array(size * size);
      for (let i = 0; i < size; i++)
        for (let j = 0; j < size; j++) if (i !== j) matrix[i * size + j] = 1 + rng.int(30);
      const problem: VrpProblem = {
        jobs: Array.from({ length: size - 1 }, (_, i) => ({
          location: i + 1,
          demand: 1,
          serviceS: 2,
          timeWindowS: [0, 400] as [number, number],
        })),
        vehicles: [{ capacity: 100, startLocation: 0, endLocation: 0, shiftS: [0, 400] }],
        durationS: matrix,
      };
      const solution = solve(problem, { ...QUICK, seed: trial });
      expect(solution.distanceM).toBeCloseTo(bruteForceSingleVehicle(problem), 6);
      expect(checkSolution(problem, solution)).toEqual([]);
    }
  });

  it('explains why jobs are left out', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 50, y: 0 },
      { x: 2, y: 0 },
      { x: 3, y: 0 },
      { x: 4, y: 0 },
    ];
    const problem = planeProblem(
      points,
      [
        { demand: 20 }, // heavier than any vehicle
        { timeWindowS: [0, 10] }, // 50 away, window closes at 10
        {}, // location cut off below
        { demand: 8 },
        { demand: 8 }, // only one of the two 8s fits the single vehicle
      ],
      [{ capacity: 10 }],
    );
    const time = problem.durationS as Float64Array;
    for (let i = 0; i < 6; i++) {
      time[i * 6 + 3] = Infinity;
      time[3 * 6 + i] = Infinity;
    }
    const solution = solve(problem, QUICK);
    expect(solution.unassigned).toEqual([
      { job: 0, reason: 'CAPACITY' },
      { job: 1, reason: 'TIME_WINDOW' },
      { job: 2, reason: 'UNREACHABLE' },
      { job: expect.any(Number), reason: 'NO_VEHICLE' },
    ]);
    expect(solution.routes).toHaveLength(1);
    expect(checkSolution(problem, solution)).toEqual([]);
  });

  it('returns the same plan for the same seed', () => {
    const problem = generateProblem({ jobs: 30, vehicles: 5, seed: 5 });
    const options = { timeLimitMs: 60_000, seed: 9, maxIterations: 30 };
    const first = solve(problem, options);
    const second = solve(problem, options);
    expect(second.routes.map((r) => r.jobs)).toEqual(first.routes.map((r) => r.jobs));
    expect(second.distanceM).toBe(first.distanceM);
  });

  it('keeps each vehicle within its own shift, end location and maximum duration', () => {
    const points = [0, 10, 20, 30, 40, 50].map((x) => ({ x, y: 0 }));
    const problem = planeProblem(
      points,
      [{ location: 1 }, { location: 2 }, { location: 3 }, { location: 4 }],
      [
        { startLocation: 0, endLocation: 5, shiftS: [0, 200], maxDurationS: 60 },
        { startLocation: 0, endLocation: 0, shiftS: [0, 45], capacity: 2 },
      ],
    );
    const solution = solve(problem, QUICK);
    expect(checkSolution(problem, solution)).toEqual([]);
    expect(solution.unassigned).toEqual([]);
    // Vehicle 0 ends at x=50 anyway, so it is cheapest for it to take every job on the way.
    expect(solution.distanceM).toBeCloseTo(50, 9);
  });

  it('prefers fewer vehicles when each one has a fixed cost', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 0, y: 10 },
    ];
    const withoutFixed = solve(planeProblem(points, [{}, {}], [{}, {}]), QUICK);
    const withFixed = solve(planeProblem(points, [{}, {}], [{ fixedCost: 100 }, { fixedCost: 100 }]), QUICK);
    expect(withoutFixed.routes).toHaveLength(1);
    expect(withFixed.routes).toHaveLength(1);
    expect(withFixed.cost).toBeCloseTo(withFixed.distanceM + 100, 9);
  });

  it('minimises duration when asked, waiting included', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 0, y: 10 },
    ];
    const problem = planeProblem(
      points,
      [{ timeWindowS: [100, 120] }, { timeWindowS: [100, 120] }],
      [{ capacity: 1 }, { capacity: 1 }],
    );
    const solution = solve(problem, { ...QUICK, objective: 'duration' });
    expect(solution.cost).toBeCloseTo(solution.durationS, 9);
    // Each vehicle leaves just in time: 10 out, 10 back, no waiting.
    expect(solution.durationS).toBeCloseTo(40, 9);
    expect(checkSolution(problem, solution)).toEqual([]);
  });

  it('serves every job of a generated 200-job instance feasibly', () => {
    const problem = generateProblem({ jobs: 200, vehicles: 12, seed: 2 });
    const solution = solve(problem, { timeLimitMs: 300, seed: 1 });
    expect(solution.unassigned).toEqual([]);
    expect(checkSolution(problem, solution)).toEqual([]);
  });
});
