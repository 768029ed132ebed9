import * as route from './route';
import type { Route } from './route';
import type { SearchState } from './search-state';

const EPS = 1e-9;
// Bound once: transpiled imports are property getters, too slow for the innermost loop.
const { positive } = route;

/**
 * SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source implementation and SWAP*
 * neighborhood"): exchanges a client of r1 with a client of r2, each reinserted at its best
 * position in the other route rather than in the other's place. Candidates are ranked by arc
 * cost and load penalty with the three cheapest insertion positions cached per client (O(|r1||r2|)
 * per pair); only the best candidate is priced exactly with time windows, as PyVRP does.
 */
export class SwapStar {
  private readonly topCost: Float64Array;
  private readonly topPos: Int32Array;

  constructor(private readonly s: SearchState) {
    this.topCost = new Float64Array(s.inst.n * 3);
    this.topPos = new Int32Array(s.inst.n * 3);
  }

  /** Tries the best SWAP* between two non-empty routes; true when applied. */
  run(r1: Route, r2: Route): boolean {
    const s = this.s;
    const { arc: A, nodes: N, demand, capacity } = s.inst;
    this.preprocess(r1, r2);
    this.preprocess(r2, r1);
    const pen = s.pen.capacity;
    const excess1 = positive(r1.load - capacity[r1.vehicle]);
    const excess2 = positive(r2.load - capacity[r2.vehicle]);
    let best = -EPS;
    let bestU = -1;
    let bestV = -1;
    let bestQ1 = 0;
    let bestQ2 = 0;
    for (let pu = 1; pu <= r1.size; pu++) {
      const u = r1.nodes[pu];
      const pU = r1.nodes[pu - 1];
      const nU = r1.nodes[pu + 1];
      const removeU = A[pU * N + nU] - A[pU * N + u] - A[u * N + nU];
      for (let pv = 1; pv <= r2.size; pv++) {
        const v = r2.nodes[pv];
        const shift = demand[v] - demand[u];
        const loadDelta =
          pen *
          (positive(r1.load + shift - capacity[r1.vehicle]) -
            excess1 +
            positive(r2.load - shift - capacity[r2.vehicle]) -
            excess2);
        const pV = r2.nodes[pv - 1];
        const nV = r2.nodes[pv + 1];
        const removeV = A[pV * N + nV] - A[pV * N + v] - A[v * N + nV];
        if (removeU + removeV + loadDelta >= best) continue;
        // u into r2 without v: cached positions not touching v, or v's place.
        let insU = A[pV * N + u] + A[u * N + nV] - A[pV * N + nV];
        let q2 = pv - 1;
        for (let k = 0; k < 3; k++) {
          const q = this.topPos[u * 3 + k];
          if (q === pv - 1 || q === pv || this.topCost[u * 3 + k] >= insU) continue;
          insU = this.topCost[u * 3 + k];
          q2 = q;
        }
        let insV = A[pU * N + v] + A[v * N + nU] - A[pU * N + nU];
        let q1 = pu - 1;
        for (let k = 0; k < 3; k++) {
          const q = this.topPos[v * 3 + k];
          if (q === pu - 1 || q === pu || this.topCost[v * 3 + k] >= insV) continue;
          insV = this.topCost[v * 3 + k];
          q1 = q;
        }
        const delta = removeU + removeV + loadDelta + insU + insV;
        if (delta < best) {
          best = delta;
          bestU = u;
          bestV = v;
          bestQ1 = q1;
          bestQ2 = q2;
        }
      }
    }
    if (bestU < 0) return false;
    const list1 = this.rebuilt(r1, bestU, bestV, bestQ1);
    const cost1 = this.price(r1, list1);
    const list2 = this.rebuilt(r2, bestV, bestU, bestQ2);
    const cost2 = this.price(r2, list2);
    if (cost1 + cost2 - s.routeCost[r1.index] - s.routeCost[r2.index] > -EPS) return false;
    s.beginMove();
    s.commit(r1, list1);
    s.commit(r2, list2);
    return true;
  }

  /** For each client of `from`, the three cheapest arc-cost insertion positions in `into`. */
  private preprocess(from: Route, into: Route): void {
    const { arc: A, nodes: N } = this.s.inst;
    const { topCost, topPos } = this;
    for (let p = 1; p <= from.size; p++) {
      const u = from.nodes[p];
      const base = u * 3;
      topCost[base] = topCost[base + 1] = topCost[base + 2] = Infinity;
      for (let q = 0; q <= into.size; q++) {
        const a = into.nodes[q];
        const b = into.nodes[q + 1];
        const c = A[a * N + u] + A[u * N + b] - A[a * N + b];
        if (c >= topCost[base + 2]) continue;
        let k = 2;
        while (k > 0 && topCost[base + k - 1] > c) {
          topCost[base + k] = topCost[base + k - 1];
          topPos[base + k] = topPos[base + k - 1];
          k--;
        }
        topCost[base + k] = c;
        topPos[base + k] = q;
      }
    }
  }

  /** Clients of r without `out`, with `inserted` placed after original position q. */
  private rebuilt(r: Route, out: number, inserted: number, q: number): number[] {
    const list: number[] = [];
    if (q === 0) list.push(inserted);
    for (let p = 1; p <= r.size; p++) {
      if (r.nodes[p] !== out) list.push(r.nodes[p]);
      if (p === q) list.push(inserted);
    }
    return list;
  }

  private price(r: Route, clients: number[]): number {
    const c = this.s.concat.prefix(r, 0);
    for (const x of clients) c.node(x);
    return c.node(r.endNode).cost(r.vehicle, this.s.pen);
  }
}
