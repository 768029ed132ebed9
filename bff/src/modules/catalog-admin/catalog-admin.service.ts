import type {
  AdminProduct,
  AdminProductListQuery,
  AdminProductListResponse,
  AdminStockListQuery,
  AdminStockListResponse,
  AdminStockRow,
  CreateProductBody,
  SetStockBody,
  UpdateProductBody,
} from '@omni/shared-types';
import { LOW_STOCK_UNITS } from '@omni/shared-types';
import type { TxRunner } from '../../db/tx';
import { assertStoreAccess } from '../../http/permissions';
import type { AuditActor, AuditService } from '../audit/audit.service';
import { stockHolds } from '../orders/stock-holds';
import type { CatalogAdminRepository } from './catalog-admin.repository';
import type { CatalogChanges } from './catalog-changes';
import {
  createProductIn,
  productNotFound,
  setStockIn,
  storeNotFound,
  toAdminProduct,
  updateProductIn,
} from './catalog-writer';

/** Products and per-store stock behind the admin API: every write versioned and audited in its transaction. */
export class CatalogAdminService {
  constructor(
    private readonly deps: {
      repo: CatalogAdminRepository;
      tx: TxRunner;
      audit: AuditService;
      changes: CatalogChanges;
    },
  ) {}

  /** A page of products, each with its stock across stores (or in `q.storeId` only: 404 when no such store). */
  async listProducts(q: AdminProductListQuery): Promise<AdminProductListResponse> {
    if (q.storeId !== undefined && !(await this.deps.repo.storeExists(q.storeId))) throw storeNotFound();
    const { rows, total } = await this.deps.repo.products(q);
    const stock = await this.deps.repo.stockSummaries(
      rows.map((r) => r.id),
      q.storeId,
    );
    return {
      items: rows.map((r) => ({ ...toAdminProduct(r), stock: stock.get(r.id)! })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** One product (archived ones too). */
  async product(id: number): Promise<AdminProduct> {
    const p = await this.deps.repo.product(id);
    if (!p) throw productNotFound();
    return toAdminProduct(p);
  }

  /** Creates a product; the consumer catalogue lists it at once (when active). */
  async createProduct(actor: AuditActor, body: CreateProductBody): Promise<AdminProduct> {
    const created = await this.deps.tx.run(async (m) => {
      const p = toAdminProduct(await createProductIn(m, body));
      await this.deps.audit.record(m, actor, {
        action: 'create',
        entity: 'product',
        entityId: p.id,
        after: p,
      });
      return p;
    });
    await this.deps.changes.changed();
    return created;
  }

  /** Updates any subset of a product's fields under its version (409 VERSION_CONFLICT when stale). */
  async updateProduct(actor: AuditActor, id: number, body: UpdateProductBody): Promise<AdminProduct> {
    const updated = await this.deps.tx.run(async (m) => {
      const { before, after } = await updateProductIn(m, id, body);
      const a = toAdminProduct(after);
      await this.deps.audit.record(m, actor, {
        action: 'update',
        entity: 'product',
        entityId: id,
        before: toAdminProduct(before),
        after: a,
      });
      return a;
    });
    await this.deps.changes.changed();
    return updated;
  }

  /** Sets the units on hand of a product in a store the caller may manage (others: 404). */
  async setStock(
    actor: AuditActor,
    storeId: number,
    productId: number,
    body: SetStockBody,
  ): Promise<AdminStockRow> {
    assertStoreAccess(actor.principal, storeId, storeNotFound);
    const row = await this.deps.tx.run(async (m) => {
      const { before, after } = await setStockIn(m, storeId, productId, body.quantity, body.version);
      await this.deps.audit.record(m, actor, {
        action: before ? 'update' : 'create',
        entity: 'stock',
        entityId: `${storeId}:${productId}`,
        before,
        after,
      });
      return after;
    });
    const p = await this.deps.repo.product(productId);
    return {
      storeId,
      productId,
      sku: p?.sku ?? '',
      name: p?.name ?? '',
      status: p?.active === false ? 'archived' : 'active',
      onHand: row.onHand,
      reserved: row.reserved,
      available: row.available,
      lowStock: row.available <= LOW_STOCK_UNITS,
      version: row.version,
    };
  }

  /** A page of one store's stock (the caller's own store unless admin). */
  async listStock(
    actor: AuditActor,
    storeId: number,
    q: AdminStockListQuery,
  ): Promise<AdminStockListResponse> {
    assertStoreAccess(actor.principal, storeId, storeNotFound);
    if (!(await this.deps.repo.storeExists(storeId))) throw storeNotFound();
    const { rows, total } = await this.deps.repo.stock(storeId, q);
    const holds = await stockHolds(this.deps.repo.manager(), {
      storeIds: [storeId],
      productIds: rows.map((r) => r.productId),
    });
    const held = new Map(holds.map((h) => [h.productId, h.units]));
    return {
      items: rows.map((r) => {
        const reserved = held.get(r.productId) ?? 0;
        return {
          storeId,
          productId: r.productId,
          sku: r.sku,
          name: r.name,
          status: r.active ? 'active' : 'archived',
          onHand: r.available + reserved,
          reserved,
          available: r.available,
          lowStock: r.available <= LOW_STOCK_UNITS,
          version: r.version,
        };
      }),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
