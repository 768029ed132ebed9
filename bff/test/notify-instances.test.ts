import { In } from 'typeorm';
import { DB_TARGETS, freshMysqlDatabase, startTestApp, type TestApp } from './harness';
import { MORNING, MutableClock } from './fixtures';
import { createTxRunner } from '../src/db/tx';
import { NotificationEntity, NotifyAllowanceEntity } from '../src/modules/notifications/notify.entity';
import { UserEntity } from '../src/modules/users/user.entity';
import { JobsService } from '../src/modules/jobs/jobs.service';
import { WechatMpApi } from '../src/adapters/wechat/mp-api';
import { Notifier } from '../src/modules/notifications/notifier';
import { createLogger } from '../src/logger';

// Two instances sending 1,000 events through the outbox while WeChat expires the token and answers
// 5xx now and then: every message arrives exactly once. On MariaDB the second instance is a whole
// second BFF (its own pool, its own Redis clients); on SQLite, which one process owns, it is a
// second dispatcher (its own job lease owner and WeChat client) on the same database.
const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const EVENTS = 1000;
const USERS = 100;

interface Instance {
  jobs: JobsService;
  notifier: Notifier;
}

describe.each(DB_TARGETS)('the outbox with two instances on $name', (target) => {
  let a: TestApp;
  let b: TestApp | null = null;
  let one: Instance;
  let two: Instance;
  let drop: (() => Promise<void>) | null = null;
  const clock = new MutableClock(new Date(MORNING));

  beforeAll(async () => {
    if (target.name === 'mysql') {
      const fresh = await freshMysqlDatabase();
      drop = fresh.drop;
      const env = { DATABASE_URL: fresh.url, REDIS_URL: redisUrl, JOBS_INTERVAL_S: '0' };
      a = await startTestApp({ name: 'sqlite' }, { clock, env });
      // The second instance talks to the same WeChat (the first one's mock) and does not seed.
      b = await startTestApp(
        { name: 'sqlite' },
        { clock, env: { ...env, SEED_DEMO: '0', WECHAT_API_BASE: a.container.mocks.wechat!.url } },
      );
      two = { jobs: b.container.services.jobs, notifier: b.container.services.notifier };
    } else {
      a = await startTestApp(target, { clock, env: { JOBS_INTERVAL_S: '0' } });
      const c = a.container;
      const log = createLogger('silent');
      const tx = createTxRunner(c.db, c.dbKind);
      const jobs = new JobsService({ db: c.db, tx, clock, log, autoRun: false });
      const wechat = new WechatMpApi({
        apiBase: c.mocks.wechat!.url,
        appid: a.config.wechat.appid,
        secret: a.config.wechat.secret,
        db: c.db,
        redis: null,
        clock,
        log,
      });
      const notifier = new Notifier({
        db: c.db,
        tx,
        jobs,
        templates: c.services.notifyTemplates,
        wechat,
        clock,
        log,
        miniprogramState: 'developer',
      });
      two = { jobs, notifier };
    }
    one = { jobs: a.container.services.jobs, notifier: a.container.services.notifier };
  }, 180_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await drop?.();
  });

  it('sends 1,000 events across two instances exactly once each', async () => {
    const mock = a.container.mocks.wechat!;
    const db = a.container.db;
    const users: number[] = [];
    for (let i = 0; i < USERS; i++) {
      const res = await a.login('consumer', { openid: `scale-${i}-${Date.now().toString(36)}` });
      users.push(res.user.id);
    }
    const tpl = await a.container.services.notifyTemplates.get('support_reply');
    await db.getRepository(NotifyAllowanceEntity).save(
      users.map((userId) => ({
        userId,
        templateId: tpl.templateId!,
        remaining: EVENTS / USERS,
        updatedAt: clock.now(),
      })),
    );
    const tx = createTxRunner(db, a.container.dbKind);
    const started = Date.now();
    for (let batch = 0; batch < EVENTS / 100; batch++) {
      await tx.run(async (m) => {
        for (let j = 0; j < 100; j++) {
          const i = batch * 100 + j;
          await a.container.services.notifier.enqueueIn(m, {
            event: 'support_reply',
            key: `scale:${i}`,
            recipients: [{ userId: users[i % USERS], role: 'consumer' }],
            vars: { agent: '客服小美', reply: `第 ${i} 条回复 😊`, at: { at: clock.now() } },
          });
        }
      });
    }
    const enqueuedMs = Date.now() - started;
    mock.reset();
    mock.expireToken();
    mock.fault('send', 'http5xx', 15);
    mock.fault('send', 'errcode', 10, -1);
    const issued = mock.stats().tokensIssued;
    const sendStart = Date.now();
    for (let round = 0; round < 10; round++) {
      await Promise.all([one.jobs.runDue(5000), two.jobs.runDue(5000)]);
      const left = await db
        .getRepository(NotificationEntity)
        .countBy({ status: In(['pending', 'retrying']) });
      if (!left) break;
      clock.advanceMin(15); // the retries' backoff
    }
    const sendMs = Date.now() - sendStart;
    const rows = await db.getRepository(NotificationEntity).findBy({ event: 'support_reply' });
    const byStatus = rows.reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
      {},
    );
    const keys = mock.messages.map((m) => `${m.touser}|${m.data.thing2.value}`);
    const perInstance = [one, two].map((i) => i.notifier.wechat.calls);
    // The figures the closing note quotes (npx jest bff/test/notify-instances.test.ts).
    process.stdout.write(
      `notify-instances (${target.name}): ${EVENTS} events enqueued in ${enqueuedMs} ms, sent in ${sendMs} ms; ` +
        `WeChat calls per instance ${perInstance.join(' / ')}; sends recorded ${mock.messages.length}, ` +
        `distinct ${new Set(keys).size}; tokens issued ${mock.stats().tokensIssued - issued}; rows ${JSON.stringify(byStatus)}\n`,
    );
    expect(byStatus).toEqual({ sent: EVENTS });
    expect(mock.messages).toHaveLength(EVENTS);
    expect(new Set(keys).size).toBe(EVENTS);
    expect(perInstance.every((n) => n > 0)).toBe(true);
    expect(mock.stats().tokensIssued - issued).toBe(1);
    // Emoji never reach WeChat (it would refuse the message).
    expect(mock.messages.every((m) => !/\p{Extended_Pictographic}/u.test(m.data.thing2.value))).toBe(true);
    const openids = new Set(
      (await db.getRepository(UserEntity).findBy({ id: In(users) })).map((u) => u.openid),
    );
    expect(mock.messages.every((m) => openids.has(m.touser))).toBe(true);
  });
});
