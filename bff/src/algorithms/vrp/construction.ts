import type { Instance } from './instance';
import type { Random } from './random';
import type { Penalties, Route } from './route';
import type { SearchState } from './search-state';

const NO_PENALTY: Penalties = { capacity: 0, timeWarp: 0 };
/** Regret given to a job per missing option, so that jobs with few feasible routes go first. */
const FEW_OPTIONS = 1e12;

/**
 * Regret-k insertion (Potvin & Rousseau 1993; Ropke & Pisinger 2006) under hard constraints:
 * repeatedly inserts the job whose best feasible insertion beats its k-th best by the most,
 * at its cheapest position. Best positions are cached per (job, route) and only the route that
 * changed is re-priced, so one construction costs O(n * total route length). `noise` (0..1)
 * randomises costs to diversify. Returns the jobs that fit nowhere. Works on `state`'s routes,
 * starting from whatever they hold.
 */
export function regretInsert(
  inst: Instance,
  state: SearchState,
  clients: number[],
  k: number,
  rng: Random,
  noise = 0,
): number[] {
  const R = inst.nv;
  const pending = clients.slice();
  const cost = new Float64Array(inst.n * R).fill(Infinity);
  const position = new Int32Array(inst.n * R);
  const open = new Uint8Array(R);
  const openFirstEmptyPerClass = (): void => {
    const seen = new Set<number>();
    for (const r of state.routes) {
      const cls = inst.vehicleClass[r.vehicle];
      if (r.size > 0) open[r.index] = 1;
      else if (!seen.has(cls)) {
        seen.add(cls);
        if (!open[r.index]) {
          open[r.index] = 1;
          priceRoute(r);
        }
      }
    }
  };
  const priceRoute = (r: Route): void => {
    const base = r.size === 0 ? 0 : r.cost(NO_PENALTY);
    for (const j of pending) {
      let best = Infinity;
      let bestPos = 0;
      for (let p = 0; p <= r.size; p++) {
        const cat = state.concat
          .prefix(r, p)
          .node(j)
          .suffix(r, p + 1, r.endNode);
        if (!cat.feasible(r.vehicle)) continue;
        const delta = cat.cost(r.vehicle, NO_PENALTY) - base;
        if (delta < best) {
          best = delta;
          bestPos = p;
        }
      }
      cost[j * R + r.index] = noise > 0 && best < Infinity ? best * (1 + noise * (rng.float() - 0.5)) : best;
      position[j * R + r.index] = bestPos;
    }
  };
  for (const r of state.routes) if (r.size > 0) priceRoute(r);
  openFirstEmptyPerClass();

  const unserved: number[] = [];
  const top = new Float64Array(k);
  while (pending.length > 0) {
    let chosen = -1;
    let chosenRegret = -Infinity;
    let chosenCost = Infinity;
    let chosenRoute = -1;
    for (let i = 0; i < pending.length; i++) {
      const j = pending[i];
      top.fill(Infinity);
      let bestRoute = -1;
      for (let r = 0; r < R; r++) {
        if (!open[r]) continue;
        const c = cost[j * R + r];
        if (c >= top[k - 1]) continue;
        if (c < top[0]) bestRoute = r;
        let q = k - 1;
        while (q > 0 && top[q - 1] > c) {
          top[q] = top[q - 1];
          q--;
        }
        top[q] = c;
      }
      if (bestRoute < 0) continue;
      let regret = 0;
      for (let q = 1; q < k; q++) regret += top[q] === Infinity ? FEW_OPTIONS : top[q] - top[0];
      if (regret > chosenRegret || (regret === chosenRegret && top[0] < chosenCost)) {
        chosen = i;
        chosenRegret = regret;
        chosenCost = top[0];
        chosenRoute = bestRoute;
      }
    }
    if (chosen < 0) {
      unserved.push(...pending);
      break;
    }
    const j = pending[chosen];
    pending[chosen] = pending[pending.length - 1];
    pending.pop();
    const r = state.routes[chosenRoute];
    const list = r.clients();
    list.splice(position[j * R + chosenRoute], 0, j);
    state.commit(r, list);
    priceRoute(r);
    openFirstEmptyPerClass();
  }
  return unserved;
}

/**
 * Makes every route of `state` feasible by removing, one at a time, the client whose removal
 * lowers the route's violation-weighted cost the most. Returns the removed clients.
 */
export function dropUntilFeasible(state: SearchState): number[] {
  const strict: Penalties = { capacity: 1e6, timeWarp: 1e6 };
  const removed: number[] = [];
  for (const r of state.routes) {
    while (r.size > 0 && !r.feasible()) {
      let best = Infinity;
      let bestPos = 1;
      for (let p = 1; p <= r.size; p++) {
        const c =
          r.size === 1
            ? 0
            : state.concat
                .prefix(r, p - 1)
                .suffix(r, p + 1, r.endNode)
                .cost(r.vehicle, strict);
        if (c < best) {
          best = c;
          bestPos = p;
        }
      }
      const list = r.clients();
      removed.push(...list.splice(bestPos - 1, 1));
      state.commit(r, list);
    }
  }
  return removed;
}
