import type { DataSource } from 'typeorm';
import type { Config } from '../src/config';
import { connectDatabase, runPendingMigrations } from '../src/db/data-source';
import { MIGRATIONS } from '../src/db/migrations';
import { DB_TARGETS, freshMysqlDatabase } from './harness';

describe.each(DB_TARGETS)('migrated schema on $name', (target) => {
  let ds: DataSource | undefined;
  let drop: (() => Promise<void>) | null = null;
  let ran: string[] = [];

  beforeAll(async () => {
    let database: Config['database'] = { kind: 'sqlite', path: ':memory:' };
    if (target.name === 'mysql') {
      const fresh = await freshMysqlDatabase();
      drop = fresh.drop;
      database = { kind: 'mysql', url: fresh.url };
    }
    ds = await connectDatabase(database);
    ran = await runPendingMigrations(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await drop?.();
  });

  it('runs every migration once, in order, and nothing on a second run', async () => {
    expect(ran).toEqual(MIGRATIONS.map((M) => new M().name));
    expect(await runPendingMigrations(ds!)).toEqual([]);
  });

  it('is exactly what the entities describe (no pending schema changes)', async () => {
    const { upQueries } = await ds!.driver.createSchemaBuilder().log();
    // Joined so that a failure prints every query TypeORM would run to make the two agree.
    expect(upQueries.map((q) => q.query).join(';\n')).toBe('');
  });
});
