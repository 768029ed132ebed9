import {
  Between,
  IsNull,
  LessThanOrEqual,
  MoreThanOrEqual,
  type DataSource,
  type EntityManager,
} from 'typeorm';
import type {
  AdminSlotOverride,
  AdminSlotOverrideBody,
  AdminSlotOverrideListQuery,
  AdminSlotOverrideListResponse,
  AdminSlotOverrideResponse,
  AdminSlotTemplate,
  AdminSlotTemplateCreateBody,
  AdminSlotTemplateListQuery,
  AdminSlotTemplateListResponse,
  AdminSlotTemplatePatchBody,
} from '@omni/shared-types';
import type { Clock } from '../../clock';
import { isUniqueViolation, type TxRunner } from '../../db/tx';
import type { Principal } from '../../http/context';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
  ValidationError,
} from '../../http/errors';
import { assertStoreAccess, storeScopeOf } from '../../http/permissions';
import { shanghaiDate } from '../../lib/shanghai-time';
import type { AuditActor, AuditService } from '../audit/audit.service';
import { updateVersioned } from '../audit/versioned';
import { anyOf } from './any-of';
import {
  addTemplateSlotsIn,
  appliesOn,
  blackoutSlotsIn,
  reapplyBlackoutsIn,
  refreshGeneratedSlotsIn,
  retractTemplateSlotsIn,
  setSlotCapacityIn,
} from '../slots/slot-materialize';
import {
  SlotBlackoutEntity,
  SlotEntity,
  SlotOverrideEntity,
  SlotTemplateEntity,
  ZoneEntity,
} from '../slots/slot.entity';

const zoneNotFound = () => new NotFoundError('ZONE_NOT_FOUND', '配送区不存在');
const templateNotFound = () => new NotFoundError('SLOT_TEMPLATE_NOT_FOUND', '时段模板不存在');

/** Maps a template to the back-office shape. */
export function toAdminTemplate(t: SlotTemplateEntity): AdminSlotTemplate {
  return {
    id: t.id,
    zoneId: t.zoneId,
    weekday: t.weekday,
    startLocal: t.startLocal,
    endLocal: t.endLocal,
    capacity: t.capacity,
    cutoffMin: t.cutoffMin,
    active: t.active,
    version: t.version,
  };
}

type TemplateShape = Pick<SlotTemplateEntity, 'weekday' | 'startLocal' | 'endLocal' | 'active'>;

/** Two active templates of one zone clash when they can fall on the same day and their times overlap. */
export function templatesOverlap(a: TemplateShape, b: TemplateShape): boolean {
  if (!a.active || !b.active) return false;
  if (a.weekday !== null && b.weekday !== null && a.weekday !== b.weekday) return false;
  return a.startLocal < b.endLocal && b.startLocal < a.endLocal;
}

function blackoutView(b: SlotBlackoutEntity): AdminSlotOverride {
  return { kind: 'blackout', id: b.id, zoneId: b.zoneId, date: b.date, reason: b.reason };
}
function capacityView(o: SlotOverrideEntity): AdminSlotOverride {
  return {
    kind: 'capacity',
    id: o.id,
    zoneId: o.zoneId,
    date: o.date,
    startLocal: o.startLocal,
    capacity: o.capacity,
  };
}

/**
 * Slot templates per zone and weekday, blackouts and per-day capacity overrides. Each write also
 * reaches the days whose slots were already generated, and never cancels a booked seat.
 */
export class SlotsAdminService {
  constructor(private readonly deps: { db: DataSource; tx: TxRunner; audit: AuditService; clock: Clock }) {}

  private today(): string {
    return shanghaiDate(this.deps.clock.now());
  }

  /** The zone, if the caller may manage it (a store manager: its store's zones), else 404. */
  private async zoneFor(m: EntityManager, p: Principal, zoneId: number): Promise<ZoneEntity> {
    const zone = await m.getRepository(ZoneEntity).findOneBy({ id: zoneId });
    if (!zone) throw zoneNotFound();
    assertStoreAccess(p, zone.storeId, zoneNotFound);
    return zone;
  }

  /** Zone ids the caller may see; null = all. */
  private async zoneScope(p: Principal): Promise<number[] | null> {
    const stores = storeScopeOf(p);
    if (!stores) return null;
    if (!stores.length) return [];
    return (await this.deps.db.getRepository(ZoneEntity).findBy({ storeId: anyOf(stores) })).map((z) => z.id);
  }

  /** Serialises template writes of one zone (a row lock on MySQL; SQLite runs one transaction at a time). */
  private async lockZone(m: EntityManager, zoneId: number): Promise<void> {
    await m.query('UPDATE delivery_zones SET version = version WHERE id = ?', [zoneId]);
  }

