import type { Instance } from './instance';
import { Concat, Route, type Penalties } from './route';

/** Totals of a complete assignment: objective cost, excess load (units) and time warp incl. overtime (s). */
export interface Evaluation {
  cost: number;
  excessLoad: number;
  timeWarp: number;
}

/**
 * Mutable routes shared by the local-search moves: client -> (route, position) maps, cached
 * route costs under the current penalties, and a scratch buffer for rewritten route stretches.
 */
export class SearchState {
  readonly routes: Route[];
  readonly routeOf: Int32Array;
  readonly posOf: Int32Array;
  readonly routeCost: Float64Array;
  /** Penalty part of each route's cost; a lower bound on what a move can save besides arc cost. */
  readonly slack: Float64Array;
  readonly concat: Concat;
  readonly seq: Int32Array;
  seqLen = 0;
  nbMoves = 0;
  pen: Penalties = { capacity: 1, timeWarp: 1 };

  constructor(readonly inst: Instance) {
    this.routes = Array.from({ length: inst.nv }, (_, v) => new Route(inst, v, v));
    this.routeOf = new Int32Array(inst.n).fill(-1);
    this.posOf = new Int32Array(inst.n);
    this.routeCost = new Float64Array(inst.nv);
    this.slack = new Float64Array(inst.nv);
    this.concat = new Concat(inst);
    this.seq = new Int32Array(inst.n + 2);
  }

  /** Loads one client list per vehicle; clients absent from every list stay unrouted (routeOf = -1). */
  load(routes: ReadonlyArray<ArrayLike<number>>, pen: Penalties): void {
    this.routeOf.fill(-1);
    this.pen = pen;
    this.routes.forEach((r, v) => r.setClients(routes[v] ?? [], this.routeOf, this.posOf));
    this.refreshCosts();
  }

  /** Recomputes cached costs (after a penalty change). */
  refreshCosts(): void {
    for (const r of this.routes) this.cache(r);
  }

  private cache(r: Route): void {
    const c = r.cost(this.pen);
    this.routeCost[r.index] = c;
    const objective = r.size === 0 ? 0 : r.arc + this.inst.fixedCost[r.vehicle];
    this.slack[r.index] = this.inst.durationWeight ? Infinity : c - objective;
  }

  /** Replaces a route's clients after an accepted move. */
  commit(r: Route, clients: ArrayLike<number>): void {
    r.setClients(clients, this.routeOf, this.posOf);
    r.modifiedAt = this.nbMoves;
    this.cache(r);
  }

  /** Counts an accepted move (routes touched afterwards get this timestamp). */
  beginMove(): void {
    this.nbMoves++;
  }

  startSeq(): void {
    this.seqLen = 0;
  }

  push(node: number): void {
    this.seq[this.seqLen++] = node;
  }

  /** Appends positions a..b of r to the scratch sequence (from b down to a when reversed). */
  pushRange(r: Route, a: number, b: number, reversed = false): void {
    if (reversed) for (let p = b; p >= a; p--) this.seq[this.seqLen++] = r.nodes[p];
    else for (let p = a; p <= b; p++) this.seq[this.seqLen++] = r.nodes[p];
  }

  /** Penalised cost of r with positions lo..hi replaced by the scratch sequence. */
  regionCost(r: Route, lo: number, hi: number): number {
    const c = this.concat.prefix(r, lo - 1);
    for (let i = 0; i < this.seqLen; i++) c.node(this.seq[i]);
    return c.suffix(r, hi + 1, r.endNode).cost(r.vehicle, this.pen);
  }

  /** Writes the scratch sequence over positions lo.. of r and commits. */
  applyRegion(r: Route, lo: number): void {
    const clients = r.clients();
    for (let i = 0; i < this.seqLen; i++) clients[lo - 1 + i] = this.seq[i];
    this.beginMove();
    this.commit(r, clients);
  }

  /** One client list per vehicle. */
  export(): number[][] {
    return this.routes.map((r) => r.clients());
  }

  /** Objective cost and total violations of the loaded routes. */
  evaluate(): Evaluation {
    const inst = this.inst;
    let cost = 0;
    let excessLoad = 0;
    let timeWarp = 0;
    for (const r of this.routes) {
      if (r.size === 0) continue;
      const v = r.vehicle;
      cost += r.arc + inst.durationWeight * r.duration + inst.fixedCost[v];
      excessLoad += Math.max(0, r.load - inst.capacity[v]);
      timeWarp += r.timeWarp + Math.max(0, r.duration - inst.maxDuration[v]);
    }
    return { cost, excessLoad, timeWarp };
  }

  /** Cheapest position for an unrouted client among its neighbours' routes (or an empty route). */
  insert(u: number): void {
    const inst = this.inst;
    let best = Infinity;
    let bestRoute: Route | null = null;
    let bestPos = 0;
    const tryAt = (r: Route, p: number): void => {
      const c = this.concat
        .prefix(r, p)
        .node(u)
        .suffix(r, p + 1, r.endNode)
        .cost(r.vehicle, this.pen);
      const delta = c - this.routeCost[r.index];
      if (delta < best) {
        best = delta;
        bestRoute = r;
        bestPos = p;
      }
    };
    for (const v of inst.neighbours[u]) {
      if (this.routeOf[v] < 0) continue;
      const r = this.routes[this.routeOf[v]];
      tryAt(r, this.posOf[v] - 1);
      tryAt(r, this.posOf[v]);
    }
    const empty = this.routes.find((r) => r.size === 0);
    if (empty) tryAt(empty, 0);
    if (!bestRoute) for (const r of this.routes) tryAt(r, r.size);
    const target = bestRoute ?? this.routes[0];
    const clients = target.clients();
    clients.splice(bestPos, 0, u);
    this.beginMove();
    this.commit(target, clients);
  }
}
