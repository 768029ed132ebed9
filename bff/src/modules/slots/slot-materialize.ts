import { MoreThanOrEqual, type EntityManager } from 'typeorm';
import { shanghaiToUtc } from '../../lib/shanghai-time';
import { OrderEntity } from '../orders/order.entity';
import {
  SlotBlackoutEntity,
  SlotEntity,
  SlotOverrideEntity,
  SlotTemplateEntity,
  type ZoneEntity,
} from './slot.entity';

// Slots are generated per zone and day from the templates the first time someone looks at that day
// (SlotsService.ensureDay). These helpers carry later admin changes into days already generated,
// never touching a seat that is booked: a slot with bookings keeps its time and its bookings.

/** The weekday of a `YYYY-MM-DD` date, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Whether a template yields a slot on `date` (active, and its weekday or every day). */
export function appliesOn(t: Pick<SlotTemplateEntity, 'weekday' | 'active'>, date: string): boolean {
  return t.active && (t.weekday === null || t.weekday === weekdayOf(date));
}

/** The cut-off instant of a slot of `t` starting at `startAt`. */
export function cutoffOf(
  zone: Pick<ZoneEntity, 'cutoffMin'>,
  t: Pick<SlotTemplateEntity, 'cutoffMin'>,
  startAt: Date,
): Date {
  return new Date(startAt.getTime() - (t.cutoffMin ?? zone.cutoffMin) * 60_000);
}

/** The slot row a template gives on one day, with that day's capacity override and blackout. */
export function slotRowFor(
  zone: ZoneEntity,
  t: SlotTemplateEntity,
  date: string,
  override: SlotOverrideEntity | undefined,
  blackout: SlotBlackoutEntity | null,
): Omit<SlotEntity, 'id'> {
  const startAt = shanghaiToUtc(date, t.startLocal);
  return {
    zoneId: zone.id,
    date,
    startLocal: t.startLocal,
    endLocal: t.endLocal,
    startAt,
    endAt: shanghaiToUtc(date, t.endLocal),
    cutoffAt: cutoffOf(zone, t, startAt),
    capacity: override ? override.capacity : t.capacity,
    booked: 0,
    blocked: blackout !== null,
    blockReason: blackout?.reason ?? null,
  };
}

/** The days from `fromDate` on whose slots a zone already has. */
export async function generatedDays(m: EntityManager, zoneId: number, fromDate: string): Promise<string[]> {
  const rows = await m
    .getRepository(SlotEntity)
    .createQueryBuilder('s')
    .select('DISTINCT s.date', 'date')
    .where('s.zone_id = :zoneId AND s.date >= :fromDate', { zoneId, fromDate })
    .getRawMany<{ date: string }>();
  return rows.map((r) => r.date).sort();
}

/** Adds a template's slots to the generated days (from `fromDate`) it applies to; existing ones stay. */
export async function addTemplateSlotsIn(
  m: EntityManager,
  zone: ZoneEntity,
  t: SlotTemplateEntity,
  fromDate: string,
): Promise<void> {
  const repo = m.getRepository(SlotEntity);
  for (const date of await generatedDays(m, zone.id, fromDate)) {
    if (!appliesOn(t, date)) continue;
    const [override, blackouts] = await Promise.all([
      m.getRepository(SlotOverrideEntity).findOneBy({ zoneId: zone.id, date, startLocal: t.startLocal }),
      m.getRepository(SlotBlackoutEntity).findBy({ date }),
    ]);
    const row = slotRowFor(
      zone,
      t,
      date,
      override ?? undefined,
      blackouts.find((b) => b.zoneId === null || b.zoneId === zone.id) ?? null,
    );
    if (await repo.existsBy({ zoneId: zone.id, startAt: row.startAt })) continue;
    await repo.insert(row);
  }
}

/**
 * Takes a template's former slots off the generated days from `fromDate`: those nobody booked (and
 * no order names) are deleted; booked ones stay as they are. Answers the slots kept.
 */
