// The compiled BFF as separate processes, for tests that start, kill and restart it as production
// would: `node bff/dist/server.js`, no tsx.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
const STOP_GRACE_MS = 10_000;

/** Builds shared-types, mock and the BFF into their dist/ folders when stale (as `npm start` does). */
export function compileBff(): void {
  execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "import('./scripts/build-server.mjs').then((m) => m.buildServer(process.cwd()))",
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

/** One BFF child process and what it printed. */
export interface Bff {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves with the port from the start-up banner; rejects if the process exits first. */
  port: Promise<number>;
}

/**
 * Starts `node bff/dist/server.js` in development mode (the WeChat mocks in-process) on a free
 * port; `env` adds to or overrides the defaults (an `undefined` value removes a variable).
 */
export function startBff(env: NodeJS.ProcessEnv): Bff {
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    ALLOW_DEV_LOGIN: '1',
    LOG_LEVEL: 'warn',
    SEED_DEMO: '1',
    JOBS_INTERVAL_S: '0',
    JWT_SECRET: 'boot-test-secret-0123456789abcdef',
    REDIS_URL: undefined,
    ...env,
  };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const child = spawn(process.execPath, ['--enable-source-maps', 'bff/dist/server.js'], {
    cwd: ROOT,
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  const port = new Promise<number>((ok, fail) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /http:\/\/localhost:(\d+)\/healthz/.exec(out);
      if (m) ok(Number(m[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => fail(new Error(`BFF exited with ${code} before listening:\n${out}`)));
  });
  port.catch(() => undefined);
  return { child, output: () => out, exited, port };
}

/** SIGTERM, then SIGKILL after a grace period; resolves with the exit code. */
export async function stopBff(bff: Bff): Promise<number | null> {
  if (bff.child.exitCode !== null || bff.child.signalCode !== null) return bff.child.exitCode;
  bff.child.kill('SIGTERM');
  const timer = setTimeout(() => bff.child.kill('SIGKILL'), STOP_GRACE_MS);
  const code = await bff.exited;
  clearTimeout(timer);
  return code;
}

/** Polls `GET /healthz` until it answers 200, returning its body. */
export async function healthy(bff: Bff, timeoutMs: number): Promise<{ status: string }> {
  const port = await bff.port;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) return (await res.json()) as { status: string };
    } catch {
      // not answering yet
    }
    if (Date.now() > deadline) throw new Error(`BFF on ${port} never became healthy:\n${bff.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
