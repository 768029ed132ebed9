import { In, type EntityManager } from 'typeorm';
import {
  PRODUCT_CSV_OPTIONAL,
  PRODUCT_CSV_REQUIRED,
  STOCK_CSV_COLUMNS,
  type ImportResult,
} from '@omni/shared-types';
import { isUniqueViolation, type TxRunner } from '../../db/tx';
import { ConflictError, UnprocessableError } from '../../http/errors';
import type { AuditActor, AuditService } from '../audit/audit.service';
import { VersionConflictError } from '../audit/versioned';
import { ProductEntity, StockEntity } from '../catalog/catalog.entity';
import { stockHolds } from '../orders/stock-holds';
import type { CatalogAdminRepository } from './catalog-admin.repository';
import type { CatalogChanges } from './catalog-changes';
import {
  decodeCsv,
  productRows,
  stockRows,
  writeCsv,
  type ProductCsvRow,
  type RowErrors,
} from './catalog-csv';
import { toAdminProduct } from './catalog-writer';

/** Rows per INSERT / IN (...) list: well under SQLite's and MySQL's placeholder limits. */
const BATCH = 500;

function chunks<T>(xs: T[], n = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

const DEFAULTS = { description: '', status: 'active' as const, volumeL: 1, maxPerOrder: 10 };

/** The fields a product row sets (optional columns only when given). */
function productFields(r: ProductCsvRow): Partial<ProductEntity> {
  const f: Partial<ProductEntity> = {
    sku: r.sku,
    name: r.name,
    categoryId: r.categoryId,
    priceFen: r.priceFen,
    unit: r.unit,
  };
  if (r.description !== undefined) f.description = r.description;
  if (r.status !== undefined) f.active = r.status === 'active';
  if (r.volumeL !== undefined) f.volumeL = r.volumeL;
  if (r.maxPerOrder !== undefined) f.maxPerOrder = r.maxPerOrder;
  return f;
}

/** Only the fields of `next` that differ from `cur`. */
function diff<T extends object>(cur: T, next: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(next) as Array<[keyof T, T[keyof T]]>) if (cur[k] !== v) out[k] = v;
  return out;
}

function refuse(result: ImportResult): never {
  throw new UnprocessableError(
    'CSV_ROWS_INVALID',
    `有 ${new Set(result.errors.map((e) => e.row)).size} 行未通过校验，未导入任何数据`,
    result,
  );
}

const sortErrors = (e: RowErrors) => e.list.sort((a, b) => a.row - b.row);

/**
 * CSV import and export of products and store stock. An import validates every row first; any bad
 * row → 422 CSV_ROWS_INVALID listing every bad cell and nothing written; otherwise all rows are
 * written in one transaction (batched), each changed row audited. Idempotent by SKU.
 */
export class CatalogImportService {
  constructor(
    private readonly deps: {
      repo: CatalogAdminRepository;
      tx: TxRunner;
      audit: AuditService;
      changes: CatalogChanges;
    },
  ) {}

  /** Creates products whose SKU is new, updates the ones whose given columns differ. */
  async importProducts(actor: AuditActor, bytes: Buffer, dryRun: boolean): Promise<ImportResult> {
    const text = decodeCsv(bytes);
    const { rows, errors } = productRows(text, await this.deps.repo.categoryIds());
    const result = await this.deps.tx.run(async (m) => {
      const existing = new Map<string, ProductEntity>();
      for (const part of chunks(rows.map((r) => r.sku))) {
        for (const p of await m.getRepository(ProductEntity).findBy({ sku: In(part) }))
          existing.set(p.sku, p);
      }
      const creates: ProductCsvRow[] = [];
      const updates: Array<{ cur: ProductEntity; patch: Partial<ProductEntity> }> = [];
      for (const r of rows) {
        const cur = existing.get(r.sku);
        if (!cur) creates.push(r);
        else {
          const patch = diff(cur, productFields(r));
          if (Object.keys(patch).length) updates.push({ cur, patch });
        }
      }
      const counts: ImportResult = {
        created: creates.length,
        updated: updates.length,
        unchanged: rows.length - creates.length - updates.length,
        dryRun,
        errors: sortErrors(errors),
      };
      if (counts.errors.length) refuse(counts);
      if (dryRun) return counts;
      try {
        await this.createProducts(m, actor, creates);
      } catch (err) {
        // Another admin created one of these SKUs since the file was checked: nothing is kept.
        if (isUniqueViolation(err)) throw new ConflictError('SKU_TAKEN', 'SKU 刚被其他人创建，请重新导入');
        throw err;
      }
      await this.updateProducts(m, actor, updates);
      await this.summary(m, actor, 'product', counts);
      return counts;
    });
    if (!dryRun && result.created + result.updated > 0) await this.deps.changes.changed();
    return result;
  }

