import { type DataSource, type EntityManager } from 'typeorm';
import type {
  AdminZone,
  AdminZoneCreateBody,
  AdminZoneListQuery,
  AdminZoneListResponse,
  AdminZonePatchBody,
  GeoJsonPolygon,
  LatLng,
} from '@omni/shared-types';
import { outOfChina } from '../../algorithms/geo';
import { checkPolygon, ringToGeoJson } from '../../algorithms/geo/polygon-check';
import type { Clock } from '../../clock';
import { isUniqueViolation, type TxRunner } from '../../db/tx';
import type { Principal } from '../../http/context';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../../http/errors';
import { assertStoreAccess, storeScopeOf } from '../../http/permissions';
import { shanghaiDate } from '../../lib/shanghai-time';
import type { AuditActor, AuditService } from '../audit/audit.service';
import { updateVersioned } from '../audit/versioned';
import { refreshGeneratedSlotsIn } from '../slots/slot-materialize';
import { ZoneEntity } from '../slots/slot.entity';
import { StoreEntity } from '../stores/store.entity';
import { anyOf } from './any-of';
import type { OpsDataChanges } from './ops-data-changes';

const notFound = () => new NotFoundError('ZONE_NOT_FOUND', '配送区不存在');

/** Maps a zone to the back-office shape (its ring as a closed GeoJSON polygon). */
export function toAdminZone(z: ZoneEntity): AdminZone {
  return {
    id: z.id,
    code: z.code,
    name: z.name,
    storeId: z.storeId,
    polygon: ringToGeoJson(z.polygon),
    feeFen: z.feeFen,
    freeThresholdFen: z.freeThresholdFen,
    cutoffMin: z.cutoffMin,
    active: z.active,
    version: z.version,
  };
}

/** The stored ring of a GeoJSON polygon, or 400 ZONE_INVALID naming the offending position. */
export function ringOf(polygon: GeoJsonPolygon): LatLng[] {
  const r = checkPolygon(polygon.coordinates);
  if ('problem' in r) {
    throw new ValidationError(
      `配送区多边形无效：${r.problem.message}`,
      [{ path: `polygon.${r.problem.path}`, message: r.problem.message }],
      'ZONE_INVALID',
    );
  }
  const outside = r.ring.findIndex((p) => outOfChina(p));
  if (outside >= 0) {
    const message = '配送区须位于中国大陆（GCJ-02 坐标）';
    throw new ValidationError(
      message,
      [{ path: `polygon.coordinates.0.${outside}`, message }],
      'ZONE_INVALID',
    );
  }
  return r.ring;
}

/**
 * Delivery zones as the back office edits them. Checkout finds an address's zone by reading the
 * active zones from the database on every look-up (SlotsService.zoneAt), so a saved polygon applies
 * to the very next order on every instance; `changes` still tells in-process caches.
 */
