import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// The BFF answers from the database: demo data (`@omni/mock/data`) reaches it only through the
// seed, and the mock servers of outside services only through the container's dev/test wiring.

const SRC = __dirname;
const MOCK_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](@omni\/mock(?:\/[^'"]*)?)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** Why `file` may import `spec`, or null when it may not. */
function allowed(file: string, spec: string): string | null {
  const rel = relative(SRC, file).split(sep).join('/');
  if (/\.test\.tsx?$/.test(rel)) return 'a test';
  // Test-only helpers compiled out of the production build (tsconfig.build.json excludes them).
  if (/-fixture\.ts$/.test(rel) && !/^(modules|algorithms)\//.test(rel)) return 'a test fixture';
  if (rel.startsWith('seed/')) return 'the demo seed';
  // The mock servers of WeChat, SMS and AMap, started by the container when no real one is configured.
  if (rel === 'container.ts' && /^@omni\/mock\/(?!data)[\w-]+$/.test(spec)) return 'a dev mock server';
  return null;
}

/** `file: spec` of every import of the mock package that is not allowed. */
function forbiddenMockImports(root = SRC): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(root)) {
    for (const m of readFileSync(file, 'utf8').matchAll(MOCK_IMPORT)) {
      if (!allowed(file, m[1])) out.push(`${relative(root, file)}: ${m[1]}`);
    }
  }
  return out.sort();
}

describe('imports of the mock package in bff/src', () => {
  it('finds an import when there is one (the scan itself works)', () => {
    const sample =
      "import { faqArticles } from '@omni/mock/data';\nconst m = await import('@omni/mock/wechat');";
    expect([...sample.matchAll(MOCK_IMPORT)].map((m) => m[1])).toEqual([
      '@omni/mock/data',
      '@omni/mock/wechat',
    ]);
    expect(allowed(join(SRC, 'modules/support/knowledge.ts'), '@omni/mock/data')).toBeNull();
    expect(allowed(join(SRC, 'container.ts'), '@omni/mock/data')).toBeNull();
    expect(allowed(join(SRC, 'container.ts'), '@omni/mock/wechat')).not.toBeNull();
  });

  it('has none outside the seed, the dev mock servers and tests', () => {
    expect(forbiddenMockImports()).toEqual([]);
  });
});
