import jwt from 'jsonwebtoken';
import { authenticator } from 'otplib';
import type { AdminLoginResponse, LoginLogResponse } from '@omni/shared-types';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';

const CAPTCHA_TEXT = 'abcd';
const PASSWORD = 'correct-horse-42';

describe.each(DB_TARGETS)('back-office logins on $name', (target) => {
  let t: TestApp;
  let ipSeq = 0;
  /** A fresh client address, so one case's failures do not lock another's IP. */
  const freshIp = () => `10.77.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

  beforeAll(async () => {
    t = await startTestApp(target, {
      env: { JOBS_INTERVAL_S: '0' },
      captcha: () => ({ text: CAPTCHA_TEXT, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>' }),
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const create = async (username: string, role: 'admin' | 'store_manager' = 'admin', storeId?: number) =>
    (await t.container.services.adminUsers.createOrReset({ username, password: PASSWORD, role, storeId }))
      .user;
  const login = (body: Record<string, unknown>, ip = freshIp()) =>
    t.http
      .post('/api/v1/admin/auth/login')
      .set('X-Forwarded-For', ip)
      .set('User-Agent', 'jest-backoffice')
      .send(body);
  const captcha = async (): Promise<{ captchaId: string; captcha: string }> => {
    const res = await t.http.get('/api/v1/admin/auth/captcha').expect(200);
    expect(res.body.svg).toContain('<svg');
    return { captchaId: res.body.captchaId as string, captcha: CAPTCHA_TEXT };
  };
  const me = (token: string) => t.http.get('/api/v1/admin/me').set('Authorization', `Bearer ${token}`);

  it('logs an admin in and shows its own profile without secrets', async () => {
    await create('Boss');
    const res = await login({ username: 'boss', password: PASSWORD }).expect(200);
    const body = res.body as AdminLoginResponse;
    expect(body.user).toEqual({ id: expect.any(Number), username: 'Boss', role: 'admin' });
    const profile = await me(body.token).expect(200);
    expect(profile.body).toMatchObject({ username: 'Boss', role: 'admin', totpEnabled: false });
    expect(profile.body.lastLoginAt).not.toBeNull();
    expect(JSON.stringify(profile.body)).not.toMatch(/argon2|passwordHash|totpSecret/);
  });

  it('answers a wrong password and an unknown user identically', async () => {
    await create('carol');
    const wrong = await login({ username: 'carol', password: 'not-the-password' }).expect(401);
    const unknown = await login({ username: 'nobody-here', password: 'not-the-password' }).expect(401);
    const strip = (b: { error: Record<string, unknown> }) => ({ ...b.error, requestId: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.body.error.message).toBe('用户名或密码错误');
  });

  it('locks a username after five failures from any IPs, with Retry-After', async () => {
    await create('dave');
    for (let n = 0; n < 5; n++) {
      const extra = n >= 3 ? await captcha() : {};
      const res = await login({ username: 'dave', password: `wrong-${n}`, ...extra }).expect(401);
      expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await login({ username: 'DAVE', password: PASSWORD, ...(await captcha()) }).expect(429);
    expect(locked.body.error.code).toBe('LOGIN_LOCKED');
    const retryAfterS = Number(locked.headers['retry-after']);
    expect(retryAfterS).toBeGreaterThan(0);
    expect(retryAfterS).toBeLessThanOrEqual(900);
  });

  it('locks an IP after five failures for different usernames, not other IPs', async () => {
    const ip = freshIp();
    for (let n = 0; n < 5; n++) {
      const extra = n >= 3 ? await captcha() : {};
      await login({ username: `ghost-${n}`, password: 'whatever-123', ...extra }, ip).expect(401);
    }
    await create('erin');
    const locked = await login({ username: 'erin', password: PASSWORD }, ip).expect(429);
    expect(locked.body.error.code).toBe('LOGIN_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await login({ username: 'erin', password: PASSWORD }).expect(200);
  });

  it('requires a single-use captcha after three failures', async () => {
    await create('frank');
    const ip = freshIp();
    for (let n = 0; n < 3; n++) await login({ username: 'frank', password: 'nope-nope-1' }, ip).expect(401);
    const missing = await login({ username: 'frank', password: PASSWORD }, ip).expect(401);
    expect(missing.body.error.code).toBe('CAPTCHA_REQUIRED');
    const c1 = await captcha();
    const wrong = await login({ username: 'frank', password: PASSWORD, ...c1, captcha: 'zzzz' }, ip).expect(
      401,
    );
    expect(wrong.body.error.code).toBe('CAPTCHA_INVALID');
    const c2 = await captcha();
    await login({ username: 'frank', password: PASSWORD, ...c2 }, ip).expect(200);
    // The IP's three failures still stand; the spent captcha does not pass again.
    const reused = await login({ username: 'frank', password: PASSWORD, ...c2 }, ip).expect(401);
    expect(reused.body.error.code).toBe('CAPTCHA_INVALID');
  });

  it('enrols TOTP, then requires and checks the code at login', async () => {
    await create('grace');
    const { token } = (await login({ username: 'grace', password: PASSWORD }).expect(200)).body;
    const auth = { Authorization: `Bearer ${token as string}` };
    const notYet = await t.http.post('/api/v1/admin/auth/totp/verify').set(auth).send({ code: '123456' });
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.code).toBe('TOTP_NOT_ENROLLED');
    const enrol = await t.http.post('/api/v1/admin/auth/totp/enroll').set(auth).expect(200);
    const secret = enrol.body.secret as string;
    expect(enrol.body.otpauthUrl).toContain(`secret=${secret}`);
    expect(enrol.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrongCode = validNeighbourlessCode(secret);
    const bad = await t.http.post('/api/v1/admin/auth/totp/verify').set(auth).send({ code: wrongCode });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('TOTP_INVALID');
    await t.http
      .post('/api/v1/admin/auth/totp/verify')
      .set(auth)
      .send({ code: authenticator.generate(secret) })
      .expect(200, { totpEnabled: true });

    const required = await login({ username: 'grace', password: PASSWORD }).expect(401);
    expect(required.body.error.code).toBe('TOTP_REQUIRED');
    const invalid = await login({ username: 'grace', password: PASSWORD, totp: wrongCode }).expect(401);
    expect(invalid.body.error.code).toBe('TOTP_INVALID');
    await login({ username: 'grace', password: PASSWORD, totp: authenticator.generate(secret) }).expect(200);
    expect((await me(token as string).expect(200)).body.totpEnabled).toBe(true);
  });

  it('logs every attempt, readable by admins only', async () => {
    await create('heidi');
    const ip = freshIp();
    await login({ username: 'heidi', password: 'bad-password-1' }, ip).expect(401);
    const ok = (await login({ username: 'Heidi', password: PASSWORD }, ip).expect(200))
      .body as AdminLoginResponse;
    const log = await t.http
      .get('/api/v1/admin/auth/logins?username=HEIDI')
      .set('Authorization', `Bearer ${ok.token}`)
      .expect(200);
    const body = log.body as LoginLogResponse;
    expect(body.items.map((i) => i.outcome)).toEqual(['success', 'invalid_credentials']);
    expect(body.items[0]).toMatchObject({
      username: 'heidi',
      adminUserId: ok.user.id,
      ip,
      userAgent: 'jest-backoffice',
    });
    await t.http.get('/api/v1/admin/auth/logins').expect(401);
    await create('ivan-manager', 'store_manager', 1);
    const mgr = (await login({ username: 'ivan-manager', password: PASSWORD }).expect(200))
      .body as AdminLoginResponse;
    expect(mgr.user).toMatchObject({ role: 'store_manager', storeId: 1 });
    await t.http.get('/api/v1/admin/auth/logins').set('Authorization', `Bearer ${mgr.token}`).expect(403);
  });

  it('revokes tokens when the account is disabled, and answers 403 only after a correct password', async () => {
    const u = await create('judy');
    const { token } = (await login({ username: 'judy', password: PASSWORD }).expect(200)).body;
    await me(token as string).expect(200);
    await t.container.services.adminUsers.setDisabled(u.id, true);
    expect((await me(token as string).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
    const wrong = await login({ username: 'judy', password: 'bad-password-2' }).expect(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    const right = await login({ username: 'judy', password: PASSWORD }).expect(403);
    expect(right.body.error.code).toBe('ACCOUNT_DISABLED');
    await t.container.services.adminUsers.setDisabled(u.id, false);
    await login({ username: 'judy', password: PASSWORD }).expect(200);
  });

  it('revokes tokens on a password reset through the admin:create code path', async () => {
    await create('kim');
    const { token } = (await login({ username: 'kim', password: PASSWORD }).expect(200)).body;
    const reset = await t.container.services.adminUsers.createOrReset({
      username: 'KIM',
      password: 'another-password-7',
      role: 'admin',
    });
    expect(reset.created).toBe(false);
    expect((await me(token as string).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
    await login({ username: 'kim', password: PASSWORD }).expect(401);
    await login({ username: 'kim', password: 'another-password-7' }).expect(200);
  });

  it('revokes tokens on a role change', async () => {
    const u = await create('leo');
    const { token } = (await login({ username: 'leo', password: PASSWORD }).expect(200)).body;
    await t.container.services.adminUsers.setRole(u.id, 'store_manager', 1);
    expect((await me(token as string).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
    const again = (await login({ username: 'leo', password: PASSWORD }).expect(200))
      .body as AdminLoginResponse;
    expect((await me(again.token).expect(200)).body).toMatchObject({ role: 'store_manager', storeId: 1 });
  });

  it('keeps WeChat and dev tokens working, and revokes them when the user’s token version moves', async () => {
    const consumer = await t.login('consumer', { openid: 'bo-consumer' });
    const auth = { Authorization: `Bearer ${consumer.token}` };
    await t.http.get('/api/v1/orders').set(auth).expect(200);
    // A token from before token versions (no `tv`, no `k` claim) is a version-0 WeChat token.
    const legacy = jwt.sign({ role: 'consumer' }, t.config.jwt.secret, {
      subject: String(consumer.user.id),
      expiresIn: 60,
    });
    await t.http.get('/api/v1/orders').set('Authorization', `Bearer ${legacy}`).expect(200);
    await t.container.db.query('UPDATE users SET token_version = token_version + 1 WHERE id = ?', [
      consumer.user.id,
    ]);
    expect((await t.http.get('/api/v1/orders').set(auth).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
  });

  it('keeps back-office ids apart from WeChat ids', async () => {
    await create('mia');
    const admin = (await login({ username: 'mia', password: PASSWORD }).expect(200))
      .body as AdminLoginResponse;
    const a = { Authorization: `Bearer ${admin.token}` };
    await t.http.get('/api/v1/me/addresses').set(a).expect(403);
    await t.http.post('/api/v1/lbs/consent').set(a).send({ location: true }).expect(403);
    await t.http.get('/api/v1/admin/jobs').set(a).expect(200);
    await create('nina-manager', 'store_manager', 1);
    const mgr = (await login({ username: 'nina-manager', password: PASSWORD }).expect(200))
      .body as AdminLoginResponse;
    await t.http.get('/api/v1/staff/events').set('Authorization', `Bearer ${mgr.token}`).expect(403);
    // A dev-login (WeChat) admin is not a back-office account.
    const wechatAdmin = await t.login('admin');
    await me(wechatAdmin.token).expect(403);
  });

  it('lets a WeChat store manager act as its store’s staff', async () => {
    const mgr = await t.login('store_manager', { storeId: 1 });
    expect(mgr.user).toMatchObject({ role: 'store_manager', storeId: 1 });
    const auth = { Authorization: `Bearer ${mgr.token}` };
    await t.http.get('/api/v1/staff/events').set(auth).expect(200);
    await t.http.get('/api/v1/support/canned').set(auth).expect(200);
    const orders = await t.http.get('/api/v1/orders').set(auth).expect(200);
    expect((orders.body.items as Array<{ storeId: number }>).every((o) => o.storeId === 1)).toBe(true);
    await t.http.get('/api/v1/admin/jobs').set(auth).expect(403);
  });
});

/** A 6-digit code that is not valid for `secret` now or two steps either side. */
function validNeighbourlessCode(secret: string): string {
  const now = Date.now();
  const valid = new Set(
    [-60, -30, 0, 30, 60].map((d) => authenticator.clone({ epoch: now + d * 1000 }).generate(secret)),
  );
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}
