import type { EntityManager } from 'typeorm';
import type { AdminProduct, CreateProductBody, UpdateProductBody } from '@omni/shared-types';
import { ConflictError, NotFoundError, UnprocessableError } from '../../http/errors';
import { isUniqueViolation } from '../../db/tx';
import { CategoryEntity, ProductEntity, StockEntity } from '../catalog/catalog.entity';
import { StoreEntity } from '../stores/store.entity';
import { stockHolds } from '../orders/stock-holds';
import { updateVersioned, VersionConflictError } from '../audit/versioned';

// The writes behind the admin API, taking the caller's EntityManager: the admin services run them
// inside a transaction with the audit entry, and the demo seed runs the very same ones.

/** The back-office view of a product row (`active` is stored, `status` is what the API speaks). */
export function toAdminProduct(p: ProductEntity): AdminProduct {
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    subtitle: p.subtitle,
    categoryId: p.categoryId,
    priceFen: p.priceFen,
    originalPriceFen: p.originalPriceFen,
    unit: p.unit,
    description: p.description,
    images: p.images,
    attributes: p.attributes,
    tags: p.tags,
    status: p.active ? 'active' : 'archived',
    volumeL: p.volumeL,
    maxPerOrder: p.maxPerOrder,
    version: p.version,
  };
}

/** Entity fields of an API product payload (`status` becomes `active`). */
export function toProductFields(
  body: Omit<Partial<CreateProductBody>, 'status'> & { status?: AdminProduct['status'] },
): Partial<ProductEntity> {
  const { status, ...rest } = body;
  const out: Partial<ProductEntity> = { ...rest };
  if (status !== undefined) out.active = status === 'active';
  return out;
}

export const productNotFound = () => new NotFoundError('PRODUCT_NOT_FOUND', '商品不存在');
export const storeNotFound = () => new NotFoundError('STORE_NOT_FOUND', '门店不存在');
const skuTaken = (sku: string) => new ConflictError('SKU_TAKEN', `SKU ${sku} 已被其他商品使用`, { sku });

/** 422 CATEGORY_NOT_FOUND unless category `id` exists. */
export async function assertCategory(m: EntityManager, id: string): Promise<void> {
  if (!(await m.getRepository(CategoryEntity).existsBy({ id }))) {
    throw new UnprocessableError('CATEGORY_NOT_FOUND', `分类 ${id} 不存在`, {
      fields: [{ path: 'categoryId', message: '分类不存在' }],
    });
  }
}

/** Creates or renames a category (id is its slug). */
export async function upsertCategoryIn(
  m: EntityManager,
  c: { id: string; name: string; icon: string; sort: number },
): Promise<void> {
  await m.getRepository(CategoryEntity).save({ id: c.id, name: c.name, icon: c.icon, sort: c.sort });
}

/** Inserts a product; 409 SKU_TAKEN when the SKU exists, 422 CATEGORY_NOT_FOUND for an unknown category. */
export async function createProductIn(m: EntityManager, body: CreateProductBody): Promise<ProductEntity> {
  await assertCategory(m, body.categoryId);
  const repo = m.getRepository(ProductEntity);
  if (await repo.existsBy({ sku: body.sku })) throw skuTaken(body.sku);
  try {
    const res = await repo.insert({ ...toProductFields(body), version: 1 } as ProductEntity);
    return await repo.findOneByOrFail({ id: Number(res.identifiers[0].id) });
  } catch (err) {
    if (isUniqueViolation(err)) throw skuTaken(body.sku);
    throw err;
  }
}

/** Applies a PATCH under its version; answers the row before and after for the audit log. */
export async function updateProductIn(
  m: EntityManager,
  id: number,
  body: UpdateProductBody,
): Promise<{ before: ProductEntity; after: ProductEntity }> {
  const { version, ...patch } = body;
  if (patch.categoryId !== undefined) await assertCategory(m, patch.categoryId);
  if (patch.sku !== undefined) {
    const other = await m.getRepository(ProductEntity).findOneBy({ sku: patch.sku });
    if (other && other.id !== id) throw skuTaken(patch.sku);
  }
  try {
    return await updateVersioned(m, ProductEntity, id, version, toProductFields(patch), {
      notFound: productNotFound,
      current: toAdminProduct,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw skuTaken(patch.sku ?? '');
    throw err;
  }
}

/** One product's stock in one store, as the admin sees it. */
export interface StockState {
  onHand: number;
  reserved: number;
  available: number;
  version: number | null;
}

/** Reads (on MySQL: locks) the stock row first, so no order can take units between the reads below. */
async function lockedStock(
  m: EntityManager,
  storeId: number,
  productId: number,
): Promise<StockEntity | null> {
  const qb = m
    .getRepository(StockEntity)
    .createQueryBuilder('s')
    .where('s.store_id = :storeId AND s.product_id = :productId', { storeId, productId });
  if (m.connection.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write');
  return qb.getOne();
}

/**
 * Sets the physical count of `productId` in `storeId`. `store_stock.quantity` stays "what can be
 * sold" (checkout decrements it), so it becomes `onHand - reserved`; below what open orders hold
 * → 409 STOCK_BELOW_RESERVED. Answers the state before (null: never stocked) and after.
 */
export async function setStockIn(
  m: EntityManager,
  storeId: number,
  productId: number,
  onHand: number,
  version: number | undefined,
): Promise<{ before: StockState | null; after: StockState }> {
  // The lock must be this transaction's first read: a later snapshot could miss an order it waits on.
  const row = await lockedStock(m, storeId, productId);
  if (!(await m.getRepository(StoreEntity).existsBy({ id: storeId }))) throw storeNotFound();
  if (!(await m.getRepository(ProductEntity).existsBy({ id: productId }))) throw productNotFound();
  const holds = await stockHolds(m, { storeIds: [storeId], productIds: [productId] });
  const reserved = holds[0]?.units ?? 0;
  const before: StockState | null = row
    ? { onHand: row.quantity + reserved, reserved, available: row.quantity, version: row.version }
    : null;
  if (version !== undefined && (row?.version ?? null) !== version) throw new VersionConflictError(before);
  if (onHand < reserved) {
    throw new ConflictError('STOCK_BELOW_RESERVED', `库存不能低于未完成订单占用的 ${reserved} 件`, {
      reserved,
      requested: onHand,
      current: before,
    });
  }
  if (!row) {
    try {
      await m
        .getRepository(StockEntity)
        .insert({ storeId, productId, quantity: onHand - reserved, version: 1 });
    } catch (err) {
      if (isUniqueViolation(err)) throw new VersionConflictError(null);
      throw err;
    }
    return { before, after: { onHand, reserved, available: onHand - reserved, version: 1 } };
  }
  const { after } = await updateVersioned(
    m,
    StockEntity,
    row.id,
    row.version,
    { quantity: onHand - reserved },
    { notFound: productNotFound, current: () => before },
  );
  return { before, after: { onHand, reserved, available: after.quantity, version: after.version } };
}
