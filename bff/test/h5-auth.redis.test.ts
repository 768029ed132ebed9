import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './harness';

// Runs only when TEST_REDIS_URL is set (bff/jest.config.js leaves it out otherwise): two BFF
// instances on one database and one Redis share the SMS limits.
describe('SMS code limits across two BFF instances over Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let dir: string;
  // Redis outlives test runs: fresh phones and addresses each time.
  const run = randomBytes(3).readUIntBE(0, 3) % 10_000;
  const phone = (n: number) => `137${String(run).padStart(4, '0')}${String(n).padStart(4, '0')}`;
  const ipOf = (net: number) => `10.${net}.${run % 250}.${Math.floor(run / 250) % 250}`;
  const ip = ipOf(61);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'omni-sms-redis-'));
    const env = {
      DATABASE_URL: `sqlite:${join(dir, 'shared.sqlite')}`,
      REDIS_URL: process.env.TEST_REDIS_URL!,
      JOBS_INTERVAL_S: '0',
      SMS_PER_IP_PER_HOUR: '3',
    };
    a = await startTestApp({ name: 'sqlite' }, { env, seed: false });
    b = await startTestApp({ name: 'sqlite' }, { env, seed: false });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const send = (t: TestApp, p: string, from: string) =>
    t.http.post('/api/v1/auth/sms/send').set('X-Forwarded-For', from).send({ phone: p });

  it('holds a resend on the other instance', async () => {
    await send(a, phone(1), ipOf(62)).expect(200);
    const res = await send(b, phone(1), ipOf(63)).expect(429);
    expect(res.body.error.code).toBe('SMS_RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts one IP across both instances', async () => {
    await send(a, phone(2), ip).expect(200);
    await send(b, phone(3), ip).expect(200);
    await send(a, phone(4), ip).expect(200);
    const res = await send(b, phone(5), ip).expect(429);
    expect(res.body.error.code).toBe('SMS_RATE_LIMITED');
  });
});
