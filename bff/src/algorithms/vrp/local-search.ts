import type { Instance } from './instance';
import * as moves from './moves';
import type { Random } from './random';
import * as route from './route';
import type { Penalties, Route } from './route';
import { SearchState } from './search-state';
import { SwapStar } from './swap-star';

// Bound once: transpiled imports are property getters, too slow for the innermost loop.
const { relocate, swap, twoOpt, twoOptStar } = moves;
const { max2, min2 } = route;
/** Routes count as near for SWAP* when a client has one of its closest neighbours in the other. */
const NEAR_ROUTES = 5;

/**
 * Granular first-improvement local search over relocate (1 or 2 clients, either orientation),
 * swap (1-1, 2-1, 2-2), intra-route 2-opt and inter-route 2-opt*, each client tried against its
 * precomputed neighbours only; a (client, neighbour) pair is re-tested only when one of the two
 * routes changed since (Vidal's "whenLastModified" rule). At each node-move optimum, SWAP* runs
 * between nearby routes; the search stops when neither finds an improvement.
 */
export class LocalSearch {
  readonly state: SearchState;
  private readonly order: Int32Array;
  private readonly lastTested: Int32Array;
  private readonly emptyByClass: Route[] = [];
  private readonly swapStar: SwapStar;
  private readonly swapStarTestedAt: Int32Array;
  private readonly near: Uint8Array;

  constructor(
    private readonly inst: Instance,
    private readonly rng: Random,
  ) {
    this.state = new SearchState(inst);
    this.order = Int32Array.from({ length: inst.n }, (_, i) => i);
    this.lastTested = new Int32Array(inst.n);
    this.swapStar = new SwapStar(this.state);
    this.swapStarTestedAt = new Int32Array(inst.nv);
    this.near = new Uint8Array(inst.nv * inst.nv);
  }

  /**
   * Loads the routes (one client list per vehicle), inserts clients that are missing, and
   * descends to a local optimum under the penalties, or until `deadline` (ms on `now`).
   */
  run(routes: ReadonlyArray<ArrayLike<number>>, pen: Penalties, deadline: number, now: () => number): void {
    const s = this.state;
    s.load(routes, pen);
    for (let u = 0; u < this.inst.n; u++) if (s.routeOf[u] < 0) s.insert(u);
    s.nbMoves = 0;
    for (const r of s.routes) r.modifiedAt = 0;
    this.lastTested.fill(-1);
    this.swapStarTestedAt.fill(-1);
    let improved = true;
    for (let loop = 0; improved; loop++) {
      improved = false;
      this.rng.shuffle(this.order);
      for (let i = 0; i < this.order.length; i++) {
        if ((i & 31) === 0 && now() > deadline) return;
        if (this.tryClient(this.order[i], loop)) improved = true;
      }
      // SWAP* is priced per route pair, which is costly on big instances, so it only runs once
      // the cheap node moves are exhausted.
      if (!improved && this.swapStars(loop)) improved = true;
    }
  }

  /** SWAP* between routes that are near (some client has a close neighbour in the other). */
  private swapStars(loop: number): boolean {
    const s = this.state;
    const nv = this.inst.nv;
    const near = this.near;
    near.fill(0);
    for (let u = 0; u < this.inst.n; u++) {
      const list = this.inst.neighbours[u];
      for (let k = 0; k < min2(NEAR_ROUTES, list.length); k++)
        near[s.routeOf[u] * nv + s.routeOf[list[k]]] = 1;
    }
    let improved = false;
    for (const r1 of s.routes) {
      if (r1.size === 0) continue;
      const lastTest = this.swapStarTestedAt[r1.index];
      this.swapStarTestedAt[r1.index] = s.nbMoves;
      for (const r2 of s.routes) {
        if (r2.index <= r1.index || r2.size === 0) continue;
        if (!near[r1.index * nv + r2.index] && !near[r2.index * nv + r1.index]) continue;
        if (loop > 0 && max2(r1.modifiedAt, r2.modifiedAt) <= lastTest) continue;
        if (this.swapStar.run(r1, r2)) improved = true;
      }
    }
    return improved;
  }

  private tryClient(u: number, loop: number): boolean {
    const s = this.state;
    const lastTest = this.lastTested[u];
    this.lastTested[u] = s.nbMoves;
    let improved = false;
    for (const v of this.inst.neighbours[u]) {
      const ru = s.routes[s.routeOf[u]];
      const rv = s.routes[s.routeOf[v]];
      if (loop > 0 && max2(ru.modifiedAt, rv.modifiedAt) <= lastTest) continue;
      const pv = s.posOf[v];
      if (
        relocate(s, u, rv, pv, 1, false) ||
        relocate(s, u, rv, pv, 2, false) ||
        relocate(s, u, rv, pv, 2, true) ||
        swap(s, u, rv, pv, 1, 1) ||
        swap(s, u, rv, pv, 2, 1) ||
        swap(s, u, rv, pv, 2, 2) ||
        (ru === rv ? twoOpt(s, u, v) : twoOptStar(s, u, rv, pv))
      ) {
        improved = true;
        continue;
      }
      if (pv === 1 && this.depotMoves(u, rv)) improved = true;
    }
    if (loop > 0) {
      for (const empty of this.emptyRoutes()) {
        if (s.routeOf[u] >= 0 && s.routes[s.routeOf[u]].size > 0 && this.depotMoves(u, empty)) {
          improved = true;
          break;
        }
      }
    }
    return improved;
  }

  /** Moves that put u (and its successor) right after the start depot of rv. */
  private depotMoves(u: number, rv: Route): boolean {
    const s = this.state;
    return (
      relocate(s, u, rv, 0, 1, false) ||
      relocate(s, u, rv, 0, 2, false) ||
      relocate(s, u, rv, 0, 2, true) ||
      twoOptStar(s, u, rv, 0)
    );
  }

  /** One empty route per vehicle class: empty routes of identical vehicles are interchangeable. */
  private emptyRoutes(): Route[] {
    const list = this.emptyByClass;
    list.length = 0;
    let seen = 0;
    for (const r of this.state.routes) {
      if (r.size !== 0) continue;
      const cls = this.inst.vehicleClass[r.vehicle];
      if (cls < 31 && seen & (1 << cls)) continue;
      if (cls < 31) seen |= 1 << cls;
      list.push(r);
    }
    return list;
  }
}