  /** Sets units on hand per (store, SKU); a count below what open orders hold is a row error. */
  async importStock(actor: AuditActor, bytes: Buffer, dryRun: boolean): Promise<ImportResult> {
    const text = decodeCsv(bytes);
    const storeIds = await this.deps.repo.storeIdsByCode();
    const { rows, errors } = stockRows(text, new Set(storeIds.keys()));
    const stores = [...new Set(rows.map((r) => storeIds.get(r.storeCode)).filter((id) => id !== undefined))];
    return this.deps.tx.run(async (m) => {
      // Lock first (see setStockIn): no order may take units between these reads and the writes.
      const current = await this.lockedStock(m, stores);
      const holds = await stockHolds(m, { storeIds: stores });
      const held = new Map(holds.map((h) => [`${h.storeId}:${h.productId}`, h.units]));
      const products = new Map<string, number>();
      for (const part of chunks([...new Set(rows.map((r) => r.sku))])) {
        const found = await m
          .getRepository(ProductEntity)
          .find({ where: { sku: In(part) }, select: { id: true, sku: true } });
        for (const p of found) products.set(p.sku, p.id);
      }
      const creates: Array<Pick<StockEntity, 'storeId' | 'productId' | 'quantity'>> = [];
      const updates: Array<{ cur: StockEntity; available: number; reserved: number }> = [];
      for (const r of rows) {
        const storeId = storeIds.get(r.storeCode);
        const productId = products.get(r.sku);
        if (productId === undefined) errors.add(r.row, 'sku', `商品 ${r.sku} 不存在`);
        if (storeId === undefined || productId === undefined) continue;
        const reserved = held.get(`${storeId}:${productId}`) ?? 0;
        if (r.quantity < reserved) {
          errors.add(r.row, 'quantity', `库存不能低于未完成订单占用的 ${reserved} 件`);
          continue;
        }
        const cur = current.get(`${storeId}:${productId}`);
        if (!cur) creates.push({ storeId, productId, quantity: r.quantity });
        else if (cur.quantity !== r.quantity - reserved)
          updates.push({ cur, available: r.quantity - reserved, reserved });
      }
      const counts: ImportResult = {
        created: creates.length,
        updated: updates.length,
        unchanged: rows.length - creates.length - updates.length,
        dryRun,
        errors: sortErrors(errors),
      };
      if (counts.errors.length) refuse(counts);
      if (dryRun) return counts;
      for (const part of chunks(creates))
        await m.getRepository(StockEntity).insert(part.map((c) => ({ ...c, version: 1 })));
      for (const c of creates) {
        await this.deps.audit.record(m, actor, {
          action: 'import',
          entity: 'stock',
          entityId: `${c.storeId}:${c.productId}`,
          after: { onHand: c.quantity, reserved: 0, available: c.quantity, version: 1 },
        });
      }
      for (const u of updates) {
        await this.bump(m, StockEntity, u.cur, { quantity: u.available });
        await this.deps.audit.record(m, actor, {
          action: 'import',
          entity: 'stock',
          entityId: `${u.cur.storeId}:${u.cur.productId}`,
          before: { onHand: u.cur.quantity + u.reserved, available: u.cur.quantity },
          after: { onHand: u.available + u.reserved, available: u.available },
        });
      }
      await this.summary(m, actor, 'stock', counts);
      return counts;
    });
  }

