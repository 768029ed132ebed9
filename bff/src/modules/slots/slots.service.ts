import type { DataSource, EntityManager } from 'typeorm';
import type { LatLng, Slot, SlotsResponse, SlotUnavailableReason, ZoneSummary } from '@omni/shared-types';
import { haversineM, pointInPolygon } from '../../algorithms/geo';
import type { Clock } from '../../clock';
import { isUniqueViolation } from '../../db/tx';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../../http/errors';
import { addDays, daysBetween, shanghaiDate } from '../../lib/shanghai-time';
import { StoreEntity } from '../stores/store.entity';
import {
  SlotBlackoutEntity,
  SlotEntity,
  SlotOverrideEntity,
  SlotTemplateEntity,
  ZoneEntity,
} from './slot.entity';
import { appliesOn, slotRowFor } from './slot-materialize';

/** How many days ahead (today included) slots can be seen and booked. */
export const BOOKING_WINDOW_DAYS = 14;

function reasonOf(s: SlotEntity, now: Date): SlotUnavailableReason | null {
  if (s.blocked) return 'BLACKOUT';
  if (s.cutoffAt.getTime() <= now.getTime()) return 'CUTOFF_PASSED';
  if (s.booked >= s.capacity) return 'FULL';
  return null;
}

/** Maps a slot entity to the wire shape at time `now`. */
export function toSlot(s: SlotEntity, now: Date): Slot {
  const reason = reasonOf(s, now);
  return {
    id: s.id,
    zoneId: s.zoneId,
    date: s.date,
    label: `${s.startLocal}-${s.endLocal}`,
    startAt: s.startAt.toISOString(),
    endAt: s.endAt.toISOString(),
    cutoffAt: s.cutoffAt.toISOString(),
    capacity: s.capacity,
    remaining: Math.max(0, s.capacity - s.booked),
    bookable: reason === null,
    reason,
  };
}

/** Delivery zones, their daily slots, and the seat counter of each slot. */
export class SlotsService {
  constructor(private readonly deps: { db: DataSource; clock: Clock }) {}

  /** The active zone covering `p` (GCJ-02); the nearest store's zone where zones overlap. */
  async zoneAt(p: LatLng): Promise<{ zone: ZoneEntity; store: StoreEntity }> {
    const zones = await this.deps.db.getRepository(ZoneEntity).findBy({ active: true });
    const stores = await this.deps.db.getRepository(StoreEntity).findBy({ active: true });
    const byId = new Map(stores.map((s) => [s.id, s]));
    let best: { zone: ZoneEntity; store: StoreEntity; d: number } | null = null;
    for (const zone of zones) {
      const store = byId.get(zone.storeId);
      if (!store || !pointInPolygon(p, zone.polygon)) continue;
      const d = haversineM(p, store);
      if (!best || d < best.d) best = { zone, store, d };
    }
    if (!best) throw new UnprocessableError('OUT_OF_DELIVERY_AREA', '该地址不在配送范围内，可以选择到店自提');
    return best;
  }

  /** The zone's slots of a Shanghai local day (default today), created from templates on first sight. */
  async forPoint(p: LatLng, date: string | undefined): Promise<SlotsResponse> {
    const now = this.deps.clock.now();
    const today = shanghaiDate(now);
    const day = date ?? today;
    const ahead = daysBetween(today, day);
    if (ahead < 0 || ahead >= BOOKING_WINDOW_DAYS) {
      throw new ValidationError(`只能预约今天起 ${BOOKING_WINDOW_DAYS} 天内的时段`, [
        { path: 'date', message: `must be between ${today} and ${addDays(today, BOOKING_WINDOW_DAYS - 1)}` },
      ]);
    }
    const { zone, store } = await this.zoneAt(p);
    const slots = await this.ensureDay(zone, day);
    return { zone: toZone(zone, store), date: day, slots: slots.map((s) => toSlot(s, now)) };
  }

