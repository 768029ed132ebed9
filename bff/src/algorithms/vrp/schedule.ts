import type { Instance } from './instance';
import { concatSegments, stopSegment, type TwSegment } from './segment';
import type { VrpProblem, VrpRoute } from './types';

/**
 * Times and totals of one route of internal clients driven by vehicle v: departs as early as
 * possible among the departures that give the shortest duration (seconds), distance in metres.
 */
export function scheduleRoute(problem: VrpProblem, inst: Instance, v: number, clients: number[]): VrpRoute {
  const start = inst.n + 2 * v;
  const end = start + 1;
  const nodes = [start, ...clients, end];
  const segmentOf = (node: number): TwSegment =>
    stopSegment(inst.service[node], inst.ready[node], inst.due[node]);
  let segment = segmentOf(start);
  for (let i = 1; i < nodes.length; i++) {
    segment = concatSegments(segment, inst.time[nodes[i - 1] * inst.nodes + nodes[i]], segmentOf(nodes[i]));
  }
  const startS = Math.max(segment.earliestS, problem.vehicles[v].shiftS[0]);
  let t = startS;
  let distanceM = 0;
  let load = 0;
  const stops = [];
  for (let i = 1; i < nodes.length - 1; i++) {
    const k = nodes[i - 1] * inst.nodes + nodes[i];
    const c = nodes[i];
    const arrivalS = t + inst.time[k];
    const serviceStartS = Math.max(arrivalS, inst.ready[c]);
    t = serviceStartS + inst.service[c];
    distanceM += inst.dist[k];
    load += inst.demand[c];
    stops.push({ job: inst.jobOf[c], arrivalS, serviceStartS, departureS: t });
  }
  const lastLeg = nodes[nodes.length - 2] * inst.nodes + end;
  const endS = t + inst.time[lastLeg];
  distanceM += inst.dist[lastLeg];
  return {
    vehicle: v,
    jobs: stops.map((s) => s.job),
    stops,
    startS,
    endS,
    distanceM,
    durationS: endS - startS,
    load,
  };
}
