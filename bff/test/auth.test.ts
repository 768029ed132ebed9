import jwt from 'jsonwebtoken';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';

describe.each(DB_TARGETS)('auth on $name', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(target);
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs in with a WeChat code and keeps one user per openid', async () => {
    const a = await t.http.post('/api/v1/auth/wechat').send({ code: 'mock:o_alice' }).expect(200);
    expect(a.body.user).toMatchObject({ role: 'consumer', storeId: null });
    expect(typeof a.body.token).toBe('string');
    const b = await t.http.post('/api/v1/auth/wechat').send({ code: 'mock:o_alice:u_alice' }).expect(200);
    expect(b.body.user.id).toBe(a.body.user.id);
  });

  it('maps WeChat 40029 to 401 WECHAT_CODE_INVALID and a reused code too', async () => {
    const bad = await t.http.post('/api/v1/auth/wechat').send({ code: 'invalid-code' }).expect(401);
    expect(bad.body.error.code).toBe('WECHAT_CODE_INVALID');
    await t.http.post('/api/v1/auth/wechat').send({ code: 'once-only' }).expect(200);
    const reused = await t.http.post('/api/v1/auth/wechat').send({ code: 'once-only' }).expect(401);
    expect(reused.body.error.code).toBe('WECHAT_CODE_INVALID');
  });

  it('maps WeChat 45011 to 429 with Retry-After', async () => {
    const res = await t.http.post('/api/v1/auth/wechat').send({ code: 'ratelimit' }).expect(429);
    expect(res.body.error.code).toBe('WECHAT_RATE_LIMITED');
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('rejects bad login bodies with the offending field', async () => {
    const res = await t.http.post('/api/v1/auth/wechat').send({ code: 123 }).expect(400);
    expect(res.body.error.details.fields[0].path).toBe('code');
    const extra = await t.http.post('/api/v1/auth/wechat').send({ code: 'x', admin: true }).expect(400);
    expect(extra.body.error.code).toBe('VALIDATION_FAILED');
    const json = await t.http
      .post('/api/v1/auth/wechat')
      .set('Content-Type', 'application/json')
      .send('{"code": "abc"')
      .expect(400);
    expect(json.body.error.code).toBe('BAD_JSON');
  });

  it('scopes dev tokens to a real store or courier', async () => {
    const staff = await t.login('staff', { storeId: 1 });
    expect(staff.user).toMatchObject({ role: 'staff', storeId: 1 });
    const courier = await t.login('courier', { courierId: 1 });
    expect(courier.user.courierId).toBe(1);
    expect(courier.user.storeId).not.toBeNull();
    const missing = await t.http.post('/api/v1/auth/dev').send({ role: 'staff' }).expect(400);
    expect(missing.body.error.details.fields[0].path).toBe('storeId');
    const unknown = await t.http.post('/api/v1/auth/dev').send({ role: 'staff', storeId: 9999 }).expect(404);
    expect(unknown.body.error.code).toBe('STORE_NOT_FOUND');
    await t.http.post('/api/v1/auth/dev').send({ role: 'root' }).expect(400);
  });

  it('answers 401 for a wrong, tampered or expired token', async () => {
    await t.http.get('/api/v1/products').set('Authorization', 'Bearer nonsense').expect(401);
    await t.http.get('/api/v1/products').set('Authorization', 'Basic abc').expect(401);
    const forged = jwt.sign({ role: 'admin' }, 'another-secret-xxxxxxxx', { subject: '1', expiresIn: 60 });
    expect(
      (await t.http.get('/api/v1/products').set('Authorization', `Bearer ${forged}`)).body.error.code,
    ).toBe('TOKEN_INVALID');
    const expired = jwt.sign({ role: 'consumer' }, t.config.jwt.secret, { subject: '1', expiresIn: -10 });
    const res = await t.http.get('/api/v1/products').set('Authorization', `Bearer ${expired}`).expect(401);
    expect(res.body.error.code).toBe('TOKEN_EXPIRED');
  });
});

describe('dev login switched off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ name: 'sqlite' }, { env: { ALLOW_DEV_LOGIN: '0' }, seed: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses /auth/dev with 403 DEV_LOGIN_DISABLED', async () => {
    const res = await t.http.post('/api/v1/auth/dev').send({ role: 'admin' }).expect(403);
    expect(res.body.error.code).toBe('DEV_LOGIN_DISABLED');
  });
});