  /** Creates a zone's slots for one day from its templates, overrides and blackouts (idempotent). */
  async ensureDay(zone: ZoneEntity, date: string): Promise<SlotEntity[]> {
    const repo = this.deps.db.getRepository(SlotEntity);
    const existing = await repo.find({ where: { zoneId: zone.id, date }, order: { startAt: 'ASC' } });
    if (existing.length) return existing;
    const [templates, overrides, blackouts] = await Promise.all([
      this.deps.db
        .getRepository(SlotTemplateEntity)
        .find({ where: { zoneId: zone.id }, order: { startLocal: 'ASC' } }),
      this.deps.db.getRepository(SlotOverrideEntity).findBy({ zoneId: zone.id, date }),
      this.deps.db.getRepository(SlotBlackoutEntity).findBy({ date }),
    ]);
    const blackout = blackouts.find((b) => b.zoneId === null || b.zoneId === zone.id) ?? null;
    for (const t of templates) {
      if (!appliesOn(t, date)) continue; // another weekday's template, or switched off
      const override = overrides.find((o) => o.startLocal === t.startLocal);
      try {
        await repo.insert(slotRowFor(zone, t, date, override, blackout));
      } catch (err) {
        if (!isUniqueViolation(err)) throw err; // another request created it first
      }
    }
    return repo.find({ where: { zoneId: zone.id, date }, order: { startAt: 'ASC' } });
  }

  /** Takes one seat of a slot of `zoneId`, or throws SLOT_FULL / SLOT_CUTOFF_PASSED / SLOT_ZONE_MISMATCH. */
  async reserve(m: EntityManager, slotId: number, zoneId: number): Promise<SlotEntity> {
    const now = this.deps.clock.now();
    const res = await m
      .createQueryBuilder()
      .update(SlotEntity)
      .set({ booked: () => 'booked + 1' })
      .where(
        'id = :slotId AND zone_id = :zoneId AND booked < capacity AND blocked = :no AND cutoff_at > :now',
        {
          slotId,
          zoneId,
          no: false,
          now,
        },
      )
      .execute();
    const slot = await m.getRepository(SlotEntity).findOneBy({ id: slotId });
    if (!slot) throw new UnprocessableError('SLOT_NOT_FOUND', '配送时段不存在', { slotId });
    if (res.affected === 1) return slot;
    if (slot.zoneId !== zoneId) {
      throw new UnprocessableError('SLOT_ZONE_MISMATCH', '该时段不属于收货地址所在的配送区', { slotId });
    }
    const reason = reasonOf(slot, now);
    if (reason === 'CUTOFF_PASSED' || reason === 'BLACKOUT') {
      throw new ConflictError('SLOT_CUTOFF_PASSED', '该时段已截止预约，请选择其他时段', { slotId, reason });
    }
    throw new ConflictError('SLOT_FULL', '该时段已约满，请选择其他时段', { slotId });
  }

  /**
   * Throws the error `reserve` would throw if the slot is plainly not bookable now; a cheap read
   * that spares doomed requests a transaction. `reserve`'s conditional UPDATE still decides.
   */
  async precheck(slotId: number, zoneId: number): Promise<void> {
    const slot = await this.deps.db.getRepository(SlotEntity).findOneBy({ id: slotId });
    if (!slot) throw new UnprocessableError('SLOT_NOT_FOUND', '配送时段不存在', { slotId });
    if (slot.zoneId !== zoneId) {
      throw new UnprocessableError('SLOT_ZONE_MISMATCH', '该时段不属于收货地址所在的配送区', { slotId });
    }
    const reason = reasonOf(slot, this.deps.clock.now());
    if (reason === 'CUTOFF_PASSED' || reason === 'BLACKOUT') {
      throw new ConflictError('SLOT_CUTOFF_PASSED', '该时段已截止预约，请选择其他时段', { slotId, reason });
    }
    if (reason === 'FULL') throw new ConflictError('SLOT_FULL', '该时段已约满，请选择其他时段', { slotId });
  }

  /** Gives one seat back (never below zero). */
  async release(m: EntityManager, slotId: number): Promise<void> {
    await m
      .createQueryBuilder()
      .update(SlotEntity)
      .set({ booked: () => 'booked - 1' })
      .where('id = :slotId AND booked > 0', { slotId })
      .execute();
  }

  /** A slot by id, or 404. */
  async byId(slotId: number, m?: EntityManager): Promise<SlotEntity> {
    const slot = await (m ?? this.deps.db.manager).getRepository(SlotEntity).findOneBy({ id: slotId });
    if (!slot) throw new NotFoundError('SLOT_NOT_FOUND', '配送时段不存在');
    return slot;
  }

  /** A zone by id. */
  zoneById(id: number): Promise<ZoneEntity | null> {
    return this.deps.db.getRepository(ZoneEntity).findOneBy({ id });
  }
}

/** Maps a zone and its store to the wire shape. */
export function toZone(zone: ZoneEntity, store: StoreEntity): ZoneSummary {
  return {
    id: zone.id,
    name: zone.name,
    storeId: store.id,
    storeName: store.name,
    feeFen: zone.feeFen,
    freeThresholdFen: zone.freeThresholdFen,
    cutoffMin: zone.cutoffMin,
  };
}
