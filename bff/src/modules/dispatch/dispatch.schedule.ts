import { Between, In, MoreThan, type DataSource } from 'typeorm';
import { isUniqueViolation, type TxRunner } from '../../db/tx';
import type { Logger } from '../../logger';
import { SlotEntity, ZoneEntity } from '../slots/slot.entity';
import { DispatchRunEntity } from './dispatch.entity';

/** How far back scheduled dispatch looks for slot cut-offs it has not acted on. */
const SCHEDULE_LOOKBACK_MS = 6 * 3600_000;
/** A claimed run still without a plan after this long was abandoned (its instance died). */
const STALE_CLAIM_MS = 10 * 60_000;

/** What scheduled dispatch needs: the database and how to plan one store's day (returns the plan id). */
export interface ScheduleDeps {
  db: DataSource;
  tx: TxRunner;
  log: Logger;
  plan: (storeId: number, date: string) => Promise<number>;
}

/**
 * Plans each store and day once per slot cut-off that has passed (within the last six hours),
 * claimed through a unique key so that with several instances each runs once. Returns plans made.
 * The lead's jobs loop calls it with the clock's now.
 */
export async function runScheduledDispatch(deps: ScheduleDeps, now: Date): Promise<number> {
  const slots = await deps.db.getRepository(SlotEntity).find({
    where: {
      cutoffAt: Between(new Date(now.getTime() - SCHEDULE_LOOKBACK_MS), now),
      booked: MoreThan(0),
    },
  });
  if (!slots.length) return 0;
  const zones = await deps.db
    .getRepository(ZoneEntity)
    .findBy({ id: In([...new Set(slots.map((s) => s.zoneId))]) });
  const storeOf = new Map(zones.map((z) => [z.id, z.storeId]));
  const runs = new Map<string, { storeId: number; date: string }>();
  for (const s of slots) {
    const storeId = storeOf.get(s.zoneId);
    if (storeId !== undefined) {
      runs.set(`${storeId}|${s.date}|${s.cutoffAt.toISOString()}`, { storeId, date: s.date });
    }
  }
  let planned = 0;
  for (const [runKey, { storeId, date }] of runs) {
    if (!(await claimRun(deps, runKey, storeId, date, now))) continue;
    try {
      const planId = await deps.plan(storeId, date);
      await deps.tx.run((m) => m.getRepository(DispatchRunEntity).update({ runKey }, { planId }));
      planned++;
    } catch (err) {
      deps.log.error({ err, storeId, date }, 'scheduled dispatch failed; will retry');
      await deps.tx.run((m) => m.getRepository(DispatchRunEntity).delete({ runKey }));
    }
  }
  return planned;
}

/**
 * Takes the run `runKey`: a new row wins; an existing row is taken over only when its claimant
 * left it unfinished (no plan) for longer than STALE_CLAIM_MS, e.g. an instance died mid-plan.
 */
async function claimRun(
  deps: ScheduleDeps,
  runKey: string,
  storeId: number,
  date: string,
  now: Date,
): Promise<boolean> {
  try {
    await deps.tx.run((m) =>
      m.getRepository(DispatchRunEntity).insert({ runKey, storeId, date, planId: null, createdAt: now }),
    );
    return true;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  const res = await deps.tx.run((m) =>
    m
      .createQueryBuilder()
      .update(DispatchRunEntity)
      .set({ createdAt: now })
      .where('run_key = :runKey AND plan_id IS NULL AND created_at < :stale', {
        runKey,
        stale: new Date(now.getTime() - STALE_CLAIM_MS),
      })
      .execute(),
  );
  return res.affected === 1;
}
