import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Job, JobListQuery, JobListResponse } from '@omni/shared-types';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import { ConflictError, NotFoundError } from '../../http/errors';
import type { Logger } from '../../logger';
import { JobEntity } from './job.entity';

/** Thrown by a handler whose work is not finished yet (e.g. WeChat still says PROCESSING): retried later. */
export class RetryLater extends Error {
  constructor(
    message: string,
    /** Seconds until the next try; default: the kind's backoff. */
    readonly afterS?: number,
  ) {
    super(message);
    this.name = 'RetryLater';
  }
}

/** Thrown by a handler when retrying cannot help: the job goes straight to the dead letters. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

/** How one kind of job runs. Handlers must be idempotent: a job may run again after a crash. */
export interface JobKind<P> {
  /** Validates the stored payload; a payload that fails goes to the dead letters with the reason. */
  schema: z.ZodType<P>;
  handle(payload: P, job: { id: number; attempt: number }): Promise<void>;
  /** Default 8. */
  maxAttempts?: number;
  /** Exponential backoff with jitter between tries; default 5 s doubling up to 15 min. */
  backoff?: { baseS: number; maxS: number };
}

/** What `enqueue` may say about when and how often. */
export interface EnqueueOptions {
  runAt?: Date;
  /** At most one job with this key is ever enqueued; later enqueues are ignored. */
  dedupeKey?: string;
}

const DEFAULT_BACKOFF = { baseS: 5, maxS: 15 * 60 };
const LEASE_S = 120;
const ERROR_MAX = 500;

/** Seconds to wait before try `attempt + 1`: doubling from `baseS`, capped, half of it random ("equal jitter"). */
export function backoffS(attempt: number, b: { baseS: number; maxS: number }, random = Math.random): number {
  const full = Math.min(b.maxS, b.baseS * 2 ** Math.max(0, attempt - 1));
  return full / 2 + random() * (full / 2);
}

/**
 * Durable jobs in the database, exactly once across instances: a job is claimed by a conditional
 * UPDATE that sets a lease; an instance that dies mid-job loses its lease and another takes over.
 */
