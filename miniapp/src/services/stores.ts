import { NearbyStoresResponse, type LatLng, type ProductDetail } from '@omni/shared-types';
import { ApiError, request } from './request';

/** A store the order can be picked up from. */
export interface PickupStore {
  storeId: number;
  name: string;
  address: string | null;
  /** Metres from the customer, null when no position is known. */
  distanceM: number | null;
  /** e.g. 营业中 · 22:00 打烊; null when unknown. */
  openLabel: string | null;
  openNow: boolean | null;
  /** True when the store has every line in the wanted quantity. */
  hasStock: boolean;
}

/** Quantity of each product the order wants. */
export interface WantedLine {
  productId: number;
  quantity: number;
}

function stockByStore(
  products: ProductDetail[],
  lines: WantedLine[],
): Map<number, { name: string; ok: boolean; distanceM: number | null }> {
  const out = new Map<number, { name: string; ok: boolean; distanceM: number | null }>();
  products.forEach((product) => {
    const wanted = lines.find((l) => l.productId === product.id)?.quantity ?? 1;
    product.stock.forEach((row) => {
      const prev = out.get(row.storeId);
      const ok = row.quantity >= wanted;
      out.set(row.storeId, {
        name: row.storeName,
        ok: (prev?.ok ?? true) && ok,
        distanceM: row.distanceM ?? prev?.distanceM ?? null,
      });
    });
  });
  // A store missing from some product's stock rows has none of it.
  out.forEach((entry, storeId) => {
    if (products.some((p) => !p.stock.some((row) => row.storeId === storeId))) entry.ok = false;
  });
  return out;
}

function byStockThenDistance(a: PickupStore, b: PickupStore): number {
  if (a.hasStock !== b.hasStock) return a.hasStock ? -1 : 1;
  if (a.distanceM !== null && b.distanceM !== null) return a.distanceM - b.distanceM;
  if (a.distanceM !== null) return -1;
  if (b.distanceM !== null) return 1;
  return a.storeId - b.storeId;
}

/**
 * Pickup stores for the lines, with stock first and nearest first: `GET /stores/nearby` when a
 * position is known and the BFF has it; otherwise the stores derived from the products' stock rows
 * (`products` are the lines' details, already loaded by the caller).
 */
export async function pickupStores(
  products: ProductDetail[],
  lines: WantedLine[],
  position: LatLng | null,
): Promise<PickupStore[]> {
  const stock = stockByStore(products, lines);
  if (position) {
    try {
      const nearby = await request({
        path: '/stores/nearby',
        query: {
          lat: position.lat.toFixed(6),
          lng: position.lng.toFixed(6),
          limit: 20,
          service: 'pickup',
          productId: lines.length === 1 ? lines[0].productId : undefined,
        },
        schema: NearbyStoresResponse,
        silent: true,
      });
      return nearby.items
        .map((s) => ({
          storeId: s.id,
          name: s.name,
          address: s.address,
          distanceM: s.distanceM,
          openLabel: s.open.label,
          openNow: s.open.openNow,
          hasStock: stock.get(s.id)?.ok ?? false,
        }))
        .sort(byStockThenDistance);
    } catch (err) {
      // An older BFF without /stores/nearby: fall through to the stock rows.
      if (!(err instanceof ApiError) || (err.code !== 'ROUTE_NOT_FOUND' && err.status !== 404)) throw err;
    }
  }
  return [...stock.entries()]
    .map(([storeId, s]) => ({
      storeId,
      name: s.name,
      address: null,
      distanceM: s.distanceM,
      openLabel: null,
      openNow: null,
      hasStock: s.ok,
    }))
    .sort(byStockThenDistance);
}
