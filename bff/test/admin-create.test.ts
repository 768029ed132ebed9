import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase } from '../src/db/data-source';
import { AdminUserEntity } from '../src/modules/backoffice/admin-user.entity';
import { verifyPassword } from '../src/modules/backoffice/password';
import { compileBff, ROOT } from './processes';

describe('npm run admin:create (node scripts/admin-create.mjs on a SQLite file)', () => {
  let dir: string;
  let path: string;

  beforeAll(() => {
    compileBff();
    dir = mkdtempSync(join(tmpdir(), 'omni-admin-create-'));
    path = join(dir, 'omni.sqlite');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['scripts/admin-create.mjs', ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const account = async () => {
    const db = await connectDatabase({ kind: 'sqlite', path });
    try {
      return await db.getRepository(AdminUserEntity).findOneByOrFail({ usernameKey: 'root-admin' });
    } finally {
      await db.destroy();
    }
  };

  it('migrates a fresh database and creates the first admin', async () => {
    const r = run('--username', 'Root-Admin', '--password', 'first-password-1');
    expect(r.err).not.toMatch(/failed/);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/created back-office user "Root-Admin" \(id \d+, admin\)/);
    const u = await account();
    expect(await verifyPassword(u.passwordHash, 'first-password-1')).toBe(true);
    expect(u.tokenVersion).toBe(0);
  });

  it('resets the same user (any case): new password, enabled again, tokens revoked', async () => {
    const r = run('--username', 'root-admin', '--password', 'second-password-2');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/reset back-office user "Root-Admin"/);
    const u = await account();
    expect(await verifyPassword(u.passwordHash, 'second-password-2')).toBe(true);
    expect(u.tokenVersion).toBe(1);
    expect(u.disabled).toBe(false);
  });

  it('refuses bad input with exit code 2 and a clear message', () => {
    const weak = run('--username', 'x-admin', '--password', 'short');
    expect(weak.code).toBe(2);
    expect(weak.err).toContain('密码至少 10 位');
    const noStore = run('--username', 'm1', '--password', 'long-enough-pw', '--role', 'store_manager');
    expect(noStore.code).toBe(2);
    expect(noStore.err).toContain('店长须指定门店');
    const unknownStore = run(
      '--username',
      'm1',
      '--password',
      'long-enough-pw',
      '--role',
      'store_manager',
      '--store',
      '999',
    );
    expect(unknownStore.code).toBe(2);
    expect(unknownStore.err).toContain('门店 999 不存在');
    const badRole = run('--username', 'm1', '--password', 'long-enough-pw', '--role', 'root');
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('usage: npm run admin:create');
  });
});
