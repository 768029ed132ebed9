// Builds what the compiled BFF needs when missing or stale: shared-types, the mock package (its
// servers stand in for WeChat in development) and the BFF itself. Used by `npm start` and
// `npm run migrate`; a production image runs `npm run build` once instead.
import { join } from 'node:path';
import { isStale, run } from './lib.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The workspaces behind `node bff/dist/server.js`, in build order, with what each build reads. */
function parts(root) {
  const types = join(root, 'shared-types/src');
  const mock = join(root, 'mock/src');
  return [
    { ws: 'shared-types', out: join(root, 'shared-types/dist/cjs/index.js'), src: [types] },
    { ws: 'mock', out: join(root, 'mock/dist/index.js'), src: [mock, types] },
    { ws: 'bff', out: join(root, 'bff/dist/server.js'), src: [join(root, 'bff/src'), mock, types] },
  ];
}

/** Rebuilds each stale part; `say` reports what happened, for a human watching. */
export async function buildServer(root, say = (text) => process.stdout.write(`      ${text}\n`)) {
  for (const part of parts(root)) {
    if (!isStale(part.out, part.src)) continue;
    say(`构建 ${part.ws}`);
    await run(npm, ['run', 'build', '-w', part.ws, '--silent'], { cwd: root });
  }
}

/** Runs `node` on a compiled entry point (with `args`) and source maps, passing signals through; exits with it. */
export async function runCompiled(root, entry, args = []) {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, entry), ...args], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
