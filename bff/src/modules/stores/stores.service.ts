import { In, type DataSource } from 'typeorm';
import type {
  LatLng,
  NearbyStore,
  NearbyStoresQuery,
  NearbyStoresResponse,
  OpenStatus,
  StoreDetail,
} from '@omni/shared-types';
import { outOfChina, toGcj02 } from '../../algorithms/geo';
import { StoreIndex, openStatus, type StoreException } from '../../algorithms/lbs';
import type { GeoProvider } from '../../adapters/geo';
import type { Clock } from '../../clock';
import { NotFoundError, UnprocessableError } from '../../http/errors';
import { StockEntity } from '../catalog/catalog.entity';
import { StoreExceptionEntity } from './store-exception.entity';
import { StoreEntity } from './store.entity';
import { toStore } from './stores.repository';

/** How long the in-memory store index may be served before it is rebuilt from the database. */
const INDEX_TTL_MS = 60_000;
/**
 * How often, at most, a look-up compares the stores table's stamp (row count, sum of versions)
 * with the index's, so an admin edit made on another instance is seen within seconds without Redis.
 */
const STAMP_CHECK_MS = 2_000;
const WALK_LIMIT_M = 2000;

/** Maps an open-status result to the wire shape. */
function toOpen(s: {
  openNow: boolean;
  opensAt: Date | null;
  closesAt: Date | null;
  label: string;
}): OpenStatus {
  return {
    openNow: s.openNow,
    opensAt: s.opensAt?.toISOString() ?? null,
    closesAt: s.closesAt?.toISOString() ?? null,
    label: s.label,
  };
}

/** Store look-up: k-nearest through a spatial index (a cache of the stores table), hours, stock. */
export class StoresService {
  private cache: {
    index: StoreIndex;
    byId: Map<number, StoreEntity>;
    builtAt: number;
    stamp: string;
    checkedAt: number;
  } | null = null;

  constructor(private readonly deps: { db: DataSource; geo: GeoProvider; clock: Clock }) {}

  /** Drops the index so the next look-up rebuilds it (call after stores change). */
  invalidate(): void {
    this.cache = null;
  }

  /** The spatial index over active stores, rebuilt when stale. */
  async index(): Promise<{ index: StoreIndex; byId: Map<number, StoreEntity> }> {
    const now = Date.now();
    if (
      this.cache &&
      now - this.cache.builtAt <= INDEX_TTL_MS &&
      now - this.cache.checkedAt > STAMP_CHECK_MS
    ) {
      this.cache.checkedAt = now;
      if ((await this.stamp()) !== this.cache.stamp) this.cache = null;
    }
    if (!this.cache || now - this.cache.builtAt > INDEX_TTL_MS) {
      const stamp = await this.stamp();
      const stores = await this.deps.db.getRepository(StoreEntity).findBy({ active: true });
      this.cache = {
        index: new StoreIndex(stores.map((s) => ({ id: s.id, lat: s.lat, lng: s.lng }))),
        byId: new Map(stores.map((s) => [s.id, s])),
        builtAt: now,
        stamp,
        checkedAt: now,
      };
    }
    return this.cache;
  }

  /** Changes whenever a store is added or edited (every admin write bumps its version). */
  private async stamp(): Promise<string> {
    const row = await this.deps.db
      .getRepository(StoreEntity)
      .createQueryBuilder('s')
      .select('COUNT(*)', 'n')
      .addSelect('COALESCE(SUM(s.version), 0)', 'v')
      .getRawOne<{ n: string | number; v: string | number }>();
    return `${row?.n ?? 0}:${row?.v ?? 0}`;
  }

