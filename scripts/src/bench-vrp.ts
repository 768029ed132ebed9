/**
 * Benchmark of the VRPTW solver on Solomon-format files:
 *   npm run bench:vrp -- [--time-limit SECONDS] [--json] [--workers N] [--seed N] FILE|gen:JOBSxVEHICLES ...
 * Prints a table and summary (gap to ../shared/bench/solomon/bks_distance.csv or env BKS_CSV),
 * or with --json one object per instance per line; progress goes to stderr. Every solution is
 * re-checked independently (windows, capacity, coverage, distance from the coordinates).
 */
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadBestKnown } from './vrp/bks';
import { formatRow, HEADER, summarise } from './vrp/report';
import { runInstance, type InstanceResult } from './vrp/run-instance';

interface Args {
  timeLimitS: number;
  json: boolean;
  workers: number;
  seed: number;
  files: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { timeLimitS: 10, json: false, workers: 1, seed: 1, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${a} needs a positive number`);
      return v;
    };
    if (a === '--time-limit') args.timeLimitS = value();
    else if (a === '--workers') args.workers = Math.floor(value());
    else if (a === '--seed') args.seed = Math.floor(value());
    else if (a === '--json') args.json = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.files.push(a);
  }
  if (args.files.length === 0)
    throw new Error('usage: bench:vrp -- [--time-limit S] [--json] [--workers N] FILE...');
  return args;
}

async function runAll(args: Args, onResult: (r: InstanceResult) => void): Promise<void> {
  // Leave a little of the budget for parsing, checking and thread start-up.
  const timeLimitMs = Math.max(10, args.timeLimitS * 1000 - 50);
  if (args.workers <= 1) {
    for (const spec of args.files) onResult(runInstance(spec, timeLimitMs, args.seed));
    return;
  }
  const queue = [...args.files];
  const workerFile = resolve(__dirname, 'vrp/bench-worker.ts');
  await Promise.all(
    Array.from({ length: Math.min(args.workers, queue.length) }, async () => {
      // Workers do not inherit tsx's loader, so register it before loading the TypeScript file.
      const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(workerFile)});`, {
        eval: true,
      });
      try {
        for (let spec = queue.shift(); spec !== undefined; spec = queue.shift()) {
          const task = { spec, timeLimitMs, seed: args.seed };
          const result = await new Promise<InstanceResult>((done, fail) => {
            worker.once('message', done);
            worker.once('error', fail);
            worker.postMessage(task);
          });
          worker.removeAllListeners('error');
          onResult(result);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const bestKnown = loadBestKnown(resolve(__dirname, '..', '..'));
  const results: InstanceResult[] = [];
  const started = performance.now();
  if (!args.json) console.log(HEADER);
  await runAll(args, (r) => {
    results.push(r);
    const line = formatRow(r, bestKnown.get(r.instance));
    process.stderr.write(
      `[${results.length}/${args.files.length}] ${line.trim().replace(/\s+/g, ' ')} (${r.iterations} iterations)\n`,
    );
    for (const v of r.violations) process.stderr.write(`  violation in ${r.instance}: ${v}\n`);
    if (args.json) {
      const { instance, vehicles, distance, seconds, unassigned, routes } = r;
      console.log(JSON.stringify({ instance, vehicles, distance, seconds, unassigned, routes }));
    } else console.log(line);
  });
  const summary = summarise(results, bestKnown, (performance.now() - started) / 1000);
  for (const line of summary) (args.json ? console.error : console.log)(line);
  if (results.some((r) => r.violations.length > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
