import type { Route } from './route';
import type { SearchState } from './search-state';

/**
 * Local-search moves in the style of HGS-CVRP (Vidal 2022): each takes client u and a position
 * (route rv, position pv; pv = 0 means "after the start depot"), prices the move with an O(1)
 * arc-cost lower bound first, then exactly with segment concatenation, and applies it when it
 * improves the penalised cost. Intra-route variants rewrite only the stretch between the two
 * positions. All return true when a move was applied.
 */
const EPS = 1e-9;

/** Moves `count` (1 or 2) clients starting at u to just after position pv of rv, optionally reversed. */
export function relocate(
  s: SearchState,
  u: number,
  rv: Route,
  pv: number,
  count: 1 | 2,
  reversed: boolean,
): boolean {
  const { arc: A, nodes: N, n } = s.inst;
  const ru = s.routes[s.routeOf[u]];
  const pu = s.posOf[u];
  const nu = ru.nodes;
  const X = nu[pu + 1];
  if (count === 2 && X >= n) return false;
  if (count === 1 && reversed) return false;
  const same = ru === rv;
  if (same && pv >= pu - 1 && pv <= pu + count - 1) return false;
  const last = count === 1 ? u : X;
  const pU = nu[pu - 1];
  const after = nu[pu + count];
  const V = rv.nodes[pv];
  const Y = rv.nodes[pv + 1];
  const first = reversed ? X : u;
  const lastIns = reversed ? u : last;
  const emptied = !same && ru.size === count;
  let lb =
    (emptied ? -s.inst.fixedCost[ru.vehicle] : A[pU * N + after]) -
    A[pU * N + u] -
    A[last * N + after] +
    A[V * N + first] +
    A[lastIns * N + Y] -
    A[V * N + Y];
  if (reversed) lb += A[X * N + u] - A[u * N + X];
  lb -= s.slack[ru.index] + (same ? 0 : s.slack[rv.index]);
  if (lb > -EPS) return false;

  if (same) {
    s.startSeq();
    let lo: number;
    let hi: number;
    if (pv > pu) {
      lo = pu;
      hi = pv;
      s.pushRange(ru, pu + count, pv);
      s.pushRange(ru, pu, pu + count - 1, reversed);
    } else {
      lo = pv + 1;
      hi = pu + count - 1;
      s.pushRange(ru, pu, pu + count - 1, reversed);
      s.pushRange(ru, pv + 1, pu - 1);
    }
    if (s.regionCost(ru, lo, hi) - s.routeCost[ru.index] > -EPS) return false;
    s.applyRegion(ru, lo);
    return true;
  }
  const c1 = emptied
    ? 0
    : s.concat
        .prefix(ru, pu - 1)
        .suffix(ru, pu + count, ru.endNode)
        .cost(ru.vehicle, s.pen);
  const cat = s.concat.prefix(rv, pv).node(first);
  if (count === 2) cat.node(lastIns);
  const c2 = cat.suffix(rv, pv + 1, rv.endNode).cost(rv.vehicle, s.pen);
  if (c1 + c2 - s.routeCost[ru.index] - s.routeCost[rv.index] > -EPS) return false;
  const a = ru.clients();
  const block = a.splice(pu - 1, count);
  if (reversed) block.reverse();
  const b = rv.clients();
  b.splice(pv, 0, ...block);
  s.beginMove();
  s.commit(ru, a);
  s.commit(rv, b);
  return true;
}

