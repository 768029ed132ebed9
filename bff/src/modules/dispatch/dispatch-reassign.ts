import type { GeoProvider } from '../../adapters/geo';
import type { CourierEntity } from '../stores/store.entity';
import type { RoutingService } from '../routing/routing.service';
import { buildDispatchProblem, type PlanJob } from './dispatch.problem';
import { placesOf, vehiclesOf, type DaySnapshot } from './dispatch.snapshot';

/** One stop of a re-sequenced route: the order and its ETA, seconds since the plan day's 00:00. */
export interface SequencedStop {
  orderId: number;
  etaS: number;
}

/** A courier's pending stops in their new order, with the route's length before and after (metres). */
export interface Resequenced {
  courierId: number;
  stops: SequencedStop[];
  distanceM: number;
  oldDistanceM: number;
}

/** What re-sequencing one route needs: the plan day, its clock (s since 00:00) and the solver. */
export interface ResequenceInput {
  day: DaySnapshot;
  courier: CourierEntity;
  /** Orders the route serves after the change, any order. */
  orderIds: number[];
  /** Pending orders of the route before the change, in their old order (for the distance change). */
  oldOrderIds: number[];
  toS: (d: Date) => number;
  nowS: number;
  serviceS: number;
  /** Windows ending before this (s) are widened, as in planning. */
  lateAfterS: number;
}

/** Walks `order` from the vehicle's start: ETA of each stop (s) and the length back to the store (m). */
function walk(
  order: PlanJob[],
  start: { index: number; atS: number },
  m: { durationS: number[][]; distanceM: number[][] },
  serviceS: number,
): { etaS: number[]; distanceM: number } {
  let at = start.index;
  let t = start.atS;
  let distanceM = 0;
  const etaS: number[] = [];
  for (const j of order) {
    t = Math.max(t + m.durationS[at][j.index], j.windowS[0]);
    etaS.push(t);
    t += serviceS;
    distanceM += m.distanceM[at][j.index];
    at = j.index;
  }
  if (order.length) distanceM += m.distanceM[at][0];
  return { etaS, distanceM };
}

/**
 * Orders one courier's stops with the assignment fixed: the solver sequences them within their
 * windows from where the courier is (stops already made stay out, as in planning); the courier's
 * capacity is raised to the load the dispatcher chose, and a stop whose window cannot be met goes
 * last, late rather than dropped. ETAs are then walked along the final order.
 */
export async function resequence(
  deps: { geo: GeoProvider; routing: RoutingService },
  input: ResequenceInput,
): Promise<Resequenced> {
  const { day, courier, toS, nowS, serviceS } = input;
  const ids = new Set([...input.orderIds, ...input.oldOrderIds]);
  const sub: DaySnapshot = {
    ...day,
    couriers: [courier],
    active: day.active.filter((o) => ids.has(o.id)),
    fixedOf: new Map([[courier.id, day.fixedOf.get(courier.id) ?? []]]),
  };
  const { points, ownerOf, jobs, lastIndex } = placesOf(sub, toS, nowS, serviceS);
  const wanted = new Set(input.orderIds);
  const mine = jobs.filter((j) => wanted.has(j.orderId));
  const matrix = await deps.geo.matrix(points, points, 'ebike');
  const [vehicle] = vehiclesOf([courier], mine, lastIndex, matrix.durationS, nowS);
  vehicle.capacityL = Math.max(
    vehicle.capacityL,
    mine.reduce((n, j) => n + j.demandL, 0),
  );
  const order: PlanJob[] = [];
  if (mine.length) {
    const problem = buildDispatchProblem(
      { ...matrix, vehicles: [vehicle], jobs: mine, serviceS, ownerOf },
      input.lateAfterS,
    );
    const solution = await deps.routing.solve(
      problem,
      { timeLimitMs: Math.min(2000, 100 + 20 * mine.length), seed: 1, objective: 'distance' },
      true,
    );
    for (const s of solution.routes[0]?.stops ?? []) order.push(mine[s.job]);
    const left = solution.unassigned.map((u) => mine[u.job]);
    order.push(...left.sort((a, b) => a.windowS[0] - b.windowS[0] || a.orderId - b.orderId));
  }
  const start = { index: vehicle.startIndex, atS: vehicle.startS };
  const now = walk(order, start, matrix, serviceS);
  const byOrder = new Map(jobs.map((j) => [j.orderId, j]));
  const before = input.oldOrderIds.map((id) => byOrder.get(id)).filter((j): j is PlanJob => !!j);
  return {
    courierId: courier.id,
    stops: order.map((j, k) => ({ orderId: j.orderId, etaS: now.etaS[k] })),
    distanceM: now.distanceM,
    oldDistanceM: walk(before, start, matrix, serviceS).distanceM,
  };
}
