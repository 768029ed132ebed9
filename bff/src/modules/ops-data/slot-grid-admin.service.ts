import { Between, type DataSource } from 'typeorm';
import type { AdminSlotCell, AdminSlotGridQuery, AdminSlotGridResponse } from '@omni/shared-types';
import type { Clock } from '../../clock';
import type { Principal } from '../../http/context';
import { NotFoundError } from '../../http/errors';
import { assertStoreAccess } from '../../http/permissions';
import { addDays, shanghaiDate } from '../../lib/shanghai-time';
import { appliesOn, slotRowFor, weekdayOf } from '../slots/slot-materialize';
import {
  SlotBlackoutEntity,
  SlotEntity,
  SlotOverrideEntity,
  SlotTemplateEntity,
  ZoneEntity,
} from '../slots/slot.entity';
import { StoreExceptionEntity } from '../stores/store-exception.entity';
import { StoreEntity } from '../stores/store.entity';
import { anyOf } from './any-of';

/** Days shown when the query names none. */
export const SLOT_GRID_DEFAULT_DAYS = 7;

const zoneNotFound = () => new NotFoundError('ZONE_NOT_FOUND', '配送区不存在');
const storeNotFound = () => new NotFoundError('STORE_NOT_FOUND', '门店不存在');

/**
 * The back office's week view of a store's delivery slots: booked/capacity per zone, day and slot.
 * A pure read: days nobody has opened yet are projected from the templates (nothing is generated).
 */
export class SlotGridAdminService {
  constructor(private readonly deps: { db: DataSource; clock: Clock }) {}

  /** The grid of one store's zones (or one zone) the caller may see; other stores' answer 404. */
  async grid(p: Principal, q: AdminSlotGridQuery): Promise<AdminSlotGridResponse> {
    const db = this.deps.db;
    let zones: ZoneEntity[];
    let storeId: number;
    if (q.zoneId !== undefined) {
      const zone = await db.getRepository(ZoneEntity).findOneBy({ id: q.zoneId });
      if (!zone || (q.storeId !== undefined && zone.storeId !== q.storeId)) throw zoneNotFound();
      assertStoreAccess(p, zone.storeId, zoneNotFound);
      zones = [zone];
      storeId = zone.storeId;
    } else {
      storeId = q.storeId!;
      assertStoreAccess(p, storeId, storeNotFound);
      if (!(await db.getRepository(StoreEntity).existsBy({ id: storeId }))) throw storeNotFound();
      zones = await db.getRepository(ZoneEntity).find({ where: { storeId }, order: { id: 'ASC' } });
    }
    const from = q.from ?? shanghaiDate(this.deps.clock.now());
    const dates = Array.from({ length: q.days ?? SLOT_GRID_DEFAULT_DAYS }, (_, i) => addDays(from, i));
    const range = Between(from, dates[dates.length - 1]);
    const zoneIds = zones.map((z) => z.id);
    const [templates, slots, overrides, blackouts, closed] = await Promise.all([
      db.getRepository(SlotTemplateEntity).find({
        where: { zoneId: anyOf(zoneIds) },
        order: { startLocal: 'ASC' },
      }),
      db.getRepository(SlotEntity).find({
        where: { zoneId: anyOf(zoneIds), date: range },
        order: { startAt: 'ASC' },
      }),
      db.getRepository(SlotOverrideEntity).findBy({ zoneId: anyOf(zoneIds), date: range }),
      db.getRepository(SlotBlackoutEntity).findBy({ date: range }),
      db.getRepository(StoreExceptionEntity).findBy({ storeId, closed: true, date: range }),
    ]);
    const closedDates = new Set(closed.map((c) => c.date));
    const cells: AdminSlotCell[] = [];
    for (const zone of zones) {
      for (const date of dates) {
        const overrideAt = (startLocal: string) =>
          overrides.find((o) => o.zoneId === zone.id && o.date === date && o.startLocal === startLocal);
        const generated = slots.filter((s) => s.zoneId === zone.id && s.date === date);
        if (generated.length) {
          for (const s of generated)
            cells.push(cellOf(s, s.id, true, overrideAt(s.startLocal) !== undefined));
          continue;
        }
        const blackout =
          blackouts.find((b) => b.date === date && b.zoneId === zone.id) ??
          blackouts.find((b) => b.date === date && b.zoneId === null) ??
          null;
        for (const t of templates) {
          if (t.zoneId !== zone.id || !appliesOn(t, date)) continue;
          const override = overrideAt(t.startLocal);
          cells.push(cellOf(slotRowFor(zone, t, date, override, blackout), null, false, !!override));
        }
      }
    }
    return {
      storeId,
      from,
      days: dates.map((date) => ({ date, weekday: weekdayOf(date), storeClosed: closedDates.has(date) })),
      zones: zones.map((z) => ({ id: z.id, name: z.name, active: z.active, cutoffMin: z.cutoffMin })),
      cells,
    };
  }
}

function cellOf(
  s: Omit<SlotEntity, 'id'>,
  slotId: number | null,
  generated: boolean,
  overridden: boolean,
): AdminSlotCell {
  return {
    zoneId: s.zoneId,
    slotId,
    date: s.date,
    startLocal: s.startLocal,
    endLocal: s.endLocal,
    capacity: s.capacity,
    booked: s.booked,
    blocked: s.blocked,
    blockReason: s.blockReason,
    cutoffAt: s.cutoffAt.toISOString(),
    generated,
    overridden,
  };
}
