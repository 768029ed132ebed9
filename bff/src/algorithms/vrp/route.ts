import type { Instance } from './instance';

// Plain comparisons instead of Math.max/min: inside a vm context (jest) V8 does not inline the
// builtins, which made the hot loops ten times slower there.
/** max(x, 0). */
export function positive(x: number): number {
  return x > 0 ? x : 0;
}

/** Larger of two numbers (no NaN handling needed here). */
export function max2(a: number, b: number): number {
  return a > b ? a : b;
}

/** Smaller of two numbers. */
export function min2(a: number, b: number): number {
  return a < b ? a : b;
}

/** Penalty weights of the current search phase, per unit of excess load and per second of time warp. */
export interface Penalties {
  capacity: number;
  timeWarp: number;
}

/**
 * A vehicle's route during local search, with prefix/suffix data per position so that moves are
 * evaluated in O(1): cumulative arc cost and load, and forward/backward time-window segments.
 * Position 0 is the start depot node, `size + 1` the end depot node.
 */
export class Route {
  size = 0;
  modifiedAt = 0;
  nodes: Int32Array;
  cumArc: Float64Array;
  /** Cumulative arc cost of the path driven backwards (for reversing a stretch in 2-opt). */
  cumRev: Float64Array;
  cumLoad: Float64Array;
  fD: Float64Array;
  fTW: Float64Array;
  fE: Float64Array;
  fL: Float64Array;
  bD: Float64Array;
  bTW: Float64Array;
  bE: Float64Array;
  bL: Float64Array;
  arc = 0;
  load = 0;
  duration = 0;
  timeWarp = 0;
  readonly startNode: number;
  readonly endNode: number;

  constructor(
    private readonly inst: Instance,
    readonly vehicle: number,
    readonly index: number,
  ) {
    this.startNode = inst.n + 2 * vehicle;
    this.endNode = this.startNode + 1;
    this.nodes = new Int32Array(0);
    this.cumArc = this.cumRev = this.cumLoad = this.fD = this.fTW = this.fE = this.fL = new Float64Array(0);
    this.bD = this.bTW = this.bE = this.bL = this.cumArc;
    this.reserve(16);
  }

  private reserve(clients: number): void {
    if (this.nodes.length >= clients + 2) return;
    const length = Math.max(clients + 2, this.nodes.length * 2);
    const nodes = new Int32Array(length);
    nodes.set(this.nodes);
    this.nodes = nodes;
    this.cumArc = new Float64Array(length);
    this.cumRev = new Float64Array(length);
    this.cumLoad = new Float64Array(length);
    this.fD = new Float64Array(length);
    this.fTW = new Float64Array(length);
    this.fE = new Float64Array(length);
    this.fL = new Float64Array(length);
    this.bD = new Float64Array(length);
    this.bTW = new Float64Array(length);
    this.bE = new Float64Array(length);
    this.bL = new Float64Array(length);
  }

  /** Replaces the clients (in order) and recomputes all position data; updates the owner's maps. */
  setClients(clients: ArrayLike<number>, routeOf: Int32Array, posOf: Int32Array): void {
    this.reserve(clients.length);
    this.size = clients.length;
    this.nodes[0] = this.startNode;
    for (let i = 0; i < clients.length; i++) {
      this.nodes[i + 1] = clients[i];
      routeOf[clients[i]] = this.index;
      posOf[clients[i]] = i + 1;
    }
    this.nodes[this.size + 1] = this.endNode;
    this.update();
  }

  /** Clients in visiting order (copy). */
  clients(): number[] {
    return Array.from(this.nodes.subarray(1, this.size + 1));
  }

  private update(): void {
    const { nodes, fD, fTW, fE, fL, bD, bTW, bE, bL, cumArc, cumRev, cumLoad } = this;
    const { time, arc, nodes: nn, service, ready, due, demand } = this.inst;
    const last = this.size + 1;
    fD[0] = 0;
    fTW[0] = 0;
    fE[0] = ready[nodes[0]];
    fL[0] = due[nodes[0]];
    cumArc[0] = 0;
    cumRev[0] = 0;
    cumLoad[0] = 0;
    for (let p = 1; p <= last; p++) {
      const prev = nodes[p - 1];
      const c = nodes[p];
      const t = time[prev * nn + c];
      cumArc[p] = cumArc[p - 1] + arc[prev * nn + c];
      cumRev[p] = cumRev[p - 1] + arc[c * nn + prev];
      cumLoad[p] = cumLoad[p - 1] + demand[c];
      const delta = fD[p - 1] - fTW[p - 1] + t;
      const wait = positive(ready[c] - delta - fL[p - 1]);
      const warp = positive(fE[p - 1] + delta - due[c]);
      fD[p] = fD[p - 1] + service[c] + t + wait;
      fTW[p] = fTW[p - 1] + warp;
      fE[p] = max2(ready[c] - delta, fE[p - 1]) - wait;
      fL[p] = min2(due[c] - delta, fL[p - 1]) + warp;
    }
    bD[last] = service[nodes[last]];
    bTW[last] = 0;
    bE[last] = ready[nodes[last]];
    bL[last] = due[nodes[last]];
    for (let p = last - 1; p >= 0; p--) {
      const c = nodes[p];
      const t = time[c * nn + nodes[p + 1]];
      const delta = service[c] + t;
      const wait = positive(bE[p + 1] - delta - due[c]);
      const warp = positive(ready[c] + delta - bL[p + 1]);
      bD[p] = service[c] + bD[p + 1] + t + wait;
      bTW[p] = bTW[p + 1] + warp;
      bE[p] = max2(bE[p + 1] - delta, ready[c]) - wait;
      bL[p] = min2(bL[p + 1] - delta, due[c]) + warp;
    }
    this.arc = cumArc[last];
    this.load = cumLoad[last];
    this.duration = fD[last];
    this.timeWarp = fTW[last];
  }

