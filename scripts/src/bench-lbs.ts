/**
 * Benchmark of the pure LBS algorithms:
 *   npx tsx scripts/src/bench-lbs.ts [--seed N] [--stores N] [--queries N] [--brute N] [--reports N] [--json]
 * Nearby-store queries (k nearest, open now, product in stock) through StoreIndex and by brute force
 * on a subset, checked equal (exit 1 on any mismatch); then report check + geofence throughput on
 * simulated location reports. Progress goes to stderr, results to stdout.
 */
import { performance } from 'node:perf_hooks';
import type { LatLng, WeeklyHours } from '@omni/shared-types';
import { destinationPoint, haversineM } from '../../bff/src/algorithms/geo';
import {
  bruteForceNearest,
  checkReport,
  evaluateFence,
  openStatus,
  PICKUP_FENCE,
  StoreIndex,
  type FenceState,
  type NearestHit,
  type PositionFix,
  type StoreException,
} from '../../bff/src/algorithms/lbs';
import { Random } from '../../bff/src/algorithms/vrp/random';
import { shanghaiDate, shanghaiTime, shanghaiToUtc } from '../../bff/src/lib/shanghai-time';
import { percentile, progress } from './bench-util';

/** Options of a run; counts of stores, queries and reports, k, and the instant used for "open now". */
export interface LbsBenchOptions {
  seed: number;
  stores: number;
  queries: number;
  bruteQueries: number;
  reports: number;
  k: number;
  products: number;
  at: Date;
  quiet: boolean;
}

/** A generated store: GCJ-02 degrees, hours, exceptions and the product ids it has in stock. */
export interface BenchStore {
  id: number;
  lat: number;
  lng: number;
  hours: WeeklyHours[];
  exceptions: StoreException[];
  inStock: Set<number>;
}

/** Latency percentiles in microseconds, throughput in queries per second, and CPU microseconds per query (steadier on a shared machine). */
export interface LatencyStats {
  queries: number;
  p50Us: number;
  p99Us: number;
  queriesPerS: number;
  cpuUsPerQuery: number;
}

/** Everything a run measured. */
export interface LbsBenchResult {
  options: LbsBenchOptions;
  openStores: number;
  openStatusUs: number;
  index: LatencyStats;
  bruteForce: LatencyStats;
  mismatches: number;
  reports: {
    count: number;
    seconds: number;
    reportsPerS: number;
    flagged: Record<string, number>;
    events: Record<string, number>;
  };
}

/** Defaults: 10,000 stores, 100,000 queries (2,000 by brute force), 100,000 reports, a Wednesday 21:30 in Shanghai. */
export const DEFAULT_LBS_OPTIONS: LbsBenchOptions = {
  seed: 1,
  stores: 10_000,
  queries: 100_000,
  bruteQueries: 2_000,
  reports: 100_000,
  k: 10,
  products: 20,
  at: shanghaiToUtc('2026-11-25', '21:30'),
  quiet: false,
};

const PEOPLES_SQUARE: LatLng = { lat: 31.2304, lng: 121.4737 };
// Greater Shanghai, plus neighbouring towns with a few stores (Kunshan, Suzhou, Jiaxing).
const SHANGHAI_BOX = { minLat: 30.7, maxLat: 31.9, minLng: 120.85, maxLng: 122.0 };
const NEIGHBOURS: LatLng[] = [
  { lat: 31.385, lng: 120.98 },
  { lat: 31.299, lng: 120.585 },
  { lat: 30.746, lng: 120.755 },
];
const FIRST_PRODUCT_ID = 101;

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** A point around `centre`, normally spread with `sigmaM` metres. */
function near(rand: () => number, centre: LatLng, sigmaM: number): LatLng {
  return destinationPoint(centre, Math.abs(gaussian(rand)) * sigmaM, rand() * 360);
}

function inBox(rand: () => number): LatLng {
  const b = SHANGHAI_BOX;
  return { lat: b.minLat + rand() * (b.maxLat - b.minLat), lng: b.minLng + rand() * (b.maxLng - b.minLng) };
}

