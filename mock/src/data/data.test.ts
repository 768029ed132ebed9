import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { categories, couriers, products, staff, stores } from './index';

const assetsDir = join(__dirname, '..', '..', 'assets');
const storeCodes = new Set(stores.map((s) => s.code));
const deliveryStores = stores.filter((s) => s.services.includes('delivery'));

/** Resolves an "/assets/..." URL path to the file the server would send. */
const assetFile = (urlPath: string): string => join(assetsDir, urlPath.replace(/^\/assets\//, ''));

const duplicates = (values: string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);

describe('demo stores', () => {
  it('has ten stores with unique codes', () => {
    expect(stores).toHaveLength(10);
    expect(duplicates(stores.map((s) => s.code))).toEqual([]);
  });

  it('places every store inside Shanghai', () => {
    for (const s of stores) {
      expect([s.code, s.lat >= 30.7 && s.lat <= 31.9, s.lng >= 120.8 && s.lng <= 122.2]).toEqual([
        s.code,
        true,
        true,
      ]);
    }
  });

  it('lists opening hours for each weekday once, opening before closing', () => {
    for (const s of stores) {
      expect(s.hours.map((h) => h.weekday).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
      for (const h of s.hours) expect(h.open < h.close).toBe(true);
    }
  });

  it('uses Shanghai landline numbers', () => {
    for (const s of stores) expect(s.phone).toMatch(/^021-\d{8}$/);
  });
});

describe('demo categories', () => {
  it('has unique slugs whose icons exist on disk', () => {
    expect(duplicates(categories.map((c) => c.id))).toEqual([]);
    for (const c of categories) {
      expect(c.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect([c.icon, existsSync(assetFile(c.icon))]).toEqual([c.icon, true]);
    }
  });

  it('gives every category at least eight products', () => {
    for (const c of categories) {
      expect([c.id, products.filter((p) => p.categoryId === c.id).length >= 8]).toEqual([c.id, true]);
    }
  });
});

describe('demo products', () => {
  it('has at least 64 products with unique skus in known categories', () => {
    expect(products.length).toBeGreaterThanOrEqual(64);
    expect(duplicates(products.map((p) => p.sku))).toEqual([]);
    const categoryIds = new Set(categories.map((c) => c.id));
    expect(products.filter((p) => !categoryIds.has(p.categoryId)).map((p) => p.sku)).toEqual([]);
  });

  it('prices in positive integer fen, with any original price above the sale price', () => {
    for (const p of products) {
      expect([p.sku, Number.isInteger(p.priceFen) && p.priceFen > 0]).toEqual([p.sku, true]);
      if (p.originalPriceFen !== null) {
        expect([p.sku, Number.isInteger(p.originalPriceFen) && p.originalPriceFen > p.priceFen]).toEqual([
          p.sku,
          true,
        ]);
      }
    }
  });

  it('gives every product a parcel volume and an order limit', () => {
    for (const p of products) {
      expect([p.sku, p.volumeL > 0, Number.isInteger(p.maxPerOrder) && p.maxPerOrder >= 1]).toEqual([
        p.sku,
        true,
        true,
      ]);
    }
  });

  it('keeps stock only for known stores, in whole non-negative units', () => {
    for (const p of products) {
      for (const [code, units] of Object.entries(p.stock)) {
        expect([p.sku, code, storeCodes.has(code), Number.isInteger(units) && units >= 0]).toEqual([
          p.sku,
          code,
          true,
          true,
        ]);
      }
    }
  });

  it('has every product in stock in at least three stores', () => {
    const scarce = products.filter((p) => Object.values(p.stock).filter((n) => n > 0).length < 3);
    expect(scarce.map((p) => p.sku)).toEqual([]);
  });

  it('has one to two images per product, all present on disk', () => {
    for (const p of products) {
      expect(p.images.length).toBeGreaterThanOrEqual(1);
      expect(p.images.length).toBeLessThanOrEqual(2);
      for (const img of p.images) expect([img, existsSync(assetFile(img))]).toEqual([img, true]);
    }
  });

  it('finds at least three face creams when searching for 面霜', () => {
    const hits = products.filter((p) => `${p.name} ${p.subtitle} ${p.description}`.includes('面霜'));
    expect(hits.length).toBeGreaterThanOrEqual(3);
    expect(hits.every((p) => p.categoryId === 'skincare')).toBe(true);
  });
});

describe('demo couriers and staff', () => {
  it('attaches every courier to a delivery store, and every delivery store has one', () => {
    const deliveryCodes = new Set(deliveryStores.map((s) => s.code));
    expect(couriers.filter((c) => !deliveryCodes.has(c.storeCode)).map((c) => c.code)).toEqual([]);
    const uncovered = deliveryStores.filter((s) => !couriers.some((c) => c.storeCode === s.code));
    expect(uncovered.map((s) => s.code)).toEqual([]);
  });

  it('has unique courier codes, 11-digit mobile numbers and sane shifts', () => {
    expect(couriers.length).toBeGreaterThanOrEqual(12);
    expect(duplicates(couriers.map((c) => c.code))).toEqual([]);
    for (const c of couriers) {
      expect(c.phone).toMatch(/^1\d{10}$/);
      expect(c.shiftStart < c.shiftEnd).toBe(true);
      expect(c.capacityL).toBeGreaterThan(0);
    }
  });

  it('gives every store one manager and one clerk', () => {
    expect(duplicates(staff.map((s) => s.code))).toEqual([]);
    for (const s of stores) {
      const roles = staff.filter((m) => m.storeCode === s.code).map((m) => m.role);
      expect([s.code, roles.sort()]).toEqual([s.code, ['clerk', 'manager']]);
    }
  });
});