  /** Penalised cost: objective part plus penalties; an empty route costs nothing. */
  cost(pen: Penalties): number {
    if (this.size === 0) return 0;
    const v = this.vehicle;
    const inst = this.inst;
    const overDuration = positive(this.duration - inst.maxDuration[v]);
    return (
      this.arc +
      inst.durationWeight * this.duration +
      inst.fixedCost[v] +
      pen.capacity * positive(this.load - inst.capacity[v]) +
      pen.timeWarp * (this.timeWarp + overDuration)
    );
  }

  /** True when load, time windows and maximum duration are all respected. */
  feasible(): boolean {
    const v = this.vehicle;
    return (
      this.load <= this.inst.capacity[v] + 1e-9 &&
      this.timeWarp < 1e-9 &&
      this.duration <= this.inst.maxDuration[v] + 1e-9
    );
  }
}

/**
 * Builds the segment of a candidate route piece by piece (prefix of a route, single clients,
 * ranges, suffix) and prices it; no allocation, so it can run millions of times per second.
 */
export class Concat {
  private d = 0;
  private tw = 0;
  private e = 0;
  private l = 0;
  private arcSum = 0;
  private loadSum = 0;
  private last = 0;

  constructor(private readonly inst: Instance) {}

  /** Starts with positions 0..p of route r. */
  prefix(r: Route, p: number): this {
    this.d = r.fD[p];
    this.tw = r.fTW[p];
    this.e = r.fE[p];
    this.l = r.fL[p];
    this.arcSum = r.cumArc[p];
    this.loadSum = r.cumLoad[p];
    this.last = r.nodes[p];
    return this;
  }

  /** Appends one node (client or depot). */
  node(c: number): this {
    const inst = this.inst;
    const k = this.last * inst.nodes + c;
    this.merge(inst.service[c], 0, inst.ready[c], inst.due[c], inst.time[k]);
    this.arcSum += inst.arc[k];
    this.loadSum += inst.demand[c];
    this.last = c;
    return this;
  }

  /** Appends positions a..b of route r, forwards (a <= b) or, when reversed, from b down to a. */
  range(r: Route, a: number, b: number, reversed = false): this {
    if (reversed) for (let p = b; p >= a; p--) this.node(r.nodes[p]);
    else for (let p = a; p <= b; p++) this.node(r.nodes[p]);
    return this;
  }

  /** Appends positions p..end of route r, ending at the end depot `endNode` (O(1) when compatible). */
  suffix(r: Route, p: number, endNode: number): this {
    if (
      endNode !== r.endNode &&
      !this.inst.sameEnd[r.vehicle * this.inst.nv + ((endNode - this.inst.n) >> 1)]
    ) {
      return this.range(r, p, r.size).node(endNode);
    }
    const inst = this.inst;
    const first = r.nodes[p];
    const k = this.last * inst.nodes + first;
    this.merge(r.bD[p], r.bTW[p], r.bE[p], r.bL[p], inst.time[k]);
    this.arcSum += inst.arc[k] + r.arc - r.cumArc[p];
    this.loadSum += r.load - r.cumLoad[p - 1];
    this.last = endNode;
    return this;
  }

  private merge(d2: number, tw2: number, e2: number, l2: number, t: number): void {
    const delta = this.d - this.tw + t;
    const wait = positive(e2 - delta - this.l);
    const warp = positive(this.e + delta - l2);
    this.d += d2 + t + wait;
    this.tw += tw2 + warp;
    this.e = max2(e2 - delta, this.e) - wait;
    this.l = min2(l2 - delta, this.l) + warp;
  }

  /** True when the built route respects load, time windows and maximum duration for vehicle v. */
  feasible(v: number): boolean {
    const inst = this.inst;
    return this.tw < 1e-9 && this.loadSum <= inst.capacity[v] + 1e-9 && this.d <= inst.maxDuration[v] + 1e-9;
  }

  /** Penalised cost of the built route if driven by vehicle v (must contain at least one client). */
  cost(v: number, pen: Penalties): number {
    const inst = this.inst;
    const overDuration = positive(this.d - inst.maxDuration[v]);
    return (
      this.arcSum +
      inst.durationWeight * this.d +
      inst.fixedCost[v] +
      pen.capacity * positive(this.loadSum - inst.capacity[v]) +
      pen.timeWarp * (this.tw + overDuration)
    );
  }
}
