import type { EntityManager } from 'typeorm';
import type { OrderStatus } from '@omni/shared-types';
import { OrderEntity, OrderItemEntity } from './order.entity';

/**
 * Order states whose units were taken from `store_stock.quantity` and are still physically in the
 * store: unpaid (reserved at checkout), paid and not yet handed to a courier or the customer, and
 * failed deliveries brought back. Delivered, picked up, out for delivery have left; cancelled
 * orders gave their units back.
 */
export const STOCK_HOLDING_STATUSES: readonly OrderStatus[] = [
  'pending_payment',
  'paid',
  'assigned',
  'ready_for_pickup',
  'delivery_failed',
];

/** One (store, product) pair's units held by open orders. */
export interface StockHold {
  storeId: number;
  productId: number;
  units: number;
}

/**
 * Units held by open orders per (store, product), optionally limited to some stores and products
 * (units refunded before shipping were already given back, so they do not count).
 */
export async function stockHolds(
  m: EntityManager,
  filter: { storeIds?: number[]; productIds?: number[] },
): Promise<StockHold[]> {
  if (filter.storeIds?.length === 0 || filter.productIds?.length === 0) return [];
  const qb = m
    .createQueryBuilder()
    .select('o.store_id', 'storeId')
    .addSelect('i.product_id', 'productId')
    .addSelect('SUM(i.quantity - i.refunded_qty)', 'units')
    .from(OrderItemEntity, 'i')
    .innerJoin(OrderEntity, 'o', 'o.id = i.order_id')
    .where('o.status IN (:...statuses)', { statuses: STOCK_HOLDING_STATUSES })
    .groupBy('o.store_id')
    .addGroupBy('i.product_id');
  if (filter.storeIds) qb.andWhere('o.store_id IN (:...storeIds)', { storeIds: filter.storeIds });
  if (filter.productIds) qb.andWhere('i.product_id IN (:...productIds)', { productIds: filter.productIds });
  const rows = await qb.getRawMany<{
    storeId: number | string;
    productId: number | string;
    units: number | string;
  }>();
  return rows
    .map((r) => ({ storeId: Number(r.storeId), productId: Number(r.productId), units: Number(r.units) }))
    .filter((h) => h.units > 0);
}
