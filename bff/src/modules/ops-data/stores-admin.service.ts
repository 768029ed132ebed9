import { Brackets, In, type DataSource, type EntityManager } from 'typeorm';
import type {
  AdminStore,
  AdminStoreCreateBody,
  AdminStoreListQuery,
  AdminStoreListResponse,
  AdminStorePatchBody,
} from '@omni/shared-types';
import { outOfChina } from '../../algorithms/geo';
import type { TxRunner } from '../../db/tx';
import { isUniqueViolation } from '../../db/tx';
import type { Principal } from '../../http/context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../http/errors';
import { assertStoreAccess, storeScopeOf } from '../../http/permissions';
import type { AuditActor, AuditService } from '../audit/audit.service';
import { updateVersioned } from '../audit/versioned';
import { StoreExceptionEntity } from '../stores/store-exception.entity';
import { StoreEntity } from '../stores/store.entity';
import type { OpsDataChanges } from './ops-data-changes';

/** What a store manager may change on its own store; everything else is the brand's. */
const MANAGER_FIELDS = new Set(['hours', 'closedDates', 'pickup', 'version']);
const CLOSED_REASON = '休息';

const notFound = () => new NotFoundError('STORE_NOT_FOUND', '门店不存在');

/** Maps a store and its closed dates to the back-office shape. */
export function toAdminStore(s: StoreEntity, closedDates: string[]): AdminStore {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    district: s.district,
    address: s.address,
    phone: s.phone,
    lat: s.lat,
    lng: s.lng,
    hours: s.hours,
    closedDates: [...closedDates].sort(),
    pickup: s.services.includes('pickup'),
    delivery: s.services.includes('delivery'),
    active: s.active,
    version: s.version,
  };
}

function servicesOf(pickup: boolean, delivery: boolean): StoreEntity['services'] {
  return [...(pickup ? (['pickup'] as const) : []), ...(delivery ? (['delivery'] as const) : [])];
}

function assertInChina(p: { lat?: number; lng?: number }, current?: StoreEntity): void {
  const lat = p.lat ?? current?.lat;
  const lng = p.lng ?? current?.lng;
  if (lat === undefined || lng === undefined) return;
  if (outOfChina({ lat, lng })) {
    throw new ValidationError('门店坐标须位于中国大陆（GCJ-02）', [
      { path: 'lat', message: `(${lat}, ${lng}) is outside mainland China` },
    ]);
  }
}

