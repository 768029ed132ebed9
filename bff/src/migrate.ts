import 'reflect-metadata';
import type { Config } from './config';
import { loadConfigOrExit } from './config';
import { connectDatabase, runPendingMigrations } from './db/data-source';
import { createLogger } from './logger';

/** Where the migrations go, without credentials. */
function describeDatabase(db: Config['database']): string {
  if (db.kind === 'sqlite') return `sqlite ${db.path}`;
  const url = new URL(db.url.replace(/^mariadb:/, 'mysql:'));
  return `mysql ${url.hostname}:${url.port || 3306}${url.pathname}`;
}

/**
 * `npm run migrate`: runs the pending migrations of DATABASE_URL and exits 0, for a deployment
 * step (e.g. a Kubernetes Job) before the new BFF rolls out. It takes the same migration lock as
 * the BFF's start-up, so it is safe beside instances that are starting at the same moment.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger(config.logLevel);
  const where = describeDatabase(config.database);
  const db = await connectDatabase(config.database);
  try {
    const ran = await runPendingMigrations(db);
    log.info({ db: where, ran }, 'migrations done');
    process.stdout.write(
      ran.length
        ? `${where}: ran ${ran.length} migration(s)\n${ran.map((name) => `  ${name}\n`).join('')}`
        : `${where}: up to date, no migration to run\n`,
    );
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `migrate failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
