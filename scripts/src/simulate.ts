/**
 * A day of the demo city served twice on the same travel model (the BFF's offline e-bike
 * estimate): once by naive dispatch (each courier takes the nearest next stop), once by the
 * VRPTW optimiser, re-dispatching whenever couriers are back at the store and orders wait.
 *   npm run simulate -- [--orders 300] [--couriers 12] [--seed 1] [--max-solve-ms 400]
 *                       [--known-from cutoff|morning]
 * Prints on-time rate against the booked slot and km per order side by side; progress on stderr.
 */
import { progress } from './bench-util';
import {
  naiveDispatcher,
  optimisingDispatcher,
  simulateStore,
  type DayResult,
  type Dispatcher,
} from './sim/day';
import { generateWorld, type World } from './sim/world';

interface Args {
  orders: number;
  couriers: number;
  seed: number;
  maxSolveMs: number;
  knownFrom: 'cutoff' | 'morning';
}

function parseArgs(argv: string[]): Args {
  const args: Args = { orders: 300, couriers: 12, seed: 1, maxSolveMs: 400, knownFrom: 'cutoff' };
  const names: Record<string, Exclude<keyof Args, 'knownFrom'>> = {
    '--orders': 'orders',
    '--couriers': 'couriers',
    '--seed': 'seed',
    '--max-solve-ms': 'maxSolveMs',
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--known-from' && (argv[i + 1] === 'cutoff' || argv[i + 1] === 'morning')) {
      args.knownFrom = argv[++i] as Args['knownFrom'];
      continue;
    }
    const name = names[argv[i]];
    const v = Number(argv[++i]);
    if (!name || !Number.isInteger(v) || v <= 0) {
      throw new Error(
        `usage: simulate -- [--orders N] [--couriers N] [--seed N] [--max-solve-ms N] [--known-from cutoff|morning] (at ${argv[i - 1]})`,
      );
    }
    args[name] = v;
  }
  return args;
}

function runDay(world: World, label: string, dispatch: Dispatcher, phase: number): DayResult {
  const total: DayResult = { delivered: 0, onTime: 0, lateMin: [], distanceM: 0, trips: 0, solverMs: 0 };
  const n = world.stores.length;
  const steps = 2 * n * 100;
  let shown = -1;
  for (let s = 0; s < n; s++) {
    const r = simulateStore(world, s, dispatch, (nowS) => {
      const dayPart = Math.min(1, Math.max(0, (nowS - 9 * 3600) / (14 * 3600)));
      const done = Math.min(steps - 1, Math.round((phase * n + s + dayPart) * 100));
      // Redraw only when the bar moves: a log file is not a terminal.
      if (Math.floor(done / 20) !== shown) progress(label.padEnd(9), done, steps);
      shown = Math.floor(done / 20);
    });
    total.delivered += r.delivered;
    total.onTime += r.onTime;
    total.lateMin.push(...r.lateMin);
    total.distanceM += r.distanceM;
    total.trips += r.trips;
    total.solverMs += r.solverMs;
  }
  return total;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const world = generateWorld(args.orders, args.couriers, args.seed, args.knownFrom);
  const naive = runDay(world, 'naive', naiveDispatcher, 0);
  const optimised = runDay(world, 'optimiser', optimisingDispatcher(args.maxSolveMs, args.seed), 1);
  progress('done     ', 1, 1);
  const pct = (r: DayResult) => `${((100 * r.onTime) / args.orders).toFixed(1)}%`;
  const kmPerOrder = (r: DayResult) => (r.distanceM / 1000 / Math.max(1, r.delivered)).toFixed(2);
  const late = (r: DayResult) => {
    const avg = r.lateMin.length ? r.lateMin.reduce((a, b) => a + b, 0) / r.lateMin.length : 0;
    return `${r.lateMin.length} (avg ${avg.toFixed(0)} min)`;
  };
  const rows: Array<[string, (r: DayResult) => string]> = [
    ['on-time rate (booked slot)', pct],
    ['km per order', kmPerOrder],
    ['total km', (r) => (r.distanceM / 1000).toFixed(1)],
    ['late deliveries', late],
    ['delivered', (r) => `${r.delivered}/${args.orders}`],
    ['trips from the store', (r) => String(r.trips)],
    ['solver time', (r) => (r.solverMs ? `${(r.solverMs / 1000).toFixed(1)} s` : '-')],
  ];
  const out = [
    `simulate: ${args.orders} orders, ${args.couriers} couriers, ${world.stores.length} stores, seed ${args.seed}; ` +
      `offline e-bike travel model, ${180} s per handover, orders known at ${args.knownFrom === 'cutoff' ? 'slot cut-off' : '09:00'}, dispatch then and at each return`,
    `${''.padEnd(28)}${'naive (nearest next)'.padStart(22)}${'optimiser (VRPTW)'.padStart(22)}`,
    ...rows.map(([name, f]) => `${name.padEnd(28)}${f(naive).padStart(22)}${f(optimised).padStart(22)}`),
    `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