/** A random position people search from: mostly downtown, some anywhere in greater Shanghai. */
export function randomQueryPoint(rand: () => number): LatLng {
  return rand() < 0.8 ? near(rand, PEOPLES_SQUARE, 15_000) : inBox(rand);
}

const ALL_WEEK = [0, 1, 2, 3, 4, 5, 6];
const HOURS_TEMPLATES: Array<[number, WeeklyHours[]]> = [
  [0.4, ALL_WEEK.map((weekday) => ({ weekday, open: '10:00', close: '22:00' }))],
  [0.2, [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '09:00', close: '21:00' }))],
  [0.15, ALL_WEEK.map((weekday) => ({ weekday, open: '10:00', close: '02:00' }))],
  [0.1, ALL_WEEK.map((weekday) => ({ weekday, open: '07:00', close: '24:00' }))],
  [0.1, ALL_WEEK.map((weekday) => ({ weekday, open: '00:00', close: '24:00' }))],
  [
    0.05,
    ALL_WEEK.flatMap((weekday) => [
      { weekday, open: '10:00', close: '14:00' },
      { weekday, open: '17:00', close: '22:00' },
    ]),
  ],
];

function pickHours(rand: () => number): WeeklyHours[] {
  let r = rand();
  for (const [share, hours] of HOURS_TEMPLATES) {
    if ((r -= share) < 0) return hours;
  }
  return HOURS_TEMPLATES[0][1];
}

/** `n` stores in and around Shanghai with hours, exceptions on the day of `at`, and stock of `products` products. */
export function generateStores(n: number, products: number, at: Date, rand: () => number): BenchStore[] {
  const today = shanghaiDate(at);
  const popularity = Array.from({ length: products }, () => 0.2 + rand() * 0.7);
  const stores: BenchStore[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    const p =
      r < 0.7
        ? near(rand, PEOPLES_SQUARE, 12_000)
        : r < 0.9
          ? inBox(rand)
          : near(rand, NEIGHBOURS[i % 3], 5_000);
    const e = rand();
    const exceptions: StoreException[] =
      e < 0.03
        ? [{ date: today, closed: true, reason: '盘点' }]
        : e < 0.05
          ? [{ date: today, closed: false, open: '12:00', close: '18:00' }]
          : [];
    const inStock = new Set<number>();
    popularity.forEach((share, j) => rand() < share && inStock.add(FIRST_PRODUCT_ID + j));
    stores.push({ id: i + 1, ...p, hours: pickHours(rand), exceptions, inStock });
  }
  return stores;
}

const sameHits = (a: NearestHit[], b: NearestHit[]): boolean =>
  a.length === b.length && a.every((h, i) => h.id === b[i].id && h.distanceM === b[i].distanceM);

function stats(latenciesUs: number[], totalMs: number, cpu: NodeJS.CpuUsage): LatencyStats {
  return {
    queries: latenciesUs.length,
    p50Us: percentile(latenciesUs, 50),
    p99Us: percentile(latenciesUs, 99),
    queriesPerS: latenciesUs.length / (totalMs / 1000),
    cpuUsPerQuery: (cpu.user + cpu.system) / latenciesUs.length,
  };
}