export async function retractTemplateSlotsIn(
  m: EntityManager,
  zoneId: number,
  old: SlotTemplateEntity,
  fromDate: string,
): Promise<SlotEntity[]> {
  const repo = m.getRepository(SlotEntity);
  const slots = await repo.findBy({ zoneId, startLocal: old.startLocal, date: MoreThanOrEqual(fromDate) });
  const kept: SlotEntity[] = [];
  for (const s of slots) {
    if (!appliesOn(old, s.date)) continue;
    const named = await m.getRepository(OrderEntity).existsBy({ slotId: s.id });
    if (s.booked > 0 || named) {
      kept.push(s);
      continue;
    }
    await repo.delete({ id: s.id, booked: 0 });
  }
  return kept;
}

/** Blocks the generated slots of a day in one zone (or every zone); booked seats stay booked. */
export async function blackoutSlotsIn(
  m: EntityManager,
  zoneId: number | null,
  date: string,
  reason: string,
): Promise<SlotEntity[]> {
  const qb = m
    .createQueryBuilder()
    .update(SlotEntity)
    .set({ blocked: true, blockReason: reason })
    .where('date = :date', { date });
  if (zoneId !== null) qb.andWhere('zone_id = :zoneId', { zoneId });
  await qb.execute();
  return m.getRepository(SlotEntity).findBy(zoneId === null ? { date } : { date, zoneId });
}

/**
 * After a blackout was lifted: each generated slot of that day (in one zone, or every zone) is
 * blocked again only if another blackout still covers it (its zone's, or the every-zone one).
 */
export async function reapplyBlackoutsIn(
  m: EntityManager,
  zoneId: number | null,
  date: string,
): Promise<SlotEntity[]> {
  const remaining = await m.getRepository(SlotBlackoutEntity).findBy({ date });
  const slots = await m.getRepository(SlotEntity).findBy(zoneId === null ? { date } : { date, zoneId });
  for (const s of slots) {
    const b =
      remaining.find((x) => x.zoneId === s.zoneId) ?? remaining.find((x) => x.zoneId === null) ?? null;
    await m
      .getRepository(SlotEntity)
      .update({ id: s.id }, { blocked: b !== null, blockReason: b?.reason ?? null });
    s.blocked = b !== null;
    s.blockReason = b?.reason ?? null;
  }
  return slots;
}

/** Sets the seats of a generated slot; below what is booked it is simply full (nothing is cancelled). */
export async function setSlotCapacityIn(
  m: EntityManager,
  zoneId: number,
  date: string,
  startLocal: string,
  capacity: number,
): Promise<SlotEntity[]> {
  await m
    .createQueryBuilder()
    .update(SlotEntity)
    .set({ capacity })
    .where('zone_id = :zoneId AND date = :date AND start_local = :startLocal', { zoneId, date, startLocal })
    .execute();
  return m.getRepository(SlotEntity).findBy({ zoneId, date, startLocal });
}

/**
 * Re-derives capacity (where no override is set) and cut-off of a zone's generated slots from
 * `fromDate` after its templates or cut-off changed; booked seats are left alone.
 */
export async function refreshGeneratedSlotsIn(
  m: EntityManager,
  zone: ZoneEntity,
  fromDate: string,
): Promise<void> {
  const [templates, slots, overrides] = await Promise.all([
    m.getRepository(SlotTemplateEntity).findBy({ zoneId: zone.id }),
    m.getRepository(SlotEntity).findBy({ zoneId: zone.id, date: MoreThanOrEqual(fromDate) }),
    m.getRepository(SlotOverrideEntity).findBy({ zoneId: zone.id, date: MoreThanOrEqual(fromDate) }),
  ]);
  for (const s of slots) {
    const t = templates.find((x) => x.startLocal === s.startLocal && appliesOn(x, s.date));
    if (!t) continue;
    const overridden = overrides.some((o) => o.date === s.date && o.startLocal === s.startLocal);
    const capacity = overridden ? s.capacity : t.capacity;
    const cutoffAt = cutoffOf(zone, t, s.startAt);
    if (capacity === s.capacity && cutoffAt.getTime() === s.cutoffAt.getTime()) continue;
    await m.getRepository(SlotEntity).update({ id: s.id }, { capacity, cutoffAt });
  }
}
