import type { DataSource, EntityManager } from 'typeorm';

/** Runs units of work in database transactions. */
export interface TxRunner {
  run<T>(work: (m: EntityManager) => Promise<T>): Promise<T>;
}

const SQLITE_RUNNERS = new WeakMap<DataSource, TxRunner>();

const RETRYABLE_MYSQL = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/**
 * SQLite through TypeORM shares one connection, so two transactions at once would interleave
 * on it: they are queued here. MySQL runs them concurrently and retries deadlock victims.
 */
export function createTxRunner(db: DataSource, kind: 'sqlite' | 'mysql'): TxRunner {
  if (kind === 'sqlite') {
    // One queue per DataSource, however many runners are made for it (a tool or a test that makes
    // its own runner must still wait its turn on the shared connection).
    const shared = SQLITE_RUNNERS.get(db);
    if (shared) return shared;
    let tail: Promise<unknown> = Promise.resolve();
    const runner: TxRunner = {
      run<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
        const next = tail.then(() => db.transaction(work));
        tail = next.catch(() => undefined);
        return next;
      },
    };
    SQLITE_RUNNERS.set(db, runner);
    return runner;
  }
  return {
    async run<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction(work);
        } catch (err) {
          const code =
            (err as { code?: string; driverError?: { code?: string } }).driverError?.code ??
            (err as { code?: string }).code;
          if (!code || !RETRYABLE_MYSQL.has(code) || attempt >= 5) throw err;
          await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
        }
      }
    },
  };
}

/** True when `err` is a unique-key violation on either database. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e.driverError?.code ?? e.code;
  return (
    code === 'ER_DUP_ENTRY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(e.message ?? '')
  );
}