/** Exchanges cu clients starting at u with cv clients starting at position pv of rv (pv >= 1). */
export function swap(s: SearchState, u: number, rv: Route, pv: number, cu: 1 | 2, cv: 1 | 2): boolean {
  const { arc: A, nodes: N, n } = s.inst;
  const ru = s.routes[s.routeOf[u]];
  const pu = s.posOf[u];
  if (pv < 1 || pv > rv.size) return false;
  if (cu === 2 && ru.nodes[pu + 1] >= n) return false;
  if (cv === 2 && rv.nodes[pv + 1] >= n) return false;
  const same = ru === rv;
  if (same && (pu < pv ? pu + cu >= pv : pv + cv >= pu)) return false;
  const a1 = ru.nodes[pu - 1];
  const f1 = u;
  const l1 = ru.nodes[pu + cu - 1];
  const b1 = ru.nodes[pu + cu];
  const a2 = rv.nodes[pv - 1];
  const f2 = rv.nodes[pv];
  const l2 = rv.nodes[pv + cv - 1];
  const b2 = rv.nodes[pv + cv];
  let lb =
    A[a1 * N + f2] +
    A[l2 * N + b1] +
    A[a2 * N + f1] +
    A[l1 * N + b2] -
    A[a1 * N + f1] -
    A[l1 * N + b1] -
    A[a2 * N + f2] -
    A[l2 * N + b2];
  lb -= s.slack[ru.index] + (same ? 0 : s.slack[rv.index]);
  if (lb > -EPS) return false;

  if (same) {
    const [p1, c1, p2, c2] = pu < pv ? [pu, cu, pv, cv] : [pv, cv, pu, cu];
    s.startSeq();
    s.pushRange(ru, p2, p2 + c2 - 1);
    s.pushRange(ru, p1 + c1, p2 - 1);
    s.pushRange(ru, p1, p1 + c1 - 1);
    if (s.regionCost(ru, p1, p2 + c2 - 1) - s.routeCost[ru.index] > -EPS) return false;
    s.applyRegion(ru, p1);
    return true;
  }
  const c1 = s.concat
    .prefix(ru, pu - 1)
    .range(rv, pv, pv + cv - 1)
    .suffix(ru, pu + cu, ru.endNode)
    .cost(ru.vehicle, s.pen);
  const c2 = s.concat
    .prefix(rv, pv - 1)
    .range(ru, pu, pu + cu - 1)
    .suffix(rv, pv + cv, rv.endNode)
    .cost(rv.vehicle, s.pen);
  if (c1 + c2 - s.routeCost[ru.index] - s.routeCost[rv.index] > -EPS) return false;
  const a = ru.clients();
  const b = rv.clients();
  const blockU = a.slice(pu - 1, pu - 1 + cu);
  const blockV = b.slice(pv - 1, pv - 1 + cv);
  a.splice(pu - 1, cu, ...blockV);
  b.splice(pv - 1, cv, ...blockU);
  s.beginMove();
  s.commit(ru, a);
  s.commit(rv, b);
  return true;
}

/** Intra-route 2-opt: with u before v in one route, reverses the stretch from succ(u) to v. */
export function twoOpt(s: SearchState, u: number, v: number): boolean {
  const { arc: A, nodes: N } = s.inst;
  const r = s.routes[s.routeOf[u]];
  const pu = s.posOf[u];
  const pv = s.posOf[v];
  if (s.routeOf[v] !== s.routeOf[u] || pv < pu + 2) return false;
  const X = r.nodes[pu + 1];
  const Y = r.nodes[pv + 1];
  const inner = r.cumRev[pv] - r.cumRev[pu + 1] - (r.cumArc[pv] - r.cumArc[pu + 1]);
  const lb = A[u * N + v] + A[X * N + Y] - A[u * N + X] - A[v * N + Y] + inner - s.slack[r.index];
  if (lb > -EPS) return false;
  s.startSeq();
  s.pushRange(r, pu + 1, pv, true);
  if (s.regionCost(r, pu + 1, pv) - s.routeCost[r.index] > -EPS) return false;
  s.applyRegion(r, pu + 1);
  return true;
}

/** 2-opt*: route of u continues with what followed position pv of rv, and rv with what followed u. */
export function twoOptStar(s: SearchState, u: number, rv: Route, pv: number): boolean {
  const inst = s.inst;
  const { arc: A, nodes: N, n } = inst;
  const ru = s.routes[s.routeOf[u]];
  if (ru === rv) return false;
  const pu = s.posOf[u];
  const X = ru.nodes[pu + 1];
  const V = rv.nodes[pv];
  const Y = rv.nodes[pv + 1];
  if (X >= n && Y >= n) return false;
  const secondEmpty = pv === 0 && X >= n;
  if (inst.sameEnd[ru.vehicle * inst.nv + rv.vehicle] && !secondEmpty) {
    const Y1 = Y < n ? Y : ru.endNode;
    const X2 = X < n ? X : rv.endNode;
    let lb = A[u * N + Y1] + A[V * N + X2] - A[u * N + X] - A[V * N + Y];
    if (rv.size === 0) lb += inst.fixedCost[rv.vehicle];
    if (lb - s.slack[ru.index] - s.slack[rv.index] > -EPS) return false;
  }
  const c1 = s.concat
    .prefix(ru, pu)
    .suffix(rv, pv + 1, ru.endNode)
    .cost(ru.vehicle, s.pen);
  const c2 = secondEmpty
    ? 0
    : s.concat
        .prefix(rv, pv)
        .suffix(ru, pu + 1, rv.endNode)
        .cost(rv.vehicle, s.pen);
  if (c1 + c2 - s.routeCost[ru.index] - s.routeCost[rv.index] > -EPS) return false;
  const a = ru.clients();
  const b = rv.clients();
  s.beginMove();
  s.commit(ru, a.slice(0, pu).concat(b.slice(pv)));
  s.commit(rv, b.slice(0, pv).concat(a.slice(pu)));
  return true;
}
