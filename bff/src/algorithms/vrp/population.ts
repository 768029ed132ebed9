import type { Random } from './random';
import type { Penalties } from './route';
import type { Evaluation } from './search-state';

/** A complete solution in the population: one client list per vehicle plus cached measures. */
export interface Individual extends Evaluation {
  routes: number[][];
  feasible: boolean;
  /** Successor / predecessor of each client, -1 for a depot; used by the broken-pairs distance. */
  succ: Int32Array;
  pred: Int32Array;
  /** Other members of the same subpopulation, closest first. */
  closest: { distance: number; other: Individual }[];
  fitness: number;
}

/** Sizes of the population (HGS defaults: mu 25, lambda 40, 4 elites, 5 close neighbours). */
export interface PopulationParams {
  mu: number;
  lambda: number;
  nbElite: number;
  nbClose: number;
}

/** Penalised cost of an individual under the current penalties. */
export function penalisedCost(ind: Evaluation, pen: Penalties): number {
  return ind.cost + pen.capacity * ind.excessLoad + pen.timeWarp * ind.timeWarp;
}

/** Builds an individual from per-vehicle routes and their evaluation. */
export function makeIndividual(n: number, routes: number[][], evaluation: Evaluation): Individual {
  const succ = new Int32Array(n).fill(-1);
  const pred = new Int32Array(n).fill(-1);
  for (const route of routes) {
    for (let i = 0; i < route.length; i++) {
      if (i > 0) pred[route[i]] = route[i - 1];
      if (i + 1 < route.length) succ[route[i]] = route[i + 1];
    }
  }
  const feasible = evaluation.excessLoad < 1e-9 && evaluation.timeWarp < 1e-9;
  return { ...evaluation, routes, feasible, succ, pred, closest: [], fitness: 0 };
}

/** Broken-pairs distance in [0, 1]: share of clients whose neighbours differ between a and b. */
export function brokenPairs(a: Individual, b: Individual): number {
  const n = a.succ.length;
  let differences = 0;
  for (let j = 0; j < n; j++) {
    if (a.succ[j] !== b.succ[j] && a.succ[j] !== b.pred[j]) differences++;
    if (a.pred[j] === -1 && b.pred[j] !== -1 && b.succ[j] !== -1) differences++;
  }
  return n === 0 ? 0 : differences / n;
}

/**
 * Feasible and infeasible subpopulations with HGS survivor selection: when a subpopulation
 * reaches mu + lambda, the individuals with the worst biased fitness (cost rank plus diversity
 * rank) are removed, clones first, until mu remain.
 */
export class Population {
  readonly feasible: Individual[] = [];
  readonly infeasible: Individual[] = [];

  constructor(private readonly params: PopulationParams) {}

  /** Adds an individual to its subpopulation (survivor selection may follow). */
  add(ind: Individual, pen: Penalties): void {
    const sub = ind.feasible ? this.feasible : this.infeasible;
    for (const other of sub) {
      const distance = brokenPairs(ind, other);
      insertSorted(ind.closest, { distance, other });
      insertSorted(other.closest, { distance, other: ind });
    }
    sub.push(ind);
    if (sub.length >= this.params.mu + this.params.lambda) {
      while (sub.length > this.params.mu) this.removeWorst(sub, pen);
    }
  }

  /** Empties both subpopulations (restart). */
  clear(): void {
    this.feasible.length = 0;
    this.infeasible.length = 0;
  }

  /** Recomputes biased fitness of one subpopulation under the given penalties. */
  updateFitness(sub: Individual[], pen: Penalties): void {
    const size = sub.length;
    if (size === 1) {
      sub[0].fitness = 0;
      return;
    }
    const nbClose = Math.min(this.params.nbClose, size - 1);
    const diversity = sub.map((ind) => {
      let sum = 0;
      for (let i = 0; i < nbClose; i++) sum += ind.closest[i].distance;
      return sum / nbClose;
    });
    const byCost = sub
      .map((_, i) => i)
      .sort((a, b) => penalisedCost(sub[a], pen) - penalisedCost(sub[b], pen));
    const rankCost = new Float64Array(size);
    byCost.forEach((idx, rank) => (rankCost[idx] = rank / (size - 1)));
    const byDiversity = sub.map((_, i) => i).sort((a, b) => diversity[b] - diversity[a]);
    const eliteWeight = 1 - this.params.nbElite / size;
    byDiversity.forEach((idx, rank) => {
      sub[idx].fitness = rankCost[idx] + (eliteWeight > 0 ? eliteWeight * (rank / (size - 1)) : 0);
    });
  }

  private removeWorst(sub: Individual[], pen: Penalties): void {
    this.updateFitness(sub, pen);
    let worst = 0;
    let worstIsClone = false;
    for (let i = 0; i < sub.length; i++) {
      const isClone = sub[i].closest.length > 0 && sub[i].closest[0].distance < 1e-9;
      if ((isClone && !worstIsClone) || (isClone === worstIsClone && sub[i].fitness > sub[worst].fitness)) {
        worst = i;
        worstIsClone = isClone;
      }
    }
    const [removed] = sub.splice(worst, 1);
    for (const other of sub) {
      const k = other.closest.findIndex((entry) => entry.other === removed);
      if (k >= 0) other.closest.splice(k, 1);
    }
  }

  /** Binary tournament on biased fitness over both subpopulations (fitness must be up to date). */
  select(rng: Random): Individual {
    const total = this.feasible.length + this.infeasible.length;
    const pick = (): Individual => {
      const i = rng.int(total);
      return i < this.feasible.length ? this.feasible[i] : this.infeasible[i - this.feasible.length];
    };
    const a = pick();
    const b = pick();
    return a.fitness < b.fitness ? a : b;
  }

  /** Number of individuals in both subpopulations. */
  size(): number {
    return this.feasible.length + this.infeasible.length;
  }
}

function insertSorted(
  list: { distance: number; other: Individual }[],
  entry: { distance: number; other: Individual },
): void {
  let i = list.length;
  list.push(entry);
  while (i > 0 && list[i - 1].distance > entry.distance) {
    list[i] = list[i - 1];
    i--;
  }
  list[i] = entry;
}
