import { generateProblem } from './generate';
import { buildInstance } from './instance';
import { Random } from './random';
import { Concat, Route } from './route';

const problem = generateProblem({ jobs: 30, vehicles: 3, seed: 4 });
// A second vehicle class that ends elsewhere and has a short maximum duration.
problem.vehicles[2] = { ...problem.vehicles[2], endLocation: 5, shiftS: [10, 900], maxDurationS: 300 };
const inst = buildInstance(
  problem,
  'distance',
  problem.jobs.map((_, i) => i),
);
const pen = { capacity: 3, timeWarp: 2 };

function routeOf(vehicle: number, clients: number[]): Route {
  const route = new Route(inst, vehicle, vehicle);
  route.setClients(clients, new Int32Array(inst.n), new Int32Array(inst.n));
  return route;
}

describe('route pricing by concatenation', () => {
  it('prices prefix + inserted clients + suffix exactly like a route rebuilt from scratch', () => {
    const rng = new Random(3);
    for (let trial = 0; trial < 300; trial++) {
      const clients = Array.from({ length: inst.n }, (_, i) => i);
      rng.shuffle(clients);
      const a = clients.slice(0, 3 + rng.int(10));
      const b = clients.slice(15, 15 + rng.int(10));
      const va = rng.int(3);
      const vb = rng.int(3);
      const ra = routeOf(va, a);
      const rb = routeOf(vb, b);
      // Keep a[0..i), add two of b's clients reversed, then b's tail from position j, ending at a's depot.
      const i = rng.int(a.length + 1);
      const j = 1 + rng.int(b.length + 1);
      const middle = [clients[28], clients[29]];
      const cat = new Concat(inst).prefix(ra, i).node(middle[0]).node(middle[1]).suffix(rb, j, ra.endNode);
      const expected = routeOf(va, [...a.slice(0, i), ...middle, ...b.slice(j - 1)]);
      expect(cat.cost(va, pen)).toBeCloseTo(expected.cost(pen), 9);
      expect(cat.feasible(va)).toBe(expected.feasible());
    }
  });

  it('prices a reversed stretch like the reversed route', () => {
    const rng = new Random(5);
    for (let trial = 0; trial < 100; trial++) {
      const clients = Array.from({ length: inst.n }, (_, i) => i);
      rng.shuffle(clients);
      const list = clients.slice(0, 4 + rng.int(12));
      const r = routeOf(0, list);
      const lo = 1 + rng.int(list.length - 1);
      const hi = lo + rng.int(list.length - lo + 1);
      const cat = new Concat(inst)
        .prefix(r, lo - 1)
        .range(r, lo, hi, true)
        .suffix(r, hi + 1, r.endNode);
      const reversed = [...list.slice(0, lo - 1), ...list.slice(lo - 1, hi).reverse(), ...list.slice(hi)];
      expect(cat.cost(0, pen)).toBeCloseTo(routeOf(0, reversed).cost(pen), 9);
    }
  });
});
