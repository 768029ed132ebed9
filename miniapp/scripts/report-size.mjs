// Prints the weapp main package size (every file outside the subpackage roots) and fails above
// WeChat's 2 MB limit. Runs at the end of `npm run build:weapp`.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIMIT_BYTES = 2 * 1024 * 1024;
const distDir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'weapp');

let app;
try {
  app = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8'));
} catch (err) {
  console.error(`report-size: cannot read ${join(distDir, 'app.json')}: ${err.message}`);
  process.exit(1);
}
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/+$/, '') + '/');

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

const sizes = { main: 0 };
for (const root of subRoots) sizes[root] = 0;
const biggest = [];
for (const file of files(distDir)) {
  const rel = relative(distDir, file).split(sep).join('/');
  // Source maps are not uploaded with the code package.
  if (rel.endsWith('.map')) continue;
  const bytes = statSync(file).size;
  const root = subRoots.find((r) => rel.startsWith(r));
  sizes[root ?? 'main'] += bytes;
  if (!root) biggest.push([rel, bytes]);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`weapp main package: ${kb(sizes.main)} of ${kb(LIMIT_BYTES)} (${distDir})`);
for (const root of subRoots) console.log(`  subpackage ${root}: ${kb(sizes[root])}`);
for (const [rel, bytes] of biggest.sort((a, b) => b[1] - a[1]).slice(0, 5))
  console.log(`  ${kb(bytes).padStart(10)}  ${rel}`);
if (sizes.main > LIMIT_BYTES) {
  console.error(`weapp main package is over WeChat's 2 MB limit by ${kb(sizes.main - LIMIT_BYTES)}`);
  process.exit(1);
}
