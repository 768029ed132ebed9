import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './harness';

// Runs only when TEST_REDIS_URL is set (jest.config.js leaves it out otherwise): two BFF
// instances on one database and one Redis share back-office login failures and captchas.
describe('back-office lockout across two BFF instances over Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let dir: string;
  // Redis outlives test runs: a fresh name and address each time.
  const run = randomBytes(4).toString('hex');
  const username = `redis-${run}`;
  const ip = `10.${parseInt(run.slice(0, 2), 16)}.${parseInt(run.slice(2, 4), 16)}.${parseInt(run.slice(4, 6), 16)}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'omni-bo-redis-'));
    const env = {
      DATABASE_URL: `sqlite:${join(dir, 'shared.sqlite')}`,
      REDIS_URL: process.env.TEST_REDIS_URL!,
      JOBS_INTERVAL_S: '0',
    };
    const captcha = () => ({ text: 'wxyz', svg: '<svg/>' });
    a = await startTestApp({ name: 'sqlite' }, { env, captcha });
    b = await startTestApp({ name: 'sqlite' }, { env, captcha, seed: false });
    await a.container.services.adminUsers.createOrReset({
      username,
      password: 'redis-password-1',
      role: 'admin',
    });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const login = (t: TestApp, body: Record<string, unknown>, from: string) =>
    t.http
      .post('/api/v1/admin/auth/login')
      .set('X-Forwarded-For', from)
      .send({ username, ...body });

  it('checks a captcha issued by one instance on the other, once', async () => {
    for (let n = 0; n < 3; n++)
      await login(a, { password: 'wrong-password' }, ip.replace(/^10\./, '11.')).expect(401);
    const missing = await login(b, { password: 'redis-password-1' }, ip).expect(401);
    expect(missing.body.error.code).toBe('CAPTCHA_REQUIRED');
    const { captchaId } = (await a.http.get('/api/v1/admin/auth/captcha').expect(200)).body as {
      captchaId: string;
    };
    await login(b, { password: 'wrong-password', captchaId, captcha: 'WXYZ' }, ip).expect(401);
    const spent = await login(a, { password: 'wrong-password', captchaId, captcha: 'wxyz' }, ip).expect(401);
    expect(spent.body.error.code).toBe('CAPTCHA_INVALID');
  });

  it('locks the username on both instances after five failures split between them', async () => {
    const { captchaId } = (await b.http.get('/api/v1/admin/auth/captcha').expect(200)).body as {
      captchaId: string;
    };
    await login(a, { password: 'wrong-password', captchaId, captcha: 'wxyz' }, ip).expect(401);
    for (const t of [a, b]) {
      const res = await login(t, { password: 'redis-password-1' }, ip).expect(429);
      expect(res.body.error.code).toBe('LOGIN_LOCKED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });
});
