// Builds shared-types twice: CommonJS for the BFF and Node scripts, ES modules for the
// mini-program (tree-shakeable zod keeps the weapp bundle small), plus one set of .d.ts.
// Output goes to a temporary folder that replaces dist/ in one rename, so a build running
// beside another (npm start, tests, a watcher) never sees a half-written dist/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const tsc = join(here, '..', 'node_modules', 'typescript', 'bin', 'tsc');
const tmp = join(here, `.dist-${process.pid}`);
rmSync(tmp, { recursive: true, force: true });
const run = (...args) =>
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json', ...args], { cwd: here, stdio: 'inherit' });
try {
  run('--outDir', join(tmp, 'cjs'), '--declarationDir', join(tmp, 'types'));
  run(
    '--module',
    'es2020',
    '--outDir',
    join(tmp, 'esm'),
    '--declarationDir',
    join(tmp, '.esm-types'),
    '--sourceMap',
    'false',
  );
  rmSync(join(tmp, '.esm-types'), { recursive: true, force: true });
  mkdirSync(join(tmp, 'esm'), { recursive: true });
  writeFileSync(join(tmp, 'esm', 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(tmp, 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
  const old = join(here, `.dist-old-${process.pid}`);
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
