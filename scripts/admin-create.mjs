// `npm run admin:create -- --username NAME --password PASS [--role admin|store_manager --store ID]`:
// builds the BFF when stale, then creates or resets a back-office user on DATABASE_URL (running
// pending migrations first, under the migration lock).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, runCompiled } from './build-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await buildServer(root, (text) => process.stderr.write(`${text}\n`));
await runCompiled(root, 'bff/dist/admin-create.js', process.argv.slice(2));
