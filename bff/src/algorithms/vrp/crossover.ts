import type { Instance } from './instance';
import type { Individual } from './population';
import type { Random } from './random';

/** How many closest neighbours count when measuring how near two routes are. */
const ADJACENCY = 10;

/**
 * Selective route exchange (Nagata & Kobayashi's SREX, as used in PyVRP): takes a random route
 * of parent A plus the A routes nearest to it, swaps them for the same number of B routes that
 * overlap them most, and drops B's clients from A's remaining routes. Clients of the removed
 * A routes that B does not bring back are left out; local search reinserts them. Route
 * nearness uses the granular neighbour lists, so no coordinates are needed.
 */
export function selectiveRouteExchange(
  inst: Instance,
  a: Individual,
  b: Individual,
  rng: Random,
): number[][] {
  const nv = inst.nv;
  const routesA = indicesOfNonEmpty(a.routes);
  const routesB = indicesOfNonEmpty(b.routes);
  if (routesA.length === 0 || routesB.length === 0) return a.routes.map((r) => r.slice());
  const count = 1 + rng.int(Math.min(routesA.length, routesB.length));
  const routeOfA = new Int32Array(inst.n).fill(-1);
  a.routes.forEach((route, v) => route.forEach((c) => (routeOfA[c] = v)));

  const seed = routesA[rng.int(routesA.length)];
  const score = new Float64Array(nv);
  for (const c of a.routes[seed]) {
    const list = inst.neighbours[c];
    for (let k = 0; k < Math.min(ADJACENCY, list.length); k++) {
      const r = routeOfA[list[k]];
      if (r >= 0) score[r] += 1 + rng.float() * 1e-3;
    }
  }
  score[seed] = Infinity;
  const selectedA = routesA
    .slice()
    .sort((x, y) => score[y] - score[x])
    .slice(0, count);

  const inSelectedA = new Uint8Array(inst.n);
  for (const v of selectedA) for (const c of a.routes[v]) inSelectedA[c] = 1;
  const overlap = new Float64Array(nv);
  for (const v of routesB) {
    for (const c of b.routes[v]) overlap[v] += inSelectedA[c];
    overlap[v] += rng.float() * 1e-3;
  }
  const selectedB = routesB
    .slice()
    .sort((x, y) => overlap[y] - overlap[x])
    .slice(0, count);

  const fromB = new Uint8Array(inst.n);
  for (const v of selectedB) for (const c of b.routes[v]) fromB[c] = 1;
  const child: number[][] = a.routes.map((route) => route.filter((c) => !fromB[c]));
  const free = new Set<number>(selectedA);
  for (const v of selectedA) child[v] = [];
  const waiting: number[] = [];
  for (const v of selectedB) {
    if (free.has(v)) {
      child[v] = b.routes[v].slice();
      free.delete(v);
    } else waiting.push(v);
  }
  const slots = [...free];
  waiting.forEach((v, i) => (child[slots[i]] = b.routes[v].slice()));
  return child;
}

function indicesOfNonEmpty(routes: number[][]): number[] {
  const result: number[] = [];
  routes.forEach((route, v) => {
    if (route.length > 0) result.push(v);
  });
  return result;
}