/** Simulated location reports of customers walking to a pickup store, with some glitches, in time order. */
function simulateReports(
  stores: BenchStore[],
  count: number,
  start: Date,
  rand: () => number,
): Array<{ user: number; store: BenchStore; fix: PositionFix; receivedAt: Date }> {
  const perUser = 100;
  const users = Math.ceil(count / perUser);
  const out: Array<{ user: number; store: BenchStore; fix: PositionFix; receivedAt: Date }> = [];
  for (let u = 0; u < users && out.length < count; u++) {
    const store = stores[Math.floor(rand() * stores.length)];
    const bearing = rand() * 360;
    const startM = 600 + rand() * 1200;
    const t0 = start.getTime() + rand() * 3_600_000;
    for (let i = 0; i < perUser && out.length < count; i++) {
      // Walk in at ~1.4 m/s (one report per 15 s), linger, walk away; GPS noise of ~15 m.
      const alongM = i < 60 ? Math.max(0, startM - i * 21) : i < 80 ? 0 : (i - 80) * 21;
      const p = near(rand, destinationPoint(store, alongM, bearing), 15);
      const at = new Date(t0 + i * 15_000);
      const glitch = rand();
      const fix: PositionFix =
        glitch < 0.01
          ? { ...destinationPoint(p, 30_000, rand() * 360), at }
          : glitch < 0.015
            ? { ...p, at: new Date(at.getTime() + 120_000) }
            : { ...p, at };
      out.push({ user: u, store, fix, receivedAt: new Date(at.getTime() + 200 + rand() * 800) });
    }
  }
  return out.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

function runReports(
  stores: BenchStore[],
  opts: LbsBenchOptions,
  rand: () => number,
): LbsBenchResult['reports'] {
  const reports = simulateReports(stores, opts.reports, opts.at, rand);
  const lastFix = new Map<number, PositionFix>();
  const fences = new Map<number, FenceState>();
  const flagged: Record<string, number> = {};
  const events: Record<string, number> = { enter: 0, dwell: 0, exit: 0 };
  const t0 = performance.now();
  for (const r of reports) {
    const verdict = checkReport(lastFix.get(r.user) ?? null, r.fix, r.receivedAt);
    if (!verdict.ok) {
      flagged[verdict.reason] = (flagged[verdict.reason] ?? 0) + 1;
      continue;
    }
    lastFix.set(r.user, r.fix);
    const out = evaluateFence(fences.get(r.user) ?? null, haversineM(r.fix, r.store), PICKUP_FENCE, r.fix.at);
    fences.set(r.user, out.state);
    for (const e of out.events) events[e]++;
  }
  const seconds = (performance.now() - t0) / 1000;
  return { count: reports.length, seconds, reportsPerS: reports.length / seconds, flagged, events };
}

/** Runs the LBS benchmark: generation, nearby queries (index and brute force), location-report throughput. */
export async function runLbsBench(partial: Partial<LbsBenchOptions> = {}): Promise<LbsBenchResult> {
  const opts: LbsBenchOptions = { ...DEFAULT_LBS_OPTIONS, ...partial };
  const log = (label: string, done: number, total: number): void => {
    if (!opts.quiet) progress(label, done, total);
  };
  const random = new Random(opts.seed);
  const rand = (): number => random.float();
  const stores = generateStores(opts.stores, opts.products, opts.at, rand);

  const openStart = performance.now();
  const openNow = new Uint8Array(opts.stores + 1);
  for (const s of stores) openNow[s.id] = openStatus(s.hours, s.exceptions, opts.at).openNow ? 1 : 0;
  const openStatusUs = ((performance.now() - openStart) * 1000) / stores.length;
  // Flags by store id, as a cache in the BFF would hold them: the filter is two array reads.
  const stockFlags = Array.from({ length: opts.products }, (_, j) => {
    const flags = new Uint8Array(opts.stores + 1);
    for (const s of stores) flags[s.id] = s.inStock.has(FIRST_PRODUCT_ID + j) ? 1 : 0;
    return flags;
  });
  const index = new StoreIndex(stores);

  const queries = Array.from({ length: opts.queries }, () => ({
    point: randomQueryPoint(rand),
    productId: FIRST_PRODUCT_ID + Math.floor(rand() * opts.products),
  }));
  const filterFor = (productId: number) => {
    const inStock = stockFlags[productId - FIRST_PRODUCT_ID];
    return (id: number): boolean => openNow[id] === 1 && inStock[id] === 1;
  };

  const indexUs: number[] = [];
  const answers: NearestHit[][] = [];
  const indexStart = performance.now();
  const indexCpu = process.cpuUsage();
  for (const [i, q] of queries.entries()) {
    const t = performance.now();
    const hits = index.nearest(q.point, opts.k, { filter: filterFor(q.productId) });
    indexUs.push((performance.now() - t) * 1000);
    if (i < opts.bruteQueries) answers.push(hits);
    if ((i + 1) % 5000 === 0 || i + 1 === queries.length) log('index queries', i + 1, queries.length);
  }
  const index_ = stats(indexUs, performance.now() - indexStart, process.cpuUsage(indexCpu));

  const bruteUs: number[] = [];
  let mismatches = 0;
  const bruteCount = Math.min(opts.bruteQueries, queries.length);
  const bruteStart = performance.now();
  const bruteCpu = process.cpuUsage();
  for (let i = 0; i < bruteCount; i++) {
    const q = queries[i];
    const t = performance.now();
    const hits = bruteForceNearest(stores, q.point, opts.k, { filter: filterFor(q.productId) });
    bruteUs.push((performance.now() - t) * 1000);
    if (!sameHits(hits, answers[i])) mismatches++;
    if ((i + 1) % 100 === 0 || i + 1 === bruteCount) log('brute force  ', i + 1, bruteCount);
  }
  const bruteForce = stats(bruteUs, performance.now() - bruteStart, process.cpuUsage(bruteCpu));

  if (!opts.quiet) process.stderr.write(`simulating ${opts.reports} location reports\n`);
  const reports = runReports(stores, opts, rand);
  const openStores = openNow.reduce((a, b) => a + b, 0);
  return { options: opts, openStores, openStatusUs, index: index_, bruteForce, mismatches, reports };
}

function parseArgs(argv: string[]): { opts: Partial<LbsBenchOptions>; json: boolean } {
  const opts: Partial<LbsBenchOptions> = {};
  let json = false;
  const keys: Record<string, keyof LbsBenchOptions> = {
    '--seed': 'seed',
    '--stores': 'stores',
    '--queries': 'queries',
    '--brute': 'bruteQueries',
    '--reports': 'reports',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (keys[a]) {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a} needs a whole number`);
      (opts as Record<string, number>)[keys[a]] = v;
    } else
      throw new Error(
        `unknown option ${a}; usage: bench-lbs [--seed N] [--stores N] [--queries N] [--brute N] [--reports N] [--json]`,
      );
  }
  return { opts, json };
}

const fmt = (n: number, digits = 1): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function printReport(r: LbsBenchResult): void {
  const o = r.options;
  const row = (name: string, s: LatencyStats): string =>
    `${name.padEnd(12)}${String(s.queries).padStart(9)}${fmt(s.p50Us).padStart(11)}${fmt(s.p99Us).padStart(11)}${fmt(s.queriesPerS, 0).padStart(13)}${fmt(s.cpuUsPerQuery).padStart(14)}`;
  const lines = [
    `bench:lbs seed=${o.seed} stores=${o.stores} k=${o.k} filters: open now + product in stock; at ${shanghaiDate(o.at)} ${shanghaiTime(o.at)} Asia/Shanghai`,
    `open now: ${r.openStores}/${o.stores} stores (openStatus ${fmt(r.openStatusUs, 2)} µs per store)`,
    `${'path'.padEnd(12)}${'queries'.padStart(9)}${'p50 µs'.padStart(11)}${'p99 µs'.padStart(11)}${'queries/s'.padStart(13)}${'cpu µs/query'.padStart(14)}`,
    row('StoreIndex', r.index),
    row('brute force', r.bruteForce),
    `index == brute force on ${r.bruteForce.queries} queries: ${r.mismatches} mismatches`,
    `location reports: ${r.reports.count} in ${fmt(r.reports.seconds, 3)} s = ${fmt(r.reports.reportsPerS, 0)} reports/s (report check + geofence)`,
    `  flagged ${JSON.stringify(r.reports.flagged)}, events ${JSON.stringify(r.reports.events)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (require.main === module) {
  (async () => {
    const { opts, json } = parseArgs(process.argv.slice(2));
    const result = await runLbsBench(opts);
    if (json)
      process.stdout.write(
        `${JSON.stringify({ ...result, options: { ...result.options, at: result.options.at.toISOString() } })}\n`,
      );
    else printReport(result);
    if (result.mismatches > 0) process.exitCode = 1;
  })().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
