import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SendMessageResponse } from '@omni/shared-types';
import { connectRedis, type RedisConnection } from '../src/adapters/redis';
import { createLogger } from '../src/logger';
import { KnowledgeSignal } from '../src/modules/knowledge-admin/knowledge-signal';
import { freshMysqlDatabase, startTestApp, type TestApp } from './harness';

// Runs only when TEST_REDIS_URL is set (jest.config.js leaves it out otherwise): two BFF instances
// on one database (MariaDB when TEST_DATABASE_URL is one, else a shared SQLite file) and one Redis.
const LOCKER_Q = '你们可以帮忙把快递放进智能快递柜吗';

describe('the bot’s knowledge across instances over Redis', () => {
  const log = createLogger('silent');
  let redisA: RedisConnection;
  let redisB: RedisConnection;
  let signals: KnowledgeSignal[] = [];
  let a: TestApp;
  let b: TestApp;
  let dir: string | null = null;
  let dropDb: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    redisA = await connectRedis(process.env.TEST_REDIS_URL!, log);
    redisB = await connectRedis(process.env.TEST_REDIS_URL!, log);
    let url: string;
    const mysql = /^(mysql|mariadb):\/\//.test(process.env.TEST_DATABASE_URL ?? '');
    if (mysql) {
      const fresh = await freshMysqlDatabase();
      url = fresh.url;
      dropDb = fresh.drop;
    } else {
      dir = mkdtempSync(join(tmpdir(), 'omni-kb-redis-'));
      url = `sqlite:${join(dir, 'shared.sqlite')}`;
    }
    const env = {
      DATABASE_URL: url,
      REDIS_URL: process.env.TEST_REDIS_URL!,
      JOBS_INTERVAL_S: '0',
      SUPPORT_MESSAGES_PER_10S: '1000',
    };
    const target = { name: mysql ? ('mysql' as const) : ('sqlite' as const) };
    a = await startTestApp(target, { env });
    b = await startTestApp(target, { env, seed: false });
  });
  afterAll(async () => {
    for (const s of signals) await s.close();
    await redisA?.close();
    await redisB?.close();
    await a?.close();
    await b?.close();
    if (dropDb) await dropDb();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('tells the other instance about a change, and each instance hears its own change once', async () => {
    const sa = new KnowledgeSignal({ redis: redisA, log });
    const sb = new KnowledgeSignal({ redis: redisB, log });
    signals = [sa, sb];
    await Promise.all([sa.start(), sb.start()]);
    let heardA = 0;
    sa.onChange(() => heardA++);
    const heardB = new Promise<void>((ok) => sb.onChange(ok));
    sa.changed();
    await heardB;
    expect(heardA).toBe(1);
  });

  it('answers on instance B from an FAQ created through instance A', async () => {
    await a.container.services.adminUsers.createOrReset({
      username: 'kb-redis-admin',
      password: 'kb-redis-password-1',
      role: 'admin',
    });
    const login = await a.http
      .post('/api/v1/admin/auth/login')
      .send({ username: 'kb-redis-admin', password: 'kb-redis-password-1' })
      .expect(200);
    await a.http
      .post('/api/v1/admin/faq')
      .set('Authorization', `Bearer ${login.body.token as string}`)
      .send({ question: LOCKER_Q, answer: '可以，备注"放柜"即可，口令蓝鲸', keywords: ['快递柜', '放柜'] })
      .expect(201);
    let reply = '';
    for (let i = 0; i < 20 && !reply.includes('蓝鲸'); i++) {
      if (i) await new Promise((r) => setTimeout(r, 250));
      const who = await b.login('consumer', { openid: `kb-redis-${process.pid}-${i}` });
      const res = await b.http
        .post('/api/v1/support/messages')
        .set('Authorization', `Bearer ${who.token}`)
        .send({ text: LOCKER_Q, clientId: `kb-redis-msg-${process.pid}-${i}` })
        .expect(200);
      reply = (res.body as SendMessageResponse).replies.map((r) => r.text).join('\n');
    }
    expect(reply).toContain('蓝鲸');
  });
});
