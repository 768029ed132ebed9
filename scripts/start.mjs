// `npm start`: builds what is missing or stale (shared-types, mock, the BFF, the H5 mini-program),
// and the back-office console, then runs the compiled BFF with plain node; it migrates and seeds the
// SQLite default and serves H5 at / and the console at /admin/ on the same port.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, runCompiled } from './build-server.mjs';
import { isStale, run, step } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

step(1, 4, '构建 BFF (shared-types、mock、bff)');
let built = false;
await buildServer(root, (text) => {
  built = true;
  process.stdout.write(`      ${text}\n`);
});
if (!built) process.stdout.write('      已是最新\n');

step(2, 4, '构建 H5 小程序 (约 20 秒)');
const h5Index = join(root, 'miniapp/dist/h5/index.html');
if (process.env.SKIP_H5_BUILD === '1') process.stdout.write('      已跳过 (SKIP_H5_BUILD=1)\n');
else if (isStale(h5Index, [join(root, 'miniapp/src'), join(root, 'shared-types/src')])) {
  await run(npm, ['run', 'build:h5', '-w', 'miniapp', '--silent'], { cwd: root });
} else process.stdout.write('      已是最新\n');

step(3, 4, '构建后台管理控制台 (约 10 秒)');
if (isStale(join(root, 'admin/dist/index.html'), [join(root, 'admin/src'), join(root, 'shared-types/src')])) {
  await run(npm, ['run', 'build', '-w', 'admin', '--silent'], { cwd: root });
} else process.stdout.write('      已是最新\n');

step(4, 4, '启动 BFF (迁移数据库、写入演示数据)');
await runCompiled(root, 'bff/dist/server.js');