  /** Every product as CSV (UTF-8 with BOM; imports back unchanged). */
  async exportProducts(): Promise<string> {
    const rows = await this.deps.repo.allProducts();
    return writeCsv(
      [...PRODUCT_CSV_REQUIRED, ...PRODUCT_CSV_OPTIONAL],
      rows.map((p) => [
        p.sku,
        p.name,
        p.categoryId,
        p.priceFen,
        p.unit,
        p.description,
        p.active ? 'active' : 'archived',
        p.volumeL,
        p.maxPerOrder,
      ]),
    );
  }

  /** Every stock row as CSV: store code, SKU, units on hand (what open orders hold included). */
  async exportStock(): Promise<string> {
    const m = this.deps.repo.manager();
    const [stock, products, stores, holds] = await Promise.all([
      m.getRepository(StockEntity).find({ order: { storeId: 'ASC', productId: 'ASC' } }),
      m.getRepository(ProductEntity).find({ select: { id: true, sku: true } }),
      this.deps.repo.storeIdsByCode(m),
      stockHolds(m, {}),
    ]);
    const sku = new Map(products.map((p) => [p.id, p.sku]));
    const code = new Map([...stores].map(([c, id]) => [id, c]));
    const held = new Map(holds.map((h) => [`${h.storeId}:${h.productId}`, h.units]));
    return writeCsv(
      STOCK_CSV_COLUMNS,
      stock.map((s) => [
        code.get(s.storeId) ?? '',
        sku.get(s.productId) ?? '',
        s.quantity + (held.get(`${s.storeId}:${s.productId}`) ?? 0),
      ]),
    );
  }

  private async createProducts(m: EntityManager, actor: AuditActor, rows: ProductCsvRow[]): Promise<void> {
    const repo = m.getRepository(ProductEntity);
    for (const part of chunks(rows)) {
      await repo.insert(
        part.map((r) => ({
          subtitle: '',
          originalPriceFen: null,
          images: [],
          attributes: [],
          tags: [],
          ...productFields({ ...DEFAULTS, ...r }),
          active: (r.status ?? DEFAULTS.status) === 'active',
          version: 1,
        })),
      );
      for (const p of await repo.findBy({ sku: In(part.map((r) => r.sku)) })) {
        await this.deps.audit.record(m, actor, {
          action: 'import',
          entity: 'product',
          entityId: p.id,
          after: toAdminProduct(p),
        });
      }
    }
  }

  private async updateProducts(
    m: EntityManager,
    actor: AuditActor,
    updates: Array<{ cur: ProductEntity; patch: Partial<ProductEntity> }>,
  ): Promise<void> {
    for (const { cur, patch } of updates) {
      await this.bump(m, ProductEntity, cur, patch);
      await this.deps.audit.record(m, actor, {
        action: 'import',
        entity: 'product',
        entityId: cur.id,
        before: toAdminProduct(cur),
        after: toAdminProduct({ ...cur, ...patch } as ProductEntity),
      });
    }
  }

  /** The conditional UPDATE of every admin write: same version or VERSION_CONFLICT (rolling the import back). */
  private async bump<E extends { id: number; version: number }>(
    m: EntityManager,
    target: new () => E,
    cur: E,
    patch: Partial<E>,
  ): Promise<void> {
    const res = await m
      .createQueryBuilder()
      .update(target)
      .set({ ...patch, version: () => 'version + 1' } as never)
      .where('id = :id AND version = :v', { id: cur.id, v: cur.version })
      .execute();
    if (res.affected !== 1) throw new VersionConflictError(cur);
  }

  private async lockedStock(m: EntityManager, storeIds: number[]): Promise<Map<string, StockEntity>> {
    const out = new Map<string, StockEntity>();
    if (!storeIds.length) return out;
    const qb = m
      .getRepository(StockEntity)
      .createQueryBuilder('s')
      .where('s.store_id IN (:...ids)', { ids: storeIds });
    if (m.connection.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write');
    for (const s of await qb.getMany()) out.set(`${s.storeId}:${s.productId}`, s);
    return out;
  }

  private summary(m: EntityManager, actor: AuditActor, entity: string, counts: ImportResult): Promise<void> {
    return this.deps.audit.record(m, actor, {
      action: 'import_csv',
      entity,
      entityId: 'csv',
      after: { created: counts.created, updated: counts.updated, unchanged: counts.unchanged },
    });
  }
}
