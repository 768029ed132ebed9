import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import type { Config } from '../config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** Which database family a DataSource talks to. */
export type DbKind = 'sqlite' | 'mysql';

/** Builds (does not open) the DataSource chosen by the configuration. */
export function createDataSource(db: Config['database']): DataSource {
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
      // WAL lets readers run beside the one writer; busy timeout rides out short locks.
      prepareDatabase: (raw: { pragma(s: string): unknown }) => {
        raw.pragma('journal_mode = WAL');
        raw.pragma('busy_timeout = 5000');
        raw.pragma('foreign_keys = ON');
      },
    });
  }
  return new DataSource({
    type: 'mysql',
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

/** Opens the DataSource and runs pending migrations. */
export async function openDatabase(db: Config['database']): Promise<DataSource> {
  const ds = createDataSource(db);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}
