import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import type { Config } from '../config';
import { withDbLock } from './db-lock';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** Which database family a DataSource talks to. */
export type DbKind = 'sqlite' | 'mysql';

/** The server behind a mysql:// URL; TypeORM reads MariaDB's information_schema differently. */
export type MysqlFlavor = 'mysql' | 'mariadb';

/** Name of the lock every instance takes before migrating (see `withDbLock`). */
export const MIGRATION_LOCK = 'omni_migrations';

/** How long an instance waits for another one's migrations before giving up, seconds. */
const MIGRATION_LOCK_TIMEOUT_S = 600;

/**
 * Builds (does not open) the DataSource chosen by the configuration. `flavor` defaults to what
 * the URL scheme says; `connectDatabase` asks the server instead.
 */
export function createDataSource(db: Config['database'], flavor?: MysqlFlavor): DataSource {
  if (db.kind === 'sqlite') {
    const path = db.path === ':memory:' ? ':memory:' : resolve(db.path);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    return new DataSource({
      type: 'better-sqlite3',
      database: path,
      entities: ENTITIES,
      migrations: MIGRATIONS,
      migrationsRun: false,
      synchronize: false,
      // WAL lets readers run beside the one writer; busy timeout rides out locks (it is set first
      // so that a second process switching a new file to WAL waits instead of failing). A file that
      // is already WAL is not switched again: that needs the write lock, which another process may
      // hold for all of its migrations on a slow machine.
      prepareDatabase: (raw: { pragma(s: string, o?: { simple: boolean }): unknown }) => {
        raw.pragma('busy_timeout = 30000');
        if (String(raw.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') {
          raw.pragma('journal_mode = WAL');
        }
        raw.pragma('foreign_keys = ON');
      },
    });
  }
  return new DataSource({
    type: flavor ?? (db.url.startsWith('mariadb:') ? 'mariadb' : 'mysql'),
    url: db.url.replace(/^mariadb:/, 'mysql:'),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    dateStrings: false,
    supportBigNumbers: true,
    extra: { connectionLimit: 20 },
  });
}

/** Asks a MySQL-protocol server whether it is MariaDB (its VERSION() says so) or MySQL. */
async function detectMysqlFlavor(url: string): Promise<MysqlFlavor> {
  const c = await createConnection(url.replace(/^mariadb:/, 'mysql:'));
  try {
    const [rows] = await c.query('SELECT VERSION() AS v');
    return /mariadb/i.test(String((rows as Array<{ v: string }>)[0]?.v)) ? 'mariadb' : 'mysql';
  } finally {
    await c.end();
  }
}

/**
 * Opens the DataSource without migrating. On MySQL URLs the server is asked what it is, so that
 * TypeORM reads MariaDB's column defaults right (it reports `NULL` defaults as text).
 */
export async function connectDatabase(db: Config['database']): Promise<DataSource> {
  const flavor = db.kind === 'mysql' ? await detectMysqlFlavor(db.url) : undefined;
  const ds = createDataSource(db, flavor);
  await ds.initialize();
  return ds;
}

/**
 * Runs the pending migrations, each in its own transaction, while holding the migration lock, so
 * that instances starting together migrate one after another (the later ones find nothing to do).
 * Returns the names of the migrations this call ran.
 */
export async function runPendingMigrations(ds: DataSource): Promise<string[]> {
  return withDbLock(
    ds,
    MIGRATION_LOCK,
    async () => (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name),
    { timeoutS: MIGRATION_LOCK_TIMEOUT_S },
  );
}

/** Opens the DataSource and runs pending migrations under the migration lock. */
export async function openDatabase(db: Config['database']): Promise<DataSource> {
  const ds = await connectDatabase(db);
  try {
    await runPendingMigrations(ds);
  } catch (err) {
    await ds.destroy();
    throw err;
  }
  return ds;
}