/** Stores as the back office edits them: address, GCJ-02 point, weekly hours, closed dates, pickup. */
export class StoresAdminService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      audit: AuditService;
      changes?: OpsDataChanges;
    },
  ) {}

  /** Stores the caller may see (a store manager: its own), filtered by `q` (code, name, address). */
  async list(p: Principal, q: AdminStoreListQuery): Promise<AdminStoreListResponse> {
    const scope = storeScopeOf(p);
    const qb = this.deps.db.getRepository(StoreEntity).createQueryBuilder('s');
    if (scope) qb.andWhere(scope.length ? 's.id IN (:...scope)' : '1 = 0', { scope });
    if (q.active !== undefined) qb.andWhere('s.active = :active', { active: q.active });
    if (q.q) {
      // '!' as the LIKE escape: a backslash means different things in MySQL and SQLite literals.
      const like = `%${q.q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where("s.code LIKE :like ESCAPE '!'", { like })
            .orWhere("s.name LIKE :like ESCAPE '!'", { like })
            .orWhere("s.address LIKE :like ESCAPE '!'", { like }),
        ),
      );
    }
    const [rows, total] = await qb
      .orderBy('s.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const closed = await this.closedDates(
      this.deps.db.manager,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map((r) => toAdminStore(r, closed.get(r.id) ?? [])),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** One store the caller may see, or 404. */
  async get(p: Principal, id: number): Promise<AdminStore> {
    assertStoreAccess(p, id, notFound);
    return this.view(this.deps.db.manager, id);
  }

  /** Creates a store (admin). */
  async create(actor: AuditActor, body: AdminStoreCreateBody): Promise<AdminStore> {
    const out = await this.deps.tx.run(async (m) => {
      const s = await this.createIn(m, body);
      await this.deps.audit.record(m, actor, { action: 'create', entity: 'store', entityId: s.id, after: s });
      return s;
    });
    this.deps.changes?.changed();
    return out;
  }

  /** Changes a store at `version`; a store manager only its own store's hours, closed dates and pickup. */
  async patch(actor: AuditActor, id: number, body: AdminStorePatchBody): Promise<AdminStore> {
    const p = actor.principal;
    assertStoreAccess(p, id, notFound);
    if (p.role !== 'admin') {
      const refused = Object.keys(body).filter((k) => !MANAGER_FIELDS.has(k));
      if (refused.length)
        throw new ForbiddenError(
          `店长只能修改本店的营业时间、休息日和自提设置（不能修改 ${refused.join('、')}）`,
        );
    }
    const out = await this.deps.tx.run(async (m) => {
      const { before, after } = await this.patchIn(m, id, body, body.version);
      await this.deps.audit.record(m, actor, {
        action: 'update',
        entity: 'store',
        entityId: id,
        before,
        after,
      });
      return after;
    });
    this.deps.changes?.changed();
    return out;
  }

  /** The seed's path: creates the store with this code, or brings the existing one up to `body`. */
  async upsertByCodeIn(m: EntityManager, body: AdminStoreCreateBody): Promise<AdminStore> {
    const existing = await m.getRepository(StoreEntity).findOneBy({ code: body.code });
    if (!existing) return this.createIn(m, body);
    // Closed dates and `active` are the operators' (the demo data has none to give).
    const { active: _active, closedDates: _closed, ...rest } = body;
    return (await this.patchIn(m, existing.id, rest, undefined)).after;
  }

  private async createIn(m: EntityManager, body: AdminStoreCreateBody): Promise<AdminStore> {
    assertInChina(body);
    const repo = m.getRepository(StoreEntity);
    if (await repo.existsBy({ code: body.code })) throw codeTaken(body.code);
    let id: number;
    try {
      const res = await repo.insert({
        code: body.code,
        name: body.name,
        district: body.district,
        address: body.address,
        phone: body.phone,
        lat: body.lat,
        lng: body.lng,
        hours: body.hours,
        services: servicesOf(body.pickup, body.delivery),
        active: body.active,
      });
      id = Number(res.identifiers[0].id);
    } catch (err) {
      if (isUniqueViolation(err)) throw codeTaken(body.code);
      throw err;
    }
    await this.setClosedDatesIn(m, id, body.closedDates);
    return this.view(m, id);
  }

  private async patchIn(
    m: EntityManager,
    id: number,
    body: Partial<AdminStorePatchBody>,
    version: number | undefined,
  ): Promise<{ before: AdminStore; after: AdminStore }> {
    const current = await m.getRepository(StoreEntity).findOneBy({ id });
    if (!current) throw notFound();
    const beforeClosed = (await this.closedDates(m, [id])).get(id) ?? [];
    assertInChina(body, current);
    const { version: _v, closedDates, pickup, delivery, ...fields } = body;
    const patch: Partial<StoreEntity> = { ...fields };
    if (pickup !== undefined || delivery !== undefined) {
      patch.services = servicesOf(
        pickup ?? current.services.includes('pickup'),
        delivery ?? current.services.includes('delivery'),
      );
    }
    if (
      fields.code &&
      fields.code !== current.code &&
      (await m.getRepository(StoreEntity).existsBy({ code: fields.code }))
    )
      throw codeTaken(fields.code);
    const res = await updateVersioned(m, StoreEntity, id, version, patch, {
      notFound,
      current: (row) => toAdminStore(row, beforeClosed),
    });
    if (closedDates) await this.setClosedDatesIn(m, id, closedDates);
    return { before: toAdminStore(res.before, beforeClosed), after: await this.view(m, id) };
  }

  /** Makes exactly `dates` the store's whole-day closures (special-hours days on those dates become closed). */
  private async setClosedDatesIn(m: EntityManager, storeId: number, dates: string[]): Promise<void> {
    const repo = m.getRepository(StoreExceptionEntity);
    const wanted = new Set(dates);
    const rows = await repo.findBy({ storeId });
    for (const r of rows) {
      if (r.closed && !wanted.has(r.date)) await repo.delete({ id: r.id });
      else if (!r.closed && wanted.has(r.date))
        await repo.update({ id: r.id }, { closed: true, openLocal: null, closeLocal: null });
    }
    const have = new Set(rows.map((r) => r.date));
    for (const date of wanted) {
      if (!have.has(date))
        await repo.insert({
          storeId,
          date,
          closed: true,
          openLocal: null,
          closeLocal: null,
          reason: CLOSED_REASON,
        });
    }
  }

  private async closedDates(m: EntityManager, storeIds: number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    if (!storeIds.length) return out;
    const rows = await m.getRepository(StoreExceptionEntity).findBy({ storeId: In(storeIds), closed: true });
    for (const r of rows) out.set(r.storeId, [...(out.get(r.storeId) ?? []), r.date]);
    return out;
  }

  private async view(m: EntityManager, id: number): Promise<AdminStore> {
    const s = await m.getRepository(StoreEntity).findOneBy({ id });
    if (!s) throw notFound();
    return toAdminStore(s, (await this.closedDates(m, [id])).get(id) ?? []);
  }
}

function codeTaken(code: string): ConflictError {
  return new ConflictError('STORE_CODE_TAKEN', `门店编码 ${code} 已存在`, { code });
}
