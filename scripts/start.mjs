// `npm start`: builds what is missing or stale (shared-types, the H5 mini-program), then
// starts the BFF, which migrates and seeds the SQLite default and serves H5 on the same port.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale, run, step } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

step(1, 3, '构建 shared-types (契约)');
if (isStale(join(root, 'shared-types/dist/cjs/index.js'), [join(root, 'shared-types/src')])) {
  await run(npm, ['run', 'build', '-w', 'shared-types', '--silent'], { cwd: root });
} else process.stdout.write('      已是最新\n');

step(2, 3, '构建 H5 小程序 (约 20 秒)');
const h5Index = join(root, 'miniapp/dist/h5/index.html');
if (process.env.SKIP_H5_BUILD === '1') process.stdout.write('      已跳过 (SKIP_H5_BUILD=1)\n');
else if (isStale(h5Index, [join(root, 'miniapp/src'), join(root, 'shared-types/src')])) {
  await run(npm, ['run', 'build:h5', '-w', 'miniapp', '--silent'], { cwd: root });
} else process.stdout.write('      已是最新\n');

step(3, 3, '启动 BFF (迁移数据库、写入演示数据)');
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bff/src/server.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
