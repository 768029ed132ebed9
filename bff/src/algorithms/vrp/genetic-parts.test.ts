import { selectiveRouteExchange } from './crossover';
import { generateProblem } from './generate';
import { buildInstance } from './instance';
import { brokenPairs, makeIndividual } from './population';
import { Random } from './random';

const zero = { cost: 0, excessLoad: 0, timeWarp: 0 };

describe('population diversity', () => {
  it('measures no distance between a plan and itself, even with routes reversed or renumbered', () => {
    const a = makeIndividual(
      6,
      [
        [0, 1, 2],
        [3, 4, 5],
      ],
      zero,
    );
    const b = makeIndividual(6, [[5, 4, 3], [], [2, 1, 0]], zero);
    expect(brokenPairs(a, a)).toBe(0);
    expect(brokenPairs(a, b)).toBe(0);
  });

  it('grows with the share of clients whose neighbours changed', () => {
    const a = makeIndividual(
      6,
      [
        [0, 1, 2],
        [3, 4, 5],
      ],
      zero,
    );
    const oneMoved = makeIndividual(
      6,
      [
        [0, 1],
        [2, 3, 4, 5],
      ],
      zero,
    );
    const shuffled = makeIndividual(
      6,
      [
        [0, 3],
        [1, 4],
        [2, 5],
      ],
      zero,
    );
    expect(brokenPairs(a, oneMoved)).toBeGreaterThan(0);
    expect(brokenPairs(a, shuffled)).toBeGreaterThan(brokenPairs(a, oneMoved));
  });
});

describe('selective route exchange', () => {
  it('never duplicates a client and keeps routes from both parents', () => {
    const problem = generateProblem({ jobs: 40, vehicles: 6, seed: 3 });
    const inst = buildInstance(
      problem,
      'distance',
      problem.jobs.map((_, i) => i),
    );
    const rng = new Random(4);
    const split = (order: number[]): number[][] => {
      const routes: number[][] = Array.from({ length: inst.nv }, () => []);
      order.forEach((c, i) => routes[i % 5].push(c));
      return routes;
    };
    for (let trial = 0; trial < 50; trial++) {
      const orderA = Array.from({ length: inst.n }, (_, i) => i);
      const orderB = orderA.slice();
      rng.shuffle(orderA);
      rng.shuffle(orderB);
      const a = makeIndividual(inst.n, split(orderA), zero);
      const b = makeIndividual(inst.n, split(orderB), zero);
      const child = selectiveRouteExchange(inst, a, b, rng);
      const flat = child.flat();
      expect(new Set(flat).size).toBe(flat.length);
      expect(child).toHaveLength(inst.nv);
      const fromB = child.filter((route) => b.routes.some((r) => r.length > 0 && r.join() === route.join()));
      expect(fromB.length).toBeGreaterThan(0);
    }
  });
});
