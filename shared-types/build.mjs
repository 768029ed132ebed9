// Builds shared-types twice: CommonJS for the BFF and Node scripts, ES modules for the
// mini-program (tree-shakeable zod keeps the weapp bundle small), plus one set of .d.ts.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const tsc = join(here, '..', 'node_modules', 'typescript', 'bin', 'tsc');
rmSync(join(here, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: here, stdio: 'inherit' });
execFileSync(
  process.execPath,
  [
    tsc,
    '-p',
    'tsconfig.json',
    '--module',
    'es2020',
    '--outDir',
    'dist/esm',
    '--declarationDir',
    'dist/.esm-types',
    '--sourceMap',
    'false',
  ],
  { cwd: here, stdio: 'inherit' },
);
mkdirSync(join(here, 'dist', 'esm'), { recursive: true });
writeFileSync(join(here, 'dist', 'esm', 'package.json'), '{ "type": "module" }\n');
writeFileSync(join(here, 'dist', 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
rmSync(join(here, 'dist', '.esm-types'), { recursive: true, force: true });
