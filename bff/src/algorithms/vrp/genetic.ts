import { regretInsert } from './construction';
import { selectiveRouteExchange } from './crossover';
import type { Instance } from './instance';
import { LocalSearch } from './local-search';
import { makeIndividual, penalisedCost, Population, type Individual } from './population';
import { Random } from './random';
import type { Penalties } from './route';

/** Search settings; defaults follow HGS-CVRP (Vidal 2022) scaled for a few-second budget. */
export interface GeneticParams {
  seed: number;
  deadline: number;
  maxIterations: number;
  now: () => number;
}

/** Outcome of the genetic search: best feasible routes (or null), best routes overall, iterations. */
export interface GeneticResult {
  bestFeasible: Individual | null;
  bestAny: Individual;
  construction: { routes: number[][]; unserved: number[] };
  iterations: number;
}

const POPULATION = { mu: 25, lambda: 40, nbElite: 4, nbClose: 5 };
const TARGET_FEASIBLE = 0.2;
const PENALTY_RANGE: [number, number] = [0.1, 1e5];
const ITERATIONS_BEFORE_RESTART = 20000;
const PENALTY_UPDATE_EVERY = 30;

/**
 * Hybrid genetic search (Vidal et al. 2012/2022): a population of locally optimal solutions,
 * feasible and infeasible kept apart, parents chosen by biased fitness (cost and contribution to
 * diversity), selective route exchange as crossover, granular local search as education, and
 * penalties for excess load and time warp tuned so about 20% of offspring are feasible. HGS is
 * chosen over ALNS because it is the state of the art on VRPTW benchmarks and its education
 * step reuses the O(1) segment concatenation for every move.
 */
export function geneticSearch(inst: Instance, params: GeneticParams): GeneticResult {
  const rng = new Random(params.seed);
  const ls = new LocalSearch(inst, rng);
  const { now, deadline } = params;
  const pen: Penalties = initialPenalties(inst);
  const population = new Population(POPULATION);
  const best: { feasible: Individual | null; any: Individual | null } = { feasible: null, any: null };
  const loadHistory: boolean[] = [];
  const warpHistory: boolean[] = [];

  const educate = (routes: number[][]): Individual => {
    ls.run(routes, pen, deadline, now);
    const ind = makeIndividual(inst.n, ls.state.export(), ls.state.evaluate());
    population.add(ind, pen);
    loadHistory.push(ind.excessLoad < 1e-9);
    warpHistory.push(ind.timeWarp < 1e-9);
    // Adjusting often (not every 100 as in HGS) lets short budgets find the right penalties.
    if (loadHistory.length >= PENALTY_UPDATE_EVERY) {
      pen.capacity = adjust(pen.capacity, loadHistory);
      pen.timeWarp = adjust(pen.timeWarp, warpHistory);
      loadHistory.length = 0;
      warpHistory.length = 0;
    }
    record(ind);
    if (!ind.feasible && rng.float() < 0.5) {
      const strong = { capacity: pen.capacity * 10, timeWarp: pen.timeWarp * 10 };
      ls.run(ind.routes, strong, deadline, now);
      const repaired = makeIndividual(inst.n, ls.state.export(), ls.state.evaluate());
      if (repaired.feasible) {
        population.add(repaired, pen);
        record(repaired);
      }
    }
    return ind;
  };
  const record = (ind: Individual): void => {
    if (ind.feasible && (!best.feasible || ind.cost < best.feasible.cost - 1e-9)) best.feasible = ind;
    if (!best.any || penalisedCost(ind, pen) < penalisedCost(best.any, pen)) best.any = ind;
  };

  // Regret-3 construction: a feasible start, and the route count for random individuals.
  const allClients = Array.from({ length: inst.n }, (_, i) => i);
  ls.state.load([], { capacity: 0, timeWarp: 0 });
  const unserved = regretInsert(inst, ls.state, allClients, 3, rng);
  const construction = { routes: ls.state.export(), unserved };
  const routeCount = Math.max(1, construction.routes.filter((r) => r.length > 0).length);

  const initialise = (): void => {
    // The construction is feasible when it serves everyone: keep it as the first incumbent.
    if (unserved.length === 0) {
      ls.state.load(construction.routes, pen);
      record(makeIndividual(inst.n, construction.routes, ls.state.evaluate()));
    }
    educate(construction.routes);
    const initDeadline = now() + 0.2 * (deadline - now());
    // A bounded run (maxIterations) must not depend on the clock, so it always builds all of them.
    const timed = !Number.isFinite(params.maxIterations);
    for (let i = 0; i < 4 * POPULATION.mu && (!timed || now() < initDeadline); i++) {
      educate(randomRoutes(inst, rng, routeCount));
    }
  };
  initialise();

  let iterations = 0;
  let sinceImprovement = 0;
  while (iterations < params.maxIterations && now() < deadline) {
    iterations++;
    if (population.size() === 0) {
      educate(randomRoutes(inst, rng, routeCount));
      continue;
    }
    population.updateFitness(population.feasible, pen);
    population.updateFitness(population.infeasible, pen);
    const a = population.select(rng);
    let b = population.select(rng);
    for (let tries = 0; b === a && tries < 5; tries++) b = population.select(rng);
    const before = best.feasible?.cost ?? Infinity;
    educate(selectiveRouteExchange(inst, a, b, rng));
    sinceImprovement = (best.feasible?.cost ?? Infinity) < before - 1e-9 ? 0 : sinceImprovement + 1;
    if (sinceImprovement >= ITERATIONS_BEFORE_RESTART) {
      population.clear();
      sinceImprovement = 0;
      initialise();
    }
  }
  if (!best.any) ls.state.load(construction.routes, pen);
  const bestAny = best.any ?? makeIndividual(inst.n, construction.routes, ls.state.evaluate());
  return { bestFeasible: best.feasible, bestAny, construction, iterations };
}

