import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { BackofficeRole } from '@omni/shared-types';
import type { Config } from './config';
import { loadConfigOrExit } from './config';
import { systemClock } from './clock';
import { connectDatabase, runPendingMigrations } from './db/data-source';
import { createTxRunner } from './db/tx';
import { AppError } from './http/errors';
import { AdminUsersService, type AdminUserInput } from './modules/backoffice/admin-users.service';

const USAGE =
  'usage: npm run admin:create -- --username NAME --password PASS [--role admin|store_manager --store STORE_ID]';

/** A mistake of the operator's: printed with the usage, exit code 2. */
class UsageError extends Error {}

/** Where the account goes, without credentials. */
function describeDatabase(db: Config['database']): string {
  if (db.kind === 'sqlite') return `sqlite ${db.path}`;
  const url = new URL(db.url.replace(/^mariadb:/, 'mysql:'));
  return `mysql ${url.hostname}:${url.port || 3306}${url.pathname}`;
}

/** The account `argv` asks for; throws UsageError for anything malformed. */
export function parseAdminCreateArgs(argv: string[]): AdminUserInput {
  let values: { username?: string; password?: string; role?: string; store?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        username: { type: 'string' },
        password: { type: 'string' },
        role: { type: 'string' },
        store: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (!values.username) throw new UsageError('--username is required');
  if (values.password === undefined) throw new UsageError('--password is required');
  const role = BackofficeRole.safeParse(values.role ?? 'admin');
  if (!role.success) throw new UsageError(`--role must be admin or store_manager, not ${values.role}`);
  let storeId: number | null = null;
  if (values.store !== undefined) {
    if (!/^[1-9]\d{0,9}$/.test(values.store))
      throw new UsageError(`--store must be a store id, not ${values.store}`);
    storeId = Number(values.store);
  }
  return { username: values.username, password: values.password, role: role.data, storeId };
}

/**
 * `npm run admin:create`: creates a back-office account, or resets one (password, role, store,
 * enabled again, older tokens revoked), on whatever DATABASE_URL points at. Migrations run first,
 * under the same lock as the BFF's start-up. Exit 0 done, 2 bad input, 1 anything else.
 */
async function main(): Promise<void> {
  let input: AdminUserInput;
  try {
    input = parseAdminCreateArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`admin:create: ${(err as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  const config = loadConfigOrExit();
  const where = describeDatabase(config.database);
  const db = await connectDatabase(config.database);
  try {
    const ran = await runPendingMigrations(db);
    if (ran.length) process.stdout.write(`${where}: ran ${ran.length} migration(s)\n`);
    const users = new AdminUsersService({
      db,
      tx: createTxRunner(db, config.database.kind),
      clock: systemClock,
    });
    const { user, created } = await users.createOrReset(input);
    const what = `${user.role}${user.storeId !== null ? ` of store ${user.storeId}` : ''}`;
    process.stdout.write(
      created
        ? `${where}: created back-office user "${user.username}" (id ${user.id}, ${what})\n`
        : `${where}: reset back-office user "${user.username}" (id ${user.id}, ${what}): new password, enabled, earlier logins revoked\n`,
    );
  } catch (err) {
    if (err instanceof AppError && err.status < 500) {
      process.stderr.write(`admin:create: ${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(
      `admin:create failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  });
}
