// Worker-thread entry: runs the VRP solver off the BFF's event loop, one problem per message.
import { parentPort } from 'node:worker_threads';
import { solve, VrpValidationError } from '../../algorithms/vrp';
import type { SolverReply, SolverRequest } from './solver-protocol';

const port = parentPort;
if (!port) throw new Error('solver.worker must run in a worker thread');

port.on('message', (msg: SolverRequest) => {
  let reply: SolverReply;
  try {
    reply = { id: msg.id, ok: true, solution: solve(msg.problem, msg.options) };
  } catch (err) {
    reply =
      err instanceof VrpValidationError
        ? { id: msg.id, ok: false, validation: err.errors, message: err.message }
        : { id: msg.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
