// `npm run migrate`: builds the BFF when stale, then runs the pending migrations of DATABASE_URL
// under the migration lock and exits (a deployment step before new instances roll out).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, runCompiled } from './build-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await buildServer(root, (text) => process.stderr.write(`${text}\n`));
await runCompiled(root, 'bff/dist/migrate.js');