export class JobsService {
  private readonly kinds = new Map<string, JobKind<unknown>>();
  private readonly owner: string;
  private running: Promise<number> | null = null;
  private pokeTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      clock: Clock;
      log: Logger;
      /** Told once per job that lands in the dead letters. */
      onDead?: (job: JobEntity) => void;
      /** Run jobs soon after they are enqueued (off when tests drive `runDue` themselves). */
      autoRun?: boolean;
    },
  ) {
    this.owner = `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(3).toString('hex')}`;
  }

  /** Declares how jobs of `kind` run. */
  register<P>(kind: string, def: JobKind<P>): void {
    this.kinds.set(kind, def as JobKind<unknown>);
  }

  /** Writes a job inside the caller's transaction, so it exists exactly when the change that needs it commits. */
  async enqueue(m: EntityManager, kind: string, payload: unknown, opts: EnqueueOptions = {}): Promise<void> {
    const def = this.kinds.get(kind);
    if (!def) throw new Error(`enqueue of an unregistered job kind: ${kind}`);
    const now = this.deps.clock.now();
    const q = m
      .createQueryBuilder()
      .insert()
      .into(JobEntity)
      .values({
        kind,
        payload: JSON.stringify(payload),
        dedupeKey: opts.dedupeKey ?? null,
        status: 'pending',
        runAt: opts.runAt ?? now,
        attempts: 0,
        maxAttempts: def.maxAttempts ?? 8,
        createdAt: now,
        updatedAt: now,
      });
    // INSERT IGNORE / INSERT OR IGNORE: a second enqueue of the same key is a no-op, not an error.
    await (opts.dedupeKey ? q.orIgnore() : q).execute();
    this.poke();
  }

  /** Asks this instance to look for due jobs soon (after the enqueuing transaction has committed). */
  poke(): void {
    if (this.stopped || this.pokeTimer || this.deps.autoRun === false) return;
    this.pokeTimer = setTimeout(() => {
      this.pokeTimer = null;
      void this.runDue().catch((err: unknown) => this.deps.log.error({ err }, 'jobs run failed'));
    }, 20);
    this.pokeTimer.unref();
  }

  /** Claims and runs due jobs until none is left (or `limit` ran); returns how many ran. Never two runs at once here. */
  async runDue(limit = 1000): Promise<number> {
    while (this.running) await this.running.catch(() => 0);
    this.running = this.drain(limit);
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  /** Stops poking (on shutdown); a running job finishes. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pokeTimer) clearTimeout(this.pokeTimer);
    await this.running?.catch(() => 0);
  }

  private async drain(limit: number): Promise<number> {
    let ran = 0;
    while (ran < limit) {
      const job = await this.claimNext();
      if (!job) break;
      ran++;
      await this.execute(job);
    }
    return ran;
  }

  private async claimNext(): Promise<JobEntity | null> {
    for (let tries = 0; tries < 5; tries++) {
      const now = this.deps.clock.now();
      const candidates = await this.deps.db
        .getRepository(JobEntity)
        .createQueryBuilder('j')
        .where(this.dueClause(now))
        .orderBy('j.run_at', 'ASC')
        .addOrderBy('j.id', 'ASC')
        .limit(5)
        .getMany();
      if (!candidates.length) return null;
      for (const c of candidates) {
        const leaseUntil = new Date(now.getTime() + LEASE_S * 1000);
        const won = await this.deps.tx.run(async (m) => {
          const res = await m
            .createQueryBuilder()
            .update(JobEntity)
            .set({
              status: 'running',
              leaseOwner: this.owner,
              leaseUntil,
              attempts: () => 'attempts + 1',
              updatedAt: now,
            })
            .where('id = :id', { id: c.id })
            .andWhere(this.dueClause(now))
            .execute();
          return res.affected === 1;
        });
        if (won) return this.deps.db.getRepository(JobEntity).findOneByOrFail({ id: c.id });
      }
    }
    return null;
  }

  private dueClause(now: Date): Brackets {
    return new Brackets((w) => {
      w.where("(status = 'pending' AND run_at <= :now)", { now }).orWhere(
        "(status = 'running' AND lease_until < :now)",
        { now },
      );
    });
  }

  private async execute(job: JobEntity): Promise<void> {
    const def = this.kinds.get(job.kind);
    if (!def) return this.finish(job, 'dead', `没有处理这种任务的程序: ${job.kind}`);
    if (job.attempts > job.maxAttempts) {
      return this.finish(job, 'dead', `租约多次过期（处理进程中断）: ${job.lastError ?? ''}`);
    }
    let payload: unknown;
    try {
      payload = def.schema.parse(JSON.parse(job.payload));
    } catch (e) {
      return this.finish(job, 'dead', `任务内容无效: ${(e as Error).message}`);
    }
    try {
      await def.handle(payload, { id: job.id, attempt: job.attempts });
      await this.finish(job, 'done', null);
    } catch (err) {
      const message = (err as Error).message || String(err);
      if (err instanceof PermanentJobError || job.attempts >= job.maxAttempts) {
        this.deps.log.warn({ err, jobId: job.id, kind: job.kind }, 'job dead-lettered');
        return this.finish(job, 'dead', message);
      }
      if (!(err instanceof RetryLater))
        this.deps.log.warn({ err, jobId: job.id, kind: job.kind }, 'job failed');
      const waitS =
        err instanceof RetryLater && err.afterS !== undefined
          ? err.afterS
          : backoffS(job.attempts, def.backoff ?? DEFAULT_BACKOFF);
      await this.release(job, new Date(this.deps.clock.now().getTime() + waitS * 1000), message);
    }
  }

  private async finish(job: JobEntity, status: 'done' | 'dead', error: string | null): Promise<void> {
    const now = this.deps.clock.now();
    const ok = await this.deps.tx.run(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(JobEntity)
        .set({
          status,
          leaseOwner: null,
          leaseUntil: null,
          finishedAt: now,
          updatedAt: now,
          ...(error !== null ? { lastError: error.slice(0, ERROR_MAX) } : {}),
        })
        .where('id = :id AND lease_owner = :me AND status = :running', {
          id: job.id,
          me: this.owner,
          running: 'running',
        })
        .execute();
      return res.affected === 1;
    });
    if (ok && status === 'dead') this.deps.onDead?.({ ...job, status, lastError: error });
  }

  private async release(job: JobEntity, runAt: Date, error: string): Promise<void> {
    await this.deps.tx.run((m) =>
      m
        .createQueryBuilder()
        .update(JobEntity)
        .set({
          status: 'pending',
          runAt,
          leaseOwner: null,
          leaseUntil: null,
          lastError: error.slice(0, ERROR_MAX),
          updatedAt: this.deps.clock.now(),
        })
        .where('id = :id AND lease_owner = :me AND status = :running', {
          id: job.id,
          me: this.owner,
          running: 'running',
        })
        .execute(),
    );
  }

  /** Jobs for the admin list, newest first. */
  async list(q: JobListQuery): Promise<JobListResponse> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const [rows, total] = await this.deps.db.getRepository(JobEntity).findAndCount({
      where: { ...(q.status ? { status: q.status } : {}), ...(q.kind ? { kind: q.kind } : {}) },
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toJob), total, page, pageSize };
  }

  /** Re-drives a dead letter: it runs again from its first attempt. */
  async retry(id: number): Promise<Job> {
    const now = this.deps.clock.now();
    const moved = await this.deps.tx.run(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(JobEntity)
        .set({ status: 'pending', attempts: 0, runAt: now, finishedAt: null, updatedAt: now })
        .where('id = :id AND status = :dead', { id, dead: 'dead' })
        .execute();
      return res.affected === 1;
    });
    const row = await this.deps.db.getRepository(JobEntity).findOneBy({ id });
    if (!row) throw new NotFoundError('JOB_NOT_FOUND', '任务不存在');
    if (!moved) throw new ConflictError('INVALID_STATE', '只有失败（dead）的任务可以重试');
    this.poke();
    return toJob(row);
  }
}

function toJob(j: JobEntity): Job {
  let payload: unknown = j.payload;
  try {
    payload = JSON.parse(j.payload);
  } catch {
    // shown as stored
  }
  return {
    id: j.id,
    kind: j.kind,
    payload,
    status: j.status,
    runAt: j.runAt.toISOString(),
    attempts: j.attempts,
    maxAttempts: j.maxAttempts,
    leaseOwner: j.leaseOwner,
    leaseUntil: j.leaseUntil?.toISOString() ?? null,
    lastError: j.lastError,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}
