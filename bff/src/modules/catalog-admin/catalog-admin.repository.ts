import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AdminProductListQuery, AdminStockListQuery, ProductStockSummary } from '@omni/shared-types';
import { LOW_STOCK_UNITS } from '@omni/shared-types';
import { CategoryEntity, ProductEntity, StockEntity } from '../catalog/catalog.entity';
import { StoreEntity } from '../stores/store.entity';
import { stockHolds } from '../orders/stock-holds';

/** Escapes LIKE wildcards with `!` (portable: MySQL treats `\\` in literals specially). */
function likePattern(q: string): string {
  return `%${q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** A stock row joined to its product, before reserved units are added. */
export interface RawStockRow {
  productId: number;
  sku: string;
  name: string;
  active: boolean;
  available: number;
  version: number | null;
}

/** Back-office reads of the catalogue and store stock. */
export class CatalogAdminRepository {
  constructor(private readonly db: DataSource) {}

  /** The manager for reads outside a transaction. */
  manager(): EntityManager {
    return this.db.manager;
  }

  /** A page of products matching name/SKU, category and status; newest first. */
  async products(q: AdminProductListQuery): Promise<{ rows: ProductEntity[]; total: number }> {
    const qb = this.db.getRepository(ProductEntity).createQueryBuilder('p');
    if (q.q) {
      qb.andWhere("(p.name LIKE :pattern ESCAPE '!' OR p.sku LIKE :pattern ESCAPE '!')", {
        pattern: likePattern(q.q),
      });
    }
    if (q.categoryId) qb.andWhere('p.category_id = :cat', { cat: q.categoryId });
    if (q.status) qb.andWhere('p.active = :active', { active: q.status === 'active' });
    qb.orderBy('p.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return { rows, total };
  }

  /** Stock summaries (on hand across stores, or in `storeId` only; the store with fewest) of these products. */
  async stockSummaries(productIds: number[], storeId?: number): Promise<Map<number, ProductStockSummary>> {
    const out = new Map<number, ProductStockSummary>();
    if (!productIds.length) return out;
    const m = this.db.manager;
    const [rows, holds, stores] = await Promise.all([
      m.getRepository(StockEntity).findBy({ productId: In(productIds), ...(storeId ? { storeId } : {}) }),
      stockHolds(m, storeId ? { productIds, storeIds: [storeId] } : { productIds }),
      m.getRepository(StoreEntity).find({ select: { id: true, name: true } }),
    ]);
    const held = new Map(holds.map((h) => [`${h.storeId}:${h.productId}`, h.units]));
    const storeName = new Map(stores.map((s) => [s.id, s.name]));
    for (const id of productIds) out.set(id, { onHand: 0, reserved: 0, available: 0, lowest: null });
    for (const r of rows) {
      const s = out.get(r.productId)!;
      const reserved = held.get(`${r.storeId}:${r.productId}`) ?? 0;
      const onHand = r.quantity + reserved;
      s.onHand += onHand;
      s.reserved += reserved;
      s.available += r.quantity;
      if (
        !s.lowest ||
        onHand < s.lowest.onHand ||
        (onHand === s.lowest.onHand && r.storeId < s.lowest.storeId)
      ) {
        s.lowest = { storeId: r.storeId, storeName: storeName.get(r.storeId) ?? '', onHand };
      }
    }
    return out;
  }

  /** One product row by id (archived ones too), or null. */
  product(id: number): Promise<ProductEntity | null> {
    return this.db.getRepository(ProductEntity).findOneBy({ id });
  }

  /** Whether store `id` exists. */
  storeExists(id: number): Promise<boolean> {
    return this.db.getRepository(StoreEntity).existsBy({ id });
  }

  /**
   * A page of one store's stock: every active product, stocked or not (version null), name/SKU
   * filtered; `lowStock` keeps those with at most LOW_STOCK_UNITS available, `below` those with fewer than it.
   */
  async stock(storeId: number, q: AdminStockListQuery): Promise<{ rows: RawStockRow[]; total: number }> {
    const qb = this.db
      .createQueryBuilder()
      .from(ProductEntity, 'p')
      .leftJoin(StockEntity, 's', 's.product_id = p.id AND s.store_id = :storeId', { storeId })
      .where('p.active = :active', { active: true });
    if (q.q) {
      qb.andWhere("(p.name LIKE :pattern ESCAPE '!' OR p.sku LIKE :pattern ESCAPE '!')", {
        pattern: likePattern(q.q),
      });
    }
    if (q.lowStock) qb.andWhere('COALESCE(s.quantity, 0) <= :low', { low: LOW_STOCK_UNITS });
    if (q.below !== undefined) qb.andWhere('COALESCE(s.quantity, 0) < :below', { below: q.below });
    const total = await qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: number | string }>();
    const rows = await qb
      .select('p.id', 'productId')
      .addSelect('p.sku', 'sku')
      .addSelect('p.name', 'name')
      .addSelect('p.active', 'active')
      .addSelect('s.quantity', 'available')
      .addSelect('s.version', 'version')
      .orderBy('p.sku', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawMany<Record<keyof RawStockRow, unknown>>();
    return {
      total: Number(total?.n ?? 0),
      rows: rows.map((r) => ({
        productId: Number(r.productId),
        sku: String(r.sku),
        name: String(r.name),
        active: Boolean(Number(r.active)),
        available: r.available === null ? 0 : Number(r.available),
        version: r.version === null ? null : Number(r.version),
      })),
    };
  }

  /** Every product, by SKU (for the CSV export and the import's comparison). */
  allProducts(m: EntityManager = this.db.manager): Promise<ProductEntity[]> {
    return m.getRepository(ProductEntity).find({ order: { sku: 'ASC' } });
  }

  /** Every category id. */
  async categoryIds(m: EntityManager = this.db.manager): Promise<Set<string>> {
    const rows = await m.getRepository(CategoryEntity).find({ select: { id: true } });
    return new Set(rows.map((c) => c.id));
  }

  /** Every store's id by code. */
  async storeIdsByCode(m: EntityManager = this.db.manager): Promise<Map<string, number>> {
    const rows = await m.getRepository(StoreEntity).find({ select: { id: true, code: true } });
    return new Map(rows.map((s) => [s.code, s.id]));
  }
}
