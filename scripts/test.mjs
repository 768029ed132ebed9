// `npm test`: builds shared-types, mock and the compiled BFF (the process tests run
// `node bff/dist/server.js`), the H5 app and the back-office console (the browser tests need them), then runs every
// jest project: unit and integration tests on SQLite (and MySQL when TEST_DATABASE_URL is set),
// mini-program component tests, and the headless-Chromium E2E when a browser is available.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './build-server.mjs';
import { isStale, run, step } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const withE2e = existsSync(chromium);
const args = process.argv.slice(2);

step(1, 3, 'build shared-types, mock and the BFF');
await run(npm, ['run', 'build', '-w', 'shared-types', '--silent'], { cwd: root });
await buildServer(root);

if (withE2e) {
  step(2, 3, 'build the H5 mini-program for the browser test');
  if (
    isStale(join(root, 'miniapp/dist/h5/index.html'), [
      join(root, 'miniapp/src'),
      join(root, 'shared-types/src'),
    ])
  ) {
    await run(npm, ['run', 'build:h5', '-w', 'miniapp', '--silent'], { cwd: root });
  } else process.stdout.write('      up to date\n');
  step(2, 3, 'build the back-office console for the browser test');
  if (
    isStale(join(root, 'admin/dist/index.html'), [join(root, 'admin/src'), join(root, 'shared-types/src')])
  ) {
    await run(npm, ['run', 'build', '-w', 'admin', '--silent'], { cwd: root });
  } else process.stdout.write('      up to date\n');
} else if (process.env.E2E_REQUIRED === '1') {
  process.stderr.write(`E2E_REQUIRED=1 but no browser at ${chromium} (apt-get install -y chromium)\n`);
  process.exit(1);
} else {
  step(2, 3, `no browser at ${chromium}: the E2E project is left out (apt-get install -y chromium)`);
}

step(3, 3, `jest${process.env.TEST_DATABASE_URL ? ' (SQLite + MySQL)' : ' (SQLite)'}`);
const config = withE2e ? 'jest.all.config.js' : 'jest.config.js';
try {
  await run(process.execPath, [join(root, 'node_modules/jest/bin/jest.js'), '-c', config, ...args], {
    cwd: root,
  });
} catch {
  process.exit(1);
}
