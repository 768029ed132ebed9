import { parentPort } from 'node:worker_threads';
import { runInstance } from './run-instance';

/** Worker side of `bench:vrp --workers N`: solves one instance per message. */
parentPort?.on('message', (task: { spec: string; timeLimitMs: number; seed: number }) => {
  parentPort?.postMessage(runInstance(task.spec, task.timeLimitMs, task.seed));
});