  private async assertNoOverlap(
    m: EntityManager,
    t: TemplateShape & { zoneId: number; id?: number },
  ): Promise<void> {
    const others = await m.getRepository(SlotTemplateEntity).findBy({ zoneId: t.zoneId });
    const clash = others.find((o) => o.id !== t.id && templatesOverlap(o, t));
    if (clash) {
      const day = clash.weekday === null ? '每天' : `周${'日一二三四五六'[clash.weekday]}`;
      throw new ConflictError(
        'SLOT_TEMPLATE_OVERLAP',
        `与已有时段 ${day} ${clash.startLocal}-${clash.endLocal} 重叠`,
        { conflictWith: toAdminTemplate(clash) },
      );
    }
  }

  /** Templates of the zones the caller may see. */
  async listTemplates(p: Principal, q: AdminSlotTemplateListQuery): Promise<AdminSlotTemplateListResponse> {
    const scope = await this.zoneScope(p);
    const where: Record<string, unknown> = {};
    if (scope) where.zoneId = anyOf(q.zoneId ? scope.filter((z) => z === q.zoneId) : scope);
    else if (q.zoneId) where.zoneId = q.zoneId;
    if (q.weekday !== undefined) where.weekday = q.weekday;
    const [rows, total] = await this.deps.db.getRepository(SlotTemplateEntity).findAndCount({
      where,
      order: { zoneId: 'ASC', startLocal: 'ASC', id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return { items: rows.map(toAdminTemplate), total, page: q.page, pageSize: q.pageSize };
  }

  /** Adds a template; days already generated get its slot too. */
  async createTemplate(actor: AuditActor, body: AdminSlotTemplateCreateBody): Promise<AdminSlotTemplate> {
    return this.deps.tx.run(async (m) => {
      const zone = await this.zoneFor(m, actor.principal, body.zoneId);
      const t = await this.createTemplateIn(m, zone, body);
      await this.deps.audit.record(m, actor, {
        action: 'create',
        entity: 'slot_template',
        entityId: t.id,
        after: t,
      });
      return t;
    });
  }

  /** The seed's path as well: inserts a template of `zone` after the overlap check. */
  async createTemplateIn(
    m: EntityManager,
    zone: ZoneEntity,
    body: Omit<AdminSlotTemplateCreateBody, 'zoneId'>,
  ): Promise<AdminSlotTemplate> {
    await this.lockZone(m, zone.id);
    const shape = { ...body, zoneId: zone.id };
    await this.assertNoOverlap(m, shape);
    const res = await m.getRepository(SlotTemplateEntity).insert(shape);
    const t = await m
      .getRepository(SlotTemplateEntity)
      .findOneByOrFail({ id: Number(res.identifiers[0].id) });
    await addTemplateSlotsIn(m, zone, t, this.today());
    return toAdminTemplate(t);
  }

  /**
   * Changes a template at `version`. Generated days follow: its unbooked slots move to the new
   * times, booked ones keep their time and bookings (and take the new capacity).
   */
  async patchTemplate(
    actor: AuditActor,
    id: number,
    body: AdminSlotTemplatePatchBody,
  ): Promise<AdminSlotTemplate> {
    return this.deps.tx.run(async (m) => {
      const current = await m.getRepository(SlotTemplateEntity).findOneBy({ id });
      if (!current) throw templateNotFound();
      const zone = await m.getRepository(ZoneEntity).findOneBy({ id: current.zoneId });
      if (!zone) throw templateNotFound();
      assertStoreAccess(actor.principal, zone.storeId, templateNotFound);
      await this.lockZone(m, zone.id);
      const { version, ...fields } = body;
      const merged = { ...current, ...fields };
      if (merged.startLocal >= merged.endLocal) {
        throw new ValidationError('开始时间须早于结束时间', [
          { path: 'endLocal', message: 'startLocal must be before endLocal' },
        ]);
      }
      await this.assertNoOverlap(m, merged);
      const { before, after } = await updateVersioned(m, SlotTemplateEntity, id, version, fields, {
        notFound: templateNotFound,
        current: toAdminTemplate,
      });
      const today = this.today();
      const moved =
        before.startLocal !== after.startLocal ||
        before.endLocal !== after.endLocal ||
        before.weekday !== after.weekday ||
        before.active !== after.active;
      if (moved) {
        await retractTemplateSlotsIn(m, zone.id, before, today);
        await addTemplateSlotsIn(m, zone, after, today);
      }
      await refreshGeneratedSlotsIn(m, zone, today);
      const view = toAdminTemplate(after);
      await this.deps.audit.record(m, actor, {
        action: 'update',
        entity: 'slot_template',
        entityId: id,
        before: toAdminTemplate(before),
        after: view,
      });
      return view;
    });
  }

  /** Blackouts and capacity overrides of the zones the caller may see (every-zone blackouts included), by date. */
  async listOverrides(p: Principal, q: AdminSlotOverrideListQuery): Promise<AdminSlotOverrideListResponse> {
    const scope = await this.zoneScope(p);
    const date =
      q.from && q.to
        ? Between(q.from, q.to)
        : q.from
          ? MoreThanOrEqual(q.from)
          : q.to
            ? LessThanOrEqual(q.to)
            : undefined;
    const zones = q.zoneId ? (scope ? scope.filter((z) => z === q.zoneId) : [q.zoneId]) : scope;
    const zoneWhere = zones ? anyOf(zones) : undefined;
    const [blackouts, overrides] = await Promise.all([
      this.deps.db.getRepository(SlotBlackoutEntity).find({
        where: [
          { ...(zoneWhere ? { zoneId: zoneWhere } : {}), ...(date ? { date } : {}) },
          { zoneId: IsNull(), ...(date ? { date } : {}) },
        ],
      }),
      this.deps.db.getRepository(SlotOverrideEntity).find({
        where: { ...(zoneWhere ? { zoneId: zoneWhere } : {}), ...(date ? { date } : {}) },
      }),
    ]);
    const all = [...blackouts.map(blackoutView), ...overrides.map(capacityView)].sort(
      (a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.id - b.id,
    );
    const start = (q.page - 1) * q.pageSize;
    return {
      items: all.slice(start, start + q.pageSize),
      total: all.length,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Records a blackout or a capacity override and applies it to the day's generated slots. */
  async createOverride(actor: AuditActor, body: AdminSlotOverrideBody): Promise<AdminSlotOverrideResponse> {
    if (body.date < this.today()) {
      throw new ValidationError('不能修改已经过去的日期', [
        { path: 'date', message: 'must be today or later' },
      ]);
    }
    if (body.kind === 'blackout' && body.zoneId === null && actor.principal.role !== 'admin') {
      throw new ForbiddenError('只有管理员可以为全部配送区设置停运');
    }
    return this.deps.tx.run(async (m) => {
      const zone = body.zoneId === null ? null : await this.zoneFor(m, actor.principal, body.zoneId);
      const r =
        body.kind === 'blackout'
          ? await this.blackoutIn(m, zone, body)
          : await this.capacityIn(m, zone!, body);
      await this.deps.audit.record(m, actor, {
        action: r.before ? 'update' : 'create',
        entity: body.kind === 'blackout' ? 'slot_blackout' : 'slot_override',
        entityId: r.override.id,
        before: r.before,
        after: r.override,
      });
      const bookedKept = r.slots.reduce((n, s) => n + s.booked, 0);
      return {
        override: r.override,
        affectedSlots: r.slots.map((s) => ({
          slotId: s.id,
          capacity: s.capacity,
          booked: s.booked,
          full: s.booked >= s.capacity,
        })),
        bookedKept,
        message: messageOf(body, r.slots, bookedKept),
      };
    });
  }

  /**
   * Lifts a blackout or a capacity override: the day's generated slots take their template's
   * seats again (booked seats untouched) or become bookable unless another blackout still covers them.
   */
  async removeOverride(
    actor: AuditActor,
    kind: AdminSlotOverride['kind'],
    id: number,
  ): Promise<AdminSlotOverrideResponse> {
    const p = actor.principal;
    return this.deps.tx.run(async (m) => {
      const notFound = () => new NotFoundError('SLOT_OVERRIDE_NOT_FOUND', '停运或容量调整不存在');
      let removed: AdminSlotOverride;
      let slots: SlotEntity[];
      if (kind === 'blackout') {
        const row = await m.getRepository(SlotBlackoutEntity).findOneBy({ id });
        if (!row) throw notFound();
        if (row.zoneId === null && p.role !== 'admin')
          throw new ForbiddenError('只有管理员可以取消全部配送区的停运');
        if (row.zoneId !== null) await this.zoneFor(m, p, row.zoneId).catch(() => Promise.reject(notFound()));
        this.assertNotPast(row.date);
        await m.getRepository(SlotBlackoutEntity).delete({ id });
        removed = blackoutView(row);
        slots = await reapplyBlackoutsIn(m, row.zoneId, row.date);
      } else {
        const row = await m.getRepository(SlotOverrideEntity).findOneBy({ id });
        if (!row) throw notFound();
        await this.zoneFor(m, p, row.zoneId).catch(() => Promise.reject(notFound()));
        this.assertNotPast(row.date);
        await m.getRepository(SlotOverrideEntity).delete({ id });
        removed = capacityView(row);
        const templates = await m
          .getRepository(SlotTemplateEntity)
          .findBy({ zoneId: row.zoneId, startLocal: row.startLocal });
        const t = templates.find((x) => appliesOn(x, row.date));
        slots = t
          ? await setSlotCapacityIn(m, row.zoneId, row.date, row.startLocal, t.capacity)
          : await m
              .getRepository(SlotEntity)
              .findBy({ zoneId: row.zoneId, date: row.date, startLocal: row.startLocal });
      }
      await this.deps.audit.record(m, actor, {
        action: 'delete',
        entity: kind === 'blackout' ? 'slot_blackout' : 'slot_override',
        entityId: id,
        before: removed,
        after: null,
      });
      const bookedKept = slots.reduce((n, s) => n + s.booked, 0);
      return {
        override: removed,
        affectedSlots: slots.map((s) => ({
          slotId: s.id,
          capacity: s.capacity,
          booked: s.booked,
          full: s.booked >= s.capacity,
        })),
        bookedKept,
        message:
          kind === 'blackout'
            ? `${removed.date} 的停运已取消${slots.some((s) => s.blocked) ? '（仍有其他停运覆盖部分时段）' : ''}`
            : `${removed.date} 的单日容量调整已取消，恢复模板容量`,
      };
    });
  }

  private assertNotPast(date: string): void {
    if (date < this.today()) {
      throw new ValidationError('不能修改已经过去的日期', [
        { path: 'date', message: 'must be today or later' },
      ]);
    }
  }

  private async blackoutIn(
    m: EntityManager,
    zone: ZoneEntity | null,
    body: Extract<AdminSlotOverrideBody, { kind: 'blackout' }>,
  ): Promise<{ override: AdminSlotOverride; before: AdminSlotOverride | null; slots: SlotEntity[] }> {
    const repo = m.getRepository(SlotBlackoutEntity);
    const zoneId = zone?.id ?? null;
    const existing = await repo.findOneBy({ zoneId: zoneId ?? IsNull(), date: body.date });
    let row: SlotBlackoutEntity;
    if (existing) {
      await repo.update({ id: existing.id }, { reason: body.reason });
      row = { ...existing, reason: body.reason };
    } else {
      const res = await repo.insert({ zoneId, date: body.date, reason: body.reason });
      row = await repo.findOneByOrFail({ id: Number(res.identifiers[0].id) });
    }
    const slots = await blackoutSlotsIn(m, zoneId, body.date, body.reason);
    return { override: blackoutView(row), before: existing ? blackoutView(existing) : null, slots };
  }

  private async capacityIn(
    m: EntityManager,
    zone: ZoneEntity,
    body: Extract<AdminSlotOverrideBody, { kind: 'capacity' }>,
  ): Promise<{ override: AdminSlotOverride; before: AdminSlotOverride | null; slots: SlotEntity[] }> {
    const key = { zoneId: zone.id, date: body.date, startLocal: body.startLocal };
    const templates = await m
      .getRepository(SlotTemplateEntity)
      .findBy({ zoneId: zone.id, startLocal: body.startLocal });
    const generated = await m.getRepository(SlotEntity).existsBy(key);
    if (!generated && !templates.some((t) => appliesOn(t, body.date))) {
      throw new UnprocessableError(
        'SLOT_NOT_FOUND',
        `该配送区 ${body.date} 没有 ${body.startLocal} 开始的时段`,
        key,
      );
    }
    const repo = m.getRepository(SlotOverrideEntity);
    const existing = await repo.findOneBy(key);
    if (existing) await repo.update({ id: existing.id }, { capacity: body.capacity });
    else {
      try {
        await repo.insert({ ...key, capacity: body.capacity });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        await repo.update(key, { capacity: body.capacity });
      }
    }
    const row = await repo.findOneByOrFail(key);
    const slots = await setSlotCapacityIn(m, zone.id, body.date, body.startLocal, body.capacity);
    return { override: capacityView(row), before: existing ? capacityView(existing) : null, slots };
  }
}

function messageOf(body: AdminSlotOverrideBody, slots: SlotEntity[], bookedKept: number): string {
  if (body.kind === 'blackout') {
    return bookedKept > 0
      ? `${body.date} 已停止接受新预约；已预约的 ${bookedKept} 个名额保留有效，不会被取消`
      : `${body.date} 已停止接受新预约`;
  }
  const over = slots.find((s) => s.booked > body.capacity);
  if (over) {
    return `容量 ${body.capacity} 低于已预约的 ${over.booked} 个：该时段已满，已预约的名额保留有效，不会被取消`;
  }
  return `${body.date} ${body.startLocal} 时段容量已设为 ${body.capacity}`;
}
