import { OfflineGeoProvider } from '../../../bff/src/adapters/geo/offline-geo-provider';
import { solve } from '../../../bff/src/algorithms/vrp/solve';
import type { VrpProblem } from '../../../bff/src/algorithms/vrp/types';
import type { SimCourier, SimOrder, World } from './world';

/** Seconds a courier spends handing over one parcel. */
export const SERVICE_S = 180;
const DAY_END_S = 36 * 3600;

/** The shared travel model: the BFF's offline e-bike estimate (great circle × detour, fixed speed). */
const geo = new OfflineGeoProvider();
const leg = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => geo.estimate(a, b, 'ebike');

/** Outcome of a simulated day. */
export interface DayResult {
  delivered: number;
  onTime: number;
  lateMin: number[];
  distanceM: number;
  trips: number;
  solverMs: number;
}

/** Picks trips for the couriers idle at the store at `nowS` from the released orders (each trip in visiting order). */
export type Dispatcher = (
  nowS: number,
  idle: SimCourier[],
  pool: SimOrder[],
  store: { lat: number; lng: number },
) => {
  trips: Map<number, SimOrder[]>;
  solverMs: number;
};

/** Each idle courier in turn takes the nearest next stop to where its trip has got so far, while the box holds. */
export const naiveDispatcher: Dispatcher = (_nowS, idle, pool, store) => {
  const left = new Set(pool);
  const trips = new Map<number, SimOrder[]>(idle.map((c) => [c.id, []]));
  const at = new Map(idle.map((c) => [c.id, store]));
  const load = new Map(idle.map((c) => [c.id, 0]));
  for (let moved = true; moved && left.size;) {
    moved = false;
    for (const c of idle) {
      let best: SimOrder | null = null;
      let bestS = Infinity;
      for (const o of left) {
        if (load.get(c.id)! + o.volumeL > c.capacityL) continue;
        const s = leg(at.get(c.id)!, o.p).durationS;
        if (s < bestS) [best, bestS] = [o, s];
      }
      if (!best) continue;
      left.delete(best);
      trips.get(c.id)!.push(best);
      at.set(c.id, best.p);
      load.set(c.id, load.get(c.id)! + best.volumeL);
      moved = true;
    }
  }
  return { trips, solverMs: 0 };
};

/** The BFF's VRPTW solver over the released orders and the idle couriers; windows already missed are widened. */
export function optimisingDispatcher(maxSolveMs: number, seed: number): Dispatcher {
  return (nowS, idle, pool, store) => {
    const places = [store, ...pool.map((o) => o.p)];
    const n = places.length;
    const durationS = new Float64Array(n * n);
    const distanceM = new Float64Array(n * n);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        const e = leg(places[a], places[b]);
        durationS[a * n + b] = e.durationS;
        distanceM[a * n + b] = e.distanceM;
      }
    }
    const problem: VrpProblem = {
      durationS,
      distanceM,
      jobs: pool.map((o, i) => ({
        location: i + 1,
        demand: o.volumeL,
        serviceS: SERVICE_S,
        timeWindowS:
          o.slotEndS < nowS + durationS[i + 1] ? [o.slotStartS, DAY_END_S] : [o.slotStartS, o.slotEndS],
      })),
      vehicles: idle.map((c) => ({
        capacity: c.capacityL,
        startLocation: 0,
        endLocation: 0,
        shiftS: [nowS, DAY_END_S],
      })),
    };
    const started = performance.now();
    const solution = solve(problem, {
      timeLimitMs: Math.min(maxSolveMs, 40 + 6 * pool.length),
      seed,
      objective: 'distance',
    });
    const trips = new Map<number, SimOrder[]>();
    for (const r of solution.routes)
      trips.set(
        idle[r.vehicle].id,
        r.jobs.map((j) => pool[j]),
      );
    return { trips, solverMs: performance.now() - started };
  };
}

/**
 * Simulates one store's day: orders become known at their slot cut-off; whenever couriers are
 * idle at the store and orders wait, the dispatcher sends them out; a courier rides (travel model
 * above), waits for a slot to open, serves, and comes back. `onProgress` gets the clock (s).
 */
export function simulateStore(
  world: World,
  storeIdx: number,
  dispatch: Dispatcher,
  onProgress: (nowS: number) => void,
): DayResult {
  const store = world.stores[storeIdx].p;
  const orders = world.orders.filter((o) => o.store === storeIdx).sort((a, b) => a.releaseS - b.releaseS);
  const couriers = world.couriers.filter((c) => c.store === storeIdx);
  const freeAt = new Map(couriers.map((c) => [c.id, c.shiftStartS]));
  const result: DayResult = { delivered: 0, onTime: 0, lateMin: [], distanceM: 0, trips: 0, solverMs: 0 };
  let pool: SimOrder[] = [];
  let released = 0;
  let nowS = Math.min(...couriers.map((c) => c.shiftStartS), orders[0]?.releaseS ?? 0);
  while (couriers.length && (released < orders.length || pool.length)) {
    while (released < orders.length && orders[released].releaseS <= nowS) pool.push(orders[released++]);
    const idle = couriers.filter((c) => freeAt.get(c.id)! <= nowS && nowS >= c.shiftStartS);
    if (idle.length && pool.length) {
      const picked = dispatch(nowS, idle, pool, store);
      let trips = picked.trips;
      result.solverMs += picked.solverMs;
      const busy = couriers.some((c) => freeAt.get(c.id)! > nowS);
      if (![...trips.values()].some((t) => t.length) && !busy && released === orders.length) {
        trips = naiveDispatcher(nowS, idle, pool, store).trips; // nothing else would ever take them
      }
      for (const [courierId, trip] of trips) {
        if (!trip.length) continue;
        result.trips++;
        let t = nowS;
        let at = store;
        for (const o of trip) {
          const e = leg(at, o.p);
          t += e.durationS;
          result.distanceM += e.distanceM;
          const startS = Math.max(t, o.slotStartS);
          result.delivered++;
          if (startS <= o.slotEndS) result.onTime++;
          else result.lateMin.push((startS - o.slotEndS) / 60);
          t = startS + SERVICE_S;
          at = o.p;
        }
        const back = leg(at, store);
        result.distanceM += back.distanceM;
        freeAt.set(courierId, t + back.durationS);
        const served = new Set(trip);
        pool = pool.filter((o) => !served.has(o));
      }
    }
    onProgress(nowS);
    const next = [
      ...(released < orders.length ? [orders[released].releaseS] : []),
      ...couriers.map((c) => Math.max(freeAt.get(c.id)!, c.shiftStartS)).filter((s) => s > nowS),
    ];
    if (!next.length) break;
    nowS = Math.min(...next);
  }
  return result;
}
