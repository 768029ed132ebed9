import { z } from 'zod';
import { JobEntity } from '../src/modules/jobs/job.entity';
import { JobsService, RetryLater, backoffS } from '../src/modules/jobs/jobs.service';
import { createTxRunner } from '../src/db/tx';
import { createLogger } from '../src/logger';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { MORNING, MutableClock } from './fixtures';

describe('backoffS', () => {
  it('doubles from the base, is capped, and keeps half of it random', () => {
    const b = { baseS: 10, maxS: 100 };
    expect(backoffS(1, b, () => 0)).toBe(5);
    expect(backoffS(1, b, () => 1)).toBe(10);
    expect(backoffS(3, b, () => 1)).toBe(40);
    expect(backoffS(9, b, () => 1)).toBe(100);
    expect(backoffS(9, b, () => 0)).toBe(50);
  });
});

describe.each(DB_TARGETS)('durable jobs on $name', (target) => {
  let t: TestApp;
  let clock: MutableClock;
  const log = createLogger('silent');
  /** Two "instances": separate runners with their own lease owner on one database. */
  let kind = 'test.count';
  /** Two "instances": separate runners with their own lease owner on one database; each test its own kind. */
  const instances = (handle: (p: { n: number }) => Promise<void>, maxAttempts = 3) => {
    kind = `test.${expect.getState().currentTestName!.length}.${Math.random().toString(36).slice(2, 8)}`;
    // One transaction queue: on SQLite both share one connection (separate processes in production).
    const tx = createTxRunner(t.container.db, t.container.dbKind);
    return [1, 2].map(() => {
      const j = new JobsService({ db: t.container.db, tx, clock, log });
      j.register(kind, {
        schema: z.object({ n: z.number() }),
        handle,
        maxAttempts,
        backoff: { baseS: 60, maxS: 60 },
      });
      return j;
    });
  };
  const enqueue = (j: JobsService, n: number, dedupeKey?: string) =>
    t.container.db.transaction((m) => j.enqueue(m, kind, { n }, { dedupeKey }));

  beforeAll(async () => {
    clock = new MutableClock(new Date(MORNING));
    t = await startTestApp(target, { clock, seed: false, env: { JOBS_INTERVAL_S: '0' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs each job exactly once when two instances drain at the same time', async () => {
    const seen: number[] = [];
    const [a, b] = instances(async (p) => {
      seen.push(p.n);
      await new Promise((ok) => setTimeout(ok, 5));
    });
    for (let n = 0; n < 20; n++) await enqueue(a, n);
    await Promise.all([a.runDue(), b.runDue()]);
    expect(seen.sort((x, y) => x - y)).toEqual([...Array(20).keys()]);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('enqueues a deduplicated job once however often it is asked', async () => {
    const [a] = instances(async () => undefined);
    await enqueue(a, 1, 'once:1');
    await enqueue(a, 2, 'once:1');
    expect(await t.container.db.getRepository(JobEntity).countBy({ dedupeKey: 'once:1' })).toBe(1);
    await a.stop();
  });

  it('retries with backoff, then dead-letters with the last error', async () => {
    let calls = 0;
    const [a] = instances(async () => {
      calls++;
      throw new Error(`WeChat down (${calls})`);
    }, 2);
    await enqueue(a, 99, 'fails:99');
    await a.runDue();
    let row = await t.container.db.getRepository(JobEntity).findOneByOrFail({ dedupeKey: 'fails:99' });
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'WeChat down (1)' });
    await a.runDue();
    expect(calls).toBe(1); // not due yet
    clock.advanceMin(2);
    await a.runDue();
    row = await t.container.db.getRepository(JobEntity).findOneByOrFail({ dedupeKey: 'fails:99' });
    expect(row).toMatchObject({ status: 'dead', attempts: 2, lastError: 'WeChat down (2)' });
    await a.stop();
  });

  it('takes over a job whose instance died mid-run once its lease expires', async () => {
    let calls = 0;
    const [a, b] = instances(async () => {
      calls++;
    });
    await enqueue(a, 7, 'lease:7');
    // Instance A claims the job and then "dies" (its lease stays, the job never finishes).
    await t.container.db
      .createQueryBuilder()
      .update(JobEntity)
      .set({
        status: 'running',
        leaseOwner: 'dead-instance',
        leaseUntil: new Date(clock.now().getTime() + 60_000),
        attempts: 1,
      })
      .where('dedupe_key = :k', { k: 'lease:7' })
      .execute();
    await b.runDue();
    expect(calls).toBe(0);
    clock.advanceMin(3);
    await b.runDue();
    expect(calls).toBe(1);
    expect(
      (await t.container.db.getRepository(JobEntity).findOneByOrFail({ dedupeKey: 'lease:7' })).status,
    ).toBe('done');
    await Promise.all([a.stop(), b.stop()]);
  });

  it('dead-letters a payload its handler cannot read, with the reason', async () => {
    const [a] = instances(async () => {
      throw new RetryLater('never reached');
    });
    const now = clock.now();
    await t.container.db.getRepository(JobEntity).insert({
      kind,
      payload: '{"n":"not a number"}',
      dedupeKey: 'bad:1',
      status: 'pending',
      runAt: now,
      attempts: 0,
      maxAttempts: 3,
      createdAt: now,
      updatedAt: now,
    });
    await a.runDue();
    const row = await t.container.db.getRepository(JobEntity).findOneByOrFail({ dedupeKey: 'bad:1' });
    expect(row.status).toBe('dead');
    expect(row.lastError).toMatch(/任务内容无效/);
    await a.stop();
  });
});
