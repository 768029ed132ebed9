import type { AdminAccount } from '@omni/shared-types';
import { StoreEntity } from '../src/modules/stores/store.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';

const PASSWORD = 'first-pass-1234';

describe.each(DB_TARGETS)('back-office accounts on $name', (target) => {
  let t: TestApp;
  let storeId: number;
  let ipSeq = 0;
  let boss: string;

  beforeAll(async () => {
    t = await startTestApp(target, { env: { JOBS_INTERVAL_S: '0' } });
    storeId = (await t.container.db.getRepository(StoreEntity).find({ order: { id: 'ASC' }, take: 1 }))[0].id;
    await t.container.services.adminUsers.createOrReset({
      username: 'boss',
      password: PASSWORD,
      role: 'admin',
    });
    boss = await login('boss');
  });
  afterAll(() => t.close());

  async function login(username: string, password = PASSWORD): Promise<string> {
    const res = await t.http
      .post('/api/v1/admin/auth/login')
      .set('X-Forwarded-For', `10.88.0.${++ipSeq}`)
      .send({ username, password });
    expect(res.status).toBe(200);
    return res.body.token as string;
  }
  const as = (token: string) => ({
    get: (path: string) => t.http.get(`/api/v1/admin${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) =>
      t.http.post(`/api/v1/admin${path}`).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) =>
      t.http.patch(`/api/v1/admin${path}`).set('Authorization', `Bearer ${token}`).send(body),
  });
  const create = async (username: string, role: 'admin' | 'store_manager' = 'store_manager') => {
    const res = await as(boss).post('/users', {
      username,
      password: PASSWORD,
      role,
      ...(role === 'store_manager' ? { storeId } : {}),
    });
    expect(res.status).toBe(201);
    return res.body as AdminAccount;
  };

  it('creates an account once; the same name in another case is taken', async () => {
    const acct = await create('Shop-One');
    expect(acct).toMatchObject({
      username: 'Shop-One',
      role: 'store_manager',
      storeId,
      disabled: false,
      version: 1,
    });
    const dup = await as(boss)
      .post('/users', { username: 'shop-one', password: PASSWORD, role: 'admin' })
      .expect(409);
    expect(dup.body.error.code).toBe('USERNAME_TAKEN');
    const list = await as(boss).get('/users?q=shop-one').expect(200);
    expect(list.body.items.map((u: AdminAccount) => u.id)).toEqual([acct.id]);
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|passwordHash|totpSecret/);
  });

  it('refuses a stale version, and a role change kills the old token at once', async () => {
    const acct = await create('shop-two');
    const token = await login('shop-two');
    await as(token).get('/me').expect(200);
    const moved = await as(boss)
      .patch(`/users/${acct.id}`, { role: 'admin', version: acct.version })
      .expect(200);
    expect(moved.body).toMatchObject({ role: 'admin', version: acct.version + 1 });
    expect(moved.body.storeId).toBeUndefined();
    const stale = await as(boss)
      .patch(`/users/${acct.id}`, { disabled: true, version: acct.version })
      .expect(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect(stale.body.error.details.current).toMatchObject({ id: acct.id, role: 'admin' });
    expect((await as(token).get('/me')).status).toBe(401);
    await as(await login('shop-two'))
      .get('/users')
      .expect(200);
  });

  it('never disables the caller itself nor the last enabled admin', async () => {
    const me = (await as(boss).get('/me').expect(200)).body as { id: number };
    const self = (await as(boss).get(`/users/${me.id}`).expect(200)).body as AdminAccount;
    const res = await as(boss)
      .patch(`/users/${me.id}`, { disabled: true, version: self.version })
      .expect(409);
    expect(res.body.error.code).toBe('LAST_ADMIN');
    // Demote every other admin, then the boss cannot be demoted by anyone (it is the last one).
    const others = (await as(boss).get('/users?role=admin&pageSize=100').expect(200)).body
      .items as AdminAccount[];
    for (const u of others.filter((x) => x.id !== me.id && !x.disabled)) {
      await as(boss).patch(`/users/${u.id}`, { disabled: true, version: u.version }).expect(200);
    }
    const second = await create('second-admin', 'admin');
    const secondToken = await login('second-admin');
    await as(secondToken)
      .patch(`/users/${me.id}`, { role: 'store_manager', storeId, version: self.version })
      .expect(200);
    const again = (await as(secondToken).get(`/users/${second.id}`).expect(200)).body as AdminAccount;
    const last = await as(secondToken).patch(`/users/${second.id}`, {
      role: 'store_manager',
      storeId,
      version: again.version,
    });
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('LAST_ADMIN');
    // Put the boss back for the other cases.
    const bossNow = (await as(secondToken).get(`/users/${me.id}`).expect(200)).body as AdminAccount;
    await as(secondToken).patch(`/users/${me.id}`, { role: 'admin', version: bossNow.version }).expect(200);
    boss = await login('boss');
  });

  it('resets a password (old token and old password dead) and audits without secrets', async () => {
    const acct = await create('shop-three');
    const token = await login('shop-three');
    await as(boss).post(`/users/${acct.id}/password`, { password: 'second-pass-5678' }).expect(200);
    expect((await as(token).get('/me')).status).toBe(401);
    const old = await t.http.post('/api/v1/admin/auth/login').set('X-Forwarded-For', '10.88.1.1').send({
      username: 'shop-three',
      password: PASSWORD,
    });
    expect(old.status).toBe(401);
    await login('shop-three', 'second-pass-5678');
    const audit = await as(boss).get(`/audit?entity=admin_user&entityId=${acct.id}`).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['reset_password', 'create']);
    expect(audit.body.items[1].after).toMatchObject({
      username: 'shop-three',
      role: 'store_manager',
      storeId,
    });
    expect(JSON.stringify(audit.body)).not.toMatch(/argon2|second-pass|first-pass/);
  });

  it('lets an account change its own password only with the current one', async () => {
    await create('shop-four');
    const token = await login('shop-four');
    const wrong = await as(token).post('/me/password', {
      currentPassword: 'nope',
      newPassword: 'fourth-pass-0000',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('PASSWORD_WRONG');
    const short = await as(token).post('/me/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(400);
    const ok = await as(token).post('/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'fourth-pass-0000',
    });
    expect(ok.status).toBe(200);
    expect((await as(token).get('/me')).status).toBe(401);
    await as(ok.body.token as string)
      .get('/me')
      .expect(200);
  });

  it('keeps account management to admins', async () => {
    const manager = await login('shop-one');
    expect((await as(manager).get('/users')).status).toBe(403);
    expect(
      (await as(manager).post('/users', { username: 'x1', password: PASSWORD, role: 'admin' })).status,
    ).toBe(403);
  });
});
