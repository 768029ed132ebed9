// Compiles one workspace with tsc into dist/, atomically: the output goes to a temporary folder
// that replaces dist/ in one rename, so a server started beside a build (two `npm start`s at once,
// a watcher) never loads a half-written dist/. Usage, from the workspace: node ../scripts/tsc-build.mjs
import { execFileSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = process.cwd();
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
const tmp = join(here, `.dist-${process.pid}`);
const old = join(here, `.dist-old-${process.pid}`);
rmSync(tmp, { recursive: true, force: true });
try {
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', tmp], {
    cwd: here,
    stdio: 'inherit',
  });
  try {
    renameSync(join(here, 'dist'), old);
  } catch {
    // no previous build
  }
  renameSync(tmp, join(here, 'dist'));
  rmSync(old, { recursive: true, force: true });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
