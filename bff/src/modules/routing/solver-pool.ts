import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  VrpValidationError,
  type VrpProblem,
  type VrpSolution,
  type VrpSolveOptions,
  type VrpMatrix,
} from '../../algorithms/vrp';
import { toFlatMatrix } from '../../algorithms/vrp/matrix';
import { AppError, RateLimitedError } from '../../http/errors';
import type { Logger } from '../../logger';
import type { SolverReply, SolverRequest } from './solver-protocol';

interface Task {
  id: number;
  handOver: boolean;
  problem: VrpProblem;
  options: Omit<VrpSolveOptions, 'now'>;
  resolve: (s: VrpSolution) => void;
  reject: (e: Error) => void;
}

/** A flat copy the worker may take ownership of (the caller's matrix stays usable). */
function flatCopy(m: VrpMatrix): Float64Array {
  return m instanceof Float64Array ? m.slice() : toFlatMatrix(m);
}

/**
 * The worker beside this file: `.js` once compiled runs as is; the `.ts` source (ts-jest, tsx)
 * is loaded through tsx's CommonJS hooks registered inside the worker (hooks are per thread).
 */
function spawnWorker(): Worker {
  const ext = extname(__filename);
  const file = join(__dirname, `solver.worker${ext}`);
  if (ext !== '.ts') return new Worker(file);
  const tsx = require.resolve('tsx/cjs/api'); // dev-only: the compiled .js worker needs no loader
  const boot = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`;
  return new Worker(boot, { eval: true });
}

/**
 * Runs VRP solves in one worker thread, one at a time, queueing the rest, so a solve of many
 * seconds never blocks HTTP. A solve overrunning its limit by `graceMs` (default 120 s: construction
 * always completes and grows fast with thousands of jobs) kills and respawns the worker (503).
 */
export class SolverPool {
  private worker: Worker | null = null;
  private running: (Task & { timer: NodeJS.Timeout }) | null = null;
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly deps: { log: Logger; maxQueue?: number; graceMs?: number }) {}

  /**
   * Solves `problem` in the worker; rejects with VrpValidationError for invalid input, 429 when the
   * queue is full. With `handOver`, Float64Array matrices are transferred, not copied (they become unusable here).
   */
  solve(problem: VrpProblem, options: Omit<VrpSolveOptions, 'now'>, handOver = false): Promise<VrpSolution> {
    if (this.closed) return Promise.reject(new Error('solver pool is closed'));
    if (this.queue.length >= (this.deps.maxQueue ?? 16)) {
      return Promise.reject(new RateLimitedError('RATE_LIMITED', '路线规划排队已满，请稍后再试', 5));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, handOver, problem, options, resolve, reject });
      this.pump();
    });
  }

  /** Whether a solve is running, and how many wait behind it. */
  stats(): { running: boolean; queued: number } {
    return { running: this.running !== null, queued: this.queue.length };
  }

  /** Stops the worker; queued solves are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new Error('solver pool closed'));
    if (this.running) this.finish(null, new Error('solver pool closed'));
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private spawn(): Worker {
    const w = spawnWorker();
    w.on('message', (reply: SolverReply) => {
      if (!this.running || reply.id !== this.running.id) return;
      if (reply.ok) this.finish(reply.solution, null);
      else if (reply.validation) this.finish(null, new VrpValidationError(reply.validation));
      else this.finish(null, new Error(`solver failed: ${reply.message}`));
    });
    w.on('error', (err) => {
      this.deps.log.error({ err }, 'solver worker crashed');
      this.drop(w, err);
    });
    w.on('exit', (code) => this.drop(w, new Error(`solver worker exited with code ${code}`)));
    return w;
  }

  private drop(w: Worker, err: Error): void {
    if (this.worker !== w) return;
    this.worker = null;
    if (this.running) this.finish(null, err);
  }

  private pump(): void {
    if (this.running || this.closed) return;
    const task = this.queue.shift();
    if (!task) {
      this.worker?.unref();
      return;
    }
    const w = (this.worker ??= this.spawn());
    w.ref();
    const timer = setTimeout(
      () => {
        this.deps.log.error(
          { timeLimitMs: task.options.timeLimitMs },
          'solver overran its limit; restarting',
        );
        this.worker = null;
        void w.terminate();
        this.finish(null, new AppError(503, 'ROUTING_LIMIT_EXCEEDED', '路线规划超时，请减少任务数量后重试'));
      },
      task.options.timeLimitMs + (this.deps.graceMs ?? 120_000),
    );
    this.running = { ...task, timer };
    const own = (m: VrpMatrix) => (task.handOver ? toFlatMatrix(m) : flatCopy(m));
    const durationS = own(task.problem.durationS);
    const distanceM = task.problem.distanceM ? own(task.problem.distanceM) : undefined;
    const msg: SolverRequest = {
      id: task.id,
      problem: { ...task.problem, durationS, distanceM },
      options: task.options,
    };
    const transfer = [...new Set([durationS.buffer, distanceM?.buffer])].filter(
      (b): b is ArrayBuffer => b !== undefined,
    );
    w.postMessage(msg, transfer);
  }

  private finish(solution: VrpSolution | null, err: Error | null): void {
    const task = this.running;
    if (!task) return;
    clearTimeout(task.timer);
    this.running = null;
    if (err) task.reject(err);
    else task.resolve(solution!);
    this.pump();
  }
}
