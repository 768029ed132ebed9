// Every workspace declares what it imports: production code from its own `dependencies` (what a
// production install of that workspace gets), tests and tooling from its dependencies, its
// devDependencies or the root's. An undeclared import works in the monorepo by hoisting luck and
// breaks in a slim image.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

interface Manifest {
  name: string;
  workspaces?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** Source files under `dir`, skipping build output and dependencies. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', '.swc', 'coverage'].includes(entry.name) || entry.name.startsWith('.'))
      continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/**
 * Bare module specifiers in `code`: static and dynamic imports, re-exports and requires. Lines
 * marked `// dev-only` (a branch that runs only from sources, never from dist/) count as tooling.
 */
export function importedSpecifiers(code: string): Array<{ spec: string; devOnly: boolean }> {
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const lines = withoutComments.split('\n');
  const devOnly = lines.filter((l) => l.includes('// dev-only')).join('\n');
  const rest = lines.filter((l) => !l.includes('// dev-only')).join('\n');
  return [
    ...specifiersIn(rest).map((spec) => ({ spec, devOnly: false })),
    ...specifiersIn(devOnly).map((spec) => ({ spec, devOnly: true })),
  ];
}

function specifiersIn(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /(?<![\w'"-])import\s*['"]([^'"]+)['"]/g,
    /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\.resolve\s*\(\s*['"]([^'"]+)['"]/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) found.add(m[1]);
  return [...found];
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`), or null for a path or builtin. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (builtinModules.includes(name)) return null;
  return name;
}

/** Files that only tests, builds and tooling load (they may use devDependencies). */
const isTooling = (rel: string): boolean =>
  /(^|\/)(test|e2e|config|__mocks__)\//.test(rel) ||
  /\.test\.tsx?$/.test(rel) ||
  /(^|\/)[^/]*\.config\.(js|ts|mjs|cjs)$/.test(rel) ||
  /(^|\/)(build|babel\.config|jest\.preset)\.m?js$/.test(rel) ||
  /-test-kit\.ts$|-fixture\.ts$|-kat-vectors\.ts$/.test(rel);

describe('workspace manifests', () => {
  const root = readManifest(ROOT);
  const rootDev = new Set(Object.keys({ ...root.dependencies, ...root.devDependencies }));

  it('have the sources the test reads', () => {
    const code = [
      "import a from 'x';",
      "import type { B } from '@s/y/z';",
      "const c = require('w');",
      "spawn(node, ['--import', 'tsx']);",
      "require.resolve('v'); // dev-only",
    ].join('\n');
    expect(importedSpecifiers(code)).toEqual([
      { spec: 'x', devOnly: false },
      { spec: '@s/y/z', devOnly: false },
      { spec: 'w', devOnly: false },
      { spec: 'v', devOnly: true },
    ]);
    expect(packageOf('@s/y/z')).toBe('@s/y');
    expect(packageOf('node:fs')).toBeNull();
    expect(packageOf('path')).toBeNull();
    expect(packageOf('./a')).toBeNull();
  });

  it.each(root.workspaces!)('%s declares every package it imports', (ws) => {
    const dir = join(ROOT, ws);
    const m = readManifest(dir);
    const runtime = new Set([m.name, ...Object.keys({ ...m.dependencies, ...m.peerDependencies })]);
    const tooling = new Set([...runtime, ...Object.keys(m.devDependencies ?? {}), ...rootDev]);
    // Aliases the workspace's own bundler/tsconfig resolves (the mini-program's `@/…`).
    const aliases = ws === 'miniapp' ? new Set(['@']) : new Set<string>();
    // Benches, evaluations and seeders: nothing in scripts/ ships.
    const allTooling = ws === 'scripts';
    const missing: string[] = [];
    for (const file of sourceFiles(dir)) {
      if (file === __filename) continue;
      const rel = relative(dir, file);
      for (const { spec, devOnly } of importedSpecifiers(readFileSync(file, 'utf8'))) {
        const allowed = allTooling || devOnly || isTooling(rel) ? tooling : runtime;
        const pkg = packageOf(spec);
        if (!pkg || aliases.has(pkg) || allowed.has(pkg)) continue;
        missing.push(`${rel}: ${spec}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