  /** Exceptions (holidays, special hours) of these stores from today on. */
  async exceptions(storeIds: number[]): Promise<Map<number, StoreException[]>> {
    const out = new Map<number, StoreException[]>();
    if (!storeIds.length) return out;
    const rows = await this.deps.db.getRepository(StoreExceptionEntity).findBy({ storeId: In(storeIds) });
    for (const r of rows) {
      const list = out.get(r.storeId) ?? [];
      list.push({
        date: r.date,
        closed: r.closed,
        open: r.openLocal ?? undefined,
        close: r.closeLocal ?? undefined,
        reason: r.reason ?? undefined,
      });
      out.set(r.storeId, list);
    }
    return out;
  }

  /** Stores nearest to a point, filtered by open-now, service and stock of a product. */
  async nearby(q: NearbyStoresQuery): Promise<NearbyStoresResponse> {
    const origin = toGcj02({ lat: q.lat, lng: q.lng }, q.coord ?? 'gcj02');
    if (outOfChina(origin))
      throw new UnprocessableError('LOCATION_REJECTED', '该位置不在服务范围内（仅支持中国大陆）');
    const limit = q.limit ?? 10;
    const now = this.deps.clock.now();
    const { index, byId } = await this.index();
    const openOnly = q.openNow === 'true' || q.openNow === '1';
    const stockBy = q.productId
      ? new Map(
          (await this.deps.db.getRepository(StockEntity).findBy({ productId: q.productId })).map((s) => [
            s.storeId,
            s.quantity,
          ]),
        )
      : null;
    const exceptions = openOnly
      ? await this.exceptions([...byId.keys()])
      : new Map<number, StoreException[]>();
    const hits = index.nearest(origin, limit, {
      filter: (id) => {
        const s = byId.get(id)!;
        if (q.service && !s.services.includes(q.service)) return false;
        if (stockBy && !((stockBy.get(id) ?? 0) > 0)) return false;
        if (openOnly && !openStatus(s.hours, exceptions.get(id) ?? [], now).openNow) return false;
        return true;
      },
    });
    const ex = openOnly ? exceptions : await this.exceptions(hits.map((h) => h.id));
    const etas = await this.etasMin(
      origin,
      hits.map((h) => ({ id: h.id, distanceM: h.distanceM, p: byId.get(h.id)! })),
    );
    const items: NearbyStore[] = hits.map((h) => {
      const s = byId.get(h.id)!;
      return {
        ...toStore(s),
        distanceM: Math.round(h.distanceM),
        etaMin: etas.get(h.id) ?? 0,
        open: toOpen(openStatus(s.hours, ex.get(h.id) ?? [], now)),
        stock: stockBy ? (stockBy.get(h.id) ?? 0) : null,
      };
    });
    return { items, origin };
  }

  /** Minutes to each store: walking when close, driving otherwise, from the GeoProvider. */
  private async etasMin(
    origin: LatLng,
    stores: Array<{ id: number; distanceM: number; p: LatLng }>,
  ): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    for (const mode of ['walking', 'driving'] as const) {
      const group = stores.filter((s) => (mode === 'walking') === s.distanceM <= WALK_LIMIT_M);
      if (!group.length) continue;
      const m = await this.deps.geo.matrix(
        group.map((s) => ({ lat: s.p.lat, lng: s.p.lng })),
        [origin],
        mode,
      );
      group.forEach((s, i) => out.set(s.id, Math.max(1, Math.round(m.durationS[i][0] / 60))));
    }
    return out;
  }

  /** One store with its open status and upcoming exceptions. */
  async detail(id: number): Promise<StoreDetail> {
    const s = await this.deps.db.getRepository(StoreEntity).findOneBy({ id, active: true });
    if (!s) throw new NotFoundError('STORE_NOT_FOUND', '门店不存在');
    const ex = (await this.exceptions([id])).get(id) ?? [];
    return {
      ...toStore(s),
      open: toOpen(openStatus(s.hours, ex, this.deps.clock.now())),
      exceptions: ex.map((e) => ({
        date: e.date,
        closed: e.closed,
        open: e.open ?? null,
        close: e.close ?? null,
        reason: e.reason ?? null,
      })),
    };
  }
}