function adjust(penalty: number, history: boolean[]): number {
  if (history.length === 0) return penalty;
  const share = history.filter(Boolean).length / history.length;
  let next = penalty;
  if (share < TARGET_FEASIBLE - 0.05) next = penalty * 1.2;
  else if (share > TARGET_FEASIBLE + 0.05) next = penalty * 0.85;
  return Math.min(PENALTY_RANGE[1], Math.max(PENALTY_RANGE[0], next));
}

/**
 * Starting penalties: one unit of excess load costs about the longest arc, one second of time
 * warp ten times the average arc cost per second of travel (starting high keeps short runs
 * feasible; the adaptation lowers it when most offspring are feasible anyway).
 */
function initialPenalties(inst: Instance): Penalties {
  let arcSum = 0;
  let timeSum = 0;
  for (let i = 0; i < inst.n; i++) {
    for (let j = 0; j < inst.n; j++) {
      arcSum += inst.durationWeight ? inst.time[i * inst.nodes + j] : inst.arc[i * inst.nodes + j];
      timeSum += inst.time[i * inst.nodes + j];
    }
  }
  const clamp = (x: number): number => Math.min(PENALTY_RANGE[1], Math.max(PENALTY_RANGE[0], x));
  return {
    capacity: clamp(inst.maxArc / inst.maxDemand),
    timeWarp: clamp(10 * (timeSum > 0 ? arcSum / timeSum : 1)),
  };
}

/** Random giant tour cut into `count` consecutive routes over randomly chosen vehicles. */
function randomRoutes(inst: Instance, rng: Random, count: number): number[][] {
  const clients = Array.from({ length: inst.n }, (_, i) => i);
  rng.shuffle(clients);
  const vehicles = Array.from({ length: inst.nv }, (_, v) => v);
  rng.shuffle(vehicles);
  const used = Math.min(inst.nv, count);
  const routes: number[][] = Array.from({ length: inst.nv }, () => []);
  clients.forEach((c, i) => routes[vehicles[Math.floor((i * used) / inst.n)]].push(c));
  return routes;
}
