import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** The part of a better-sqlite3 connection the SQLite lock uses (the package ships no types). */
interface RawSqlite {
  exec(sql: string): unknown;
  close(): unknown;
}
type RawSqliteCtor = new (path: string, options: { timeout: number }) => RawSqlite;

/** How often a waiting SQLite instance retries the lock file, milliseconds. */
const SQLITE_POLL_MS = 100;

/** Options of `withDbLock`. */
export interface DbLockOptions {
  /** How long to wait for another holder before failing, seconds. */
  timeoutS?: number;
}

/**
 * Runs `fn` while holding the named lock of this database, shared by every process that uses it
 * (e.g. two BFF instances booting together, or the migrate Job beside a running Deployment).
 * The lock is released when `fn` settles, and by the database/OS if the process dies holding it.
 *
 * - MySQL/MariaDB: `GET_LOCK` on one dedicated connection. Lock names are server-wide, so the
 *   current database's name is part of the key: two databases on one server do not wait for
 *   each other.
 * - SQLite file: an exclusive transaction on a small side file `<db>.<name>.lock`. A side file,
 *   not the database itself, because `fn` writes the database through TypeORM's own connection,
 *   which an exclusive lock held by a second connection of this process would block. SQLite's
 *   file lock spans processes and dies with its process, so a crash leaves no stale lock.
 * - SQLite `:memory:`: nothing to share with another process, `fn` just runs.
 */
export async function withDbLock<T>(
  db: DataSource,
  name: string,
  fn: () => Promise<T>,
  opts: DbLockOptions = {},
): Promise<T> {
  const timeoutS = opts.timeoutS ?? 120;
  const type = db.options.type;
  if (type === 'mysql' || type === 'mariadb') return withMysqlLock(db, name, timeoutS, fn);
  if (type === 'better-sqlite3') {
    const path = String(db.options.database ?? '');
    if (path === '' || path === ':memory:') return fn();
    return withSqliteFileLock(`${path}.${name}.lock`, timeoutS, fn);
  }
  throw new Error(`withDbLock: unsupported database type ${type}`);
}

/** MySQL's user-level lock names are at most 64 characters. */
function mysqlLockKey(name: string, database: string): string {
  const key = `${name}:${database}`;
  if (key.length <= 64) return key;
  return `${name.slice(0, 40)}:${createHash('sha1').update(database).digest('hex').slice(0, 23)}`;
}

async function withMysqlLock<T>(
  db: DataSource,
  name: string,
  timeoutS: number,
  fn: () => Promise<T>,
): Promise<T> {
  const runner = db.createQueryRunner('master');
  try {
    const [{ db: database }] = (await runner.query('SELECT DATABASE() AS db')) as Array<{ db: string }>;
    const key = mysqlLockKey(name, database);
    const [{ got }] = (await runner.query('SELECT GET_LOCK(?, ?) AS got', [key, timeoutS])) as Array<{
      got: number | string | null;
    }>;
    // 1 = taken, 0 = timed out, NULL = error (e.g. the session was killed).
    if (Number(got) !== 1) throw new Error(`database lock ${key} not taken within ${timeoutS} s`);
    try {
      return await fn();
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [key]);
    }
  } finally {
    await runner.release();
  }
}

async function withSqliteFileLock<T>(lockPath: string, timeoutS: number, fn: () => Promise<T>): Promise<T> {
  const Sqlite = require('better-sqlite3') as RawSqliteCtor;
  // timeout 0: a busy lock fails at once and is retried below without blocking the event loop.
  const lock = new Sqlite(lockPath, { timeout: 0 });
  try {
    const deadline = Date.now() + timeoutS * 1000;
    for (;;) {
      try {
        lock.exec('BEGIN EXCLUSIVE');
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
        if (Date.now() >= deadline)
          throw new Error(`database lock ${lockPath} not taken within ${timeoutS} s`);
        await new Promise((r) => setTimeout(r, SQLITE_POLL_MS));
      }
    }
    try {
      return await fn();
    } finally {
      lock.exec('ROLLBACK');
    }
  } finally {
    lock.close();
  }
}