export class ZonesAdminService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      audit: AuditService;
      clock: Clock;
      changes?: OpsDataChanges;
    },
  ) {}

  /** Zones the caller may see (a store manager: its store's). */
  async list(p: Principal, q: AdminZoneListQuery): Promise<AdminZoneListResponse> {
    const scope = storeScopeOf(p);
    const where: Record<string, unknown> = {};
    if (scope) where.storeId = anyOf(q.storeId ? scope.filter((s) => s === q.storeId) : scope);
    else if (q.storeId) where.storeId = q.storeId;
    if (q.active !== undefined) where.active = q.active;
    const [rows, total] = await this.deps.db.getRepository(ZoneEntity).findAndCount({
      where,
      order: { id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return { items: rows.map(toAdminZone), total, page: q.page, pageSize: q.pageSize };
  }

  /** One zone the caller may see, or 404. */
  async get(p: Principal, id: number): Promise<AdminZone> {
    const z = await this.deps.db.getRepository(ZoneEntity).findOneBy({ id });
    if (!z) throw notFound();
    assertStoreAccess(p, z.storeId, notFound);
    return toAdminZone(z);
  }

  /** Creates a zone (admin). */
  async create(actor: AuditActor, body: AdminZoneCreateBody): Promise<AdminZone> {
    const ring = ringOf(body.polygon);
    const out = await this.deps.tx.run(async (m) => {
      const z = await this.createIn(m, body, ring);
      await this.deps.audit.record(m, actor, { action: 'create', entity: 'zone', entityId: z.id, after: z });
      return z;
    });
    this.deps.changes?.changed();
    return out;
  }

  /** Changes a zone at `version` (admin). */
  async patch(actor: AuditActor, id: number, body: AdminZonePatchBody): Promise<AdminZone> {
    const ring = body.polygon ? ringOf(body.polygon) : undefined;
    const out = await this.deps.tx.run(async (m) => {
      const { before, after } = await this.patchIn(m, id, body, body.version, ring);
      await this.deps.audit.record(m, actor, {
        action: 'update',
        entity: 'zone',
        entityId: id,
        before,
        after,
      });
      return after;
    });
    this.deps.changes?.changed();
    return out;
  }

  /** The seed's path: creates the zone with this code, or brings the existing one up to `body` (keeping `active`). */
  async upsertByCodeIn(m: EntityManager, body: AdminZoneCreateBody): Promise<ZoneEntity> {
    const ring = ringOf(body.polygon);
    const existing = await m.getRepository(ZoneEntity).findOneBy({ code: body.code });
    if (!existing) await this.createIn(m, body, ring);
    else {
      const { active: _active, ...rest } = body;
      await this.patchIn(m, existing.id, rest, undefined, ring);
    }
    return m.getRepository(ZoneEntity).findOneByOrFail({ code: body.code });
  }

  private async createIn(m: EntityManager, body: AdminZoneCreateBody, ring: LatLng[]): Promise<AdminZone> {
    await this.assertStore(m, body.storeId);
    const repo = m.getRepository(ZoneEntity);
    if (await repo.existsBy({ code: body.code })) throw codeTaken(body.code);
    try {
      const res = await repo.insert({
        code: body.code,
        name: body.name,
        storeId: body.storeId,
        polygon: ring,
        feeFen: body.feeFen,
        freeThresholdFen: body.freeThresholdFen,
        cutoffMin: body.cutoffMin,
        active: body.active,
      });
      return toAdminZone(await repo.findOneByOrFail({ id: Number(res.identifiers[0].id) }));
    } catch (err) {
      if (isUniqueViolation(err)) throw codeTaken(body.code);
      throw err;
    }
  }

  private async patchIn(
    m: EntityManager,
    id: number,
    body: Partial<AdminZonePatchBody>,
    version: number | undefined,
    ring: LatLng[] | undefined,
  ): Promise<{ before: AdminZone; after: AdminZone }> {
    const { version: _v, polygon: _p, ...fields } = body;
    if (fields.storeId !== undefined) await this.assertStore(m, fields.storeId);
    if (fields.code) {
      const other = await m.getRepository(ZoneEntity).findOneBy({ code: fields.code });
      if (other && other.id !== id) throw codeTaken(fields.code);
    }
    const patch: Partial<ZoneEntity> = { ...fields, ...(ring ? { polygon: ring } : {}) };
    const res = await updateVersioned(m, ZoneEntity, id, version, patch, { notFound, current: toAdminZone });
    if (res.before.cutoffMin !== res.after.cutoffMin)
      await refreshGeneratedSlotsIn(m, res.after, shanghaiDate(this.deps.clock.now()));
    return { before: toAdminZone(res.before), after: toAdminZone(res.after) };
  }

  private async assertStore(m: EntityManager, storeId: number): Promise<void> {
    if (!(await m.getRepository(StoreEntity).existsBy({ id: storeId })))
      throw new UnprocessableError('STORE_NOT_FOUND', '配送门店不存在', { storeId });
  }
}

function codeTaken(code: string): ConflictError {
  return new ConflictError('ZONE_CODE_TAKEN', `配送区编码 ${code} 已存在`, { code });
}
