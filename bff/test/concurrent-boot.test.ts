import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { stores } from '@omni/mock/data';
import { MIGRATIONS } from '../src/db/migrations';
import { DB_TARGETS, freshMysqlDatabase, type DbTarget } from './harness';
import { compileBff, healthy, startBff, stopBff, type Bff } from './processes';

/** Two cold starts at once on 2 busy cores: migrating, seeding. */
const BOOT_TIMEOUT_MS = 150_000;

/** A fresh empty database of `target`, how to read it, and how to remove it. */
async function emptyDatabase(target: DbTarget): Promise<{
  url: string;
  query: (sql: string) => Promise<Array<Record<string, unknown>>>;
  drop: () => Promise<void>;
}> {
  if (target.name === 'mysql') {
    const fresh = await freshMysqlDatabase();
    return {
      url: fresh.url,
      query: async (sql) => {
        const c = await createConnection(fresh.url);
        try {
          return (await c.query(sql))[0] as Array<Record<string, unknown>>;
        } finally {
          await c.end();
        }
      },
      drop: fresh.drop,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'omni-boot-'));
  const path = join(dir, 'omni.sqlite');
  return {
    url: `sqlite:${path}`,
    query: async (sql) => {
      const Sqlite = require('better-sqlite3') as new (
        p: string,
        o: { readonly: boolean },
      ) => { prepare(s: string): { all(): Array<Record<string, unknown>> }; close(): void };
      const db = new Sqlite(path, { readonly: true });
      try {
        return db.prepare(sql).all();
      } finally {
        db.close();
      }
    },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

describe.each(DB_TARGETS)('two BFF instances booting together on an empty $name database', (target) => {
  let db: Awaited<ReturnType<typeof emptyDatabase>> | undefined;
  const bffs: Bff[] = [];

  beforeAll(async () => {
    compileBff();
    db = await emptyDatabase(target);
    bffs.push(startBff({ DATABASE_URL: db.url }), startBff({ DATABASE_URL: db.url }));
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await Promise.all(bffs.map(stopBff));
    await db?.drop();
  }, BOOT_TIMEOUT_MS);

  it(
    'both come up and answer /healthz',
    async () => {
      const answers = await Promise.all(bffs.map((b) => healthy(b, BOOT_TIMEOUT_MS)));
      expect(answers.map((a) => a.status)).toEqual(['ok', 'ok']);
    },
    BOOT_TIMEOUT_MS,
  );

  it('ran each migration exactly once', async () => {
    const rows = await db!.query('SELECT name FROM migrations ORDER BY id');
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((M) => new M().name));
  });

  it('seeded the demo stores once', async () => {
    const rows = await db!.query('SELECT COUNT(*) AS n FROM stores');
    expect(Number(rows[0].n)).toBe(stores.length);
  });
});
