import { generateProblem } from './generate';
import { buildInstance } from './instance';
import { LocalSearch } from './local-search';
import { penalisedCost } from './population';
import { Random } from './random';

const problem = generateProblem({ jobs: 60, vehicles: 8, seed: 8 });
const inst = buildInstance(
  problem,
  'distance',
  problem.jobs.map((_, i) => i),
);
const pen = { capacity: 5, timeWarp: 5 };

function randomRoutes(rng: Random): number[][] {
  const routes: number[][] = Array.from({ length: inst.nv }, () => []);
  for (let c = 0; c < inst.n; c++) routes[rng.int(inst.nv)].push(c);
  return routes;
}

describe('local search', () => {
  it('lowers the penalised cost, keeps every client once and stops at a local optimum', () => {
    const rng = new Random(1);
    const ls = new LocalSearch(inst, rng);
    for (let trial = 0; trial < 5; trial++) {
      const start = randomRoutes(rng);
      ls.state.load(start, pen);
      const before = penalisedCost(ls.state.evaluate(), pen);
      ls.run(start, pen, Infinity, () => 0);
      const after = penalisedCost(ls.state.evaluate(), pen);
      expect(after).toBeLessThan(before);
      const served = ls.state
        .export()
        .flat()
        .sort((a, b) => a - b);
      expect(served).toEqual(Array.from({ length: inst.n }, (_, i) => i));
      for (const r of ls.state.routes) expect(ls.state.routeCost[r.index]).toBeCloseTo(r.cost(pen), 9);
      ls.run(ls.state.export(), pen, Infinity, () => 0);
      expect(penalisedCost(ls.state.evaluate(), pen)).toBeCloseTo(after, 9);
    }
  });

  it('inserts clients that are missing from the routes', () => {
    const ls = new LocalSearch(inst, new Random(2));
    ls.run([[0, 1, 2]], pen, Infinity, () => 0);
    expect(ls.state.export().flat()).toHaveLength(inst.n);
  });
});
