import { bruteForceNearest, StoreIndex, type IndexedStore } from './store-index';

/** mulberry32: a tiny seeded generator so failures reproduce. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stores scattered over greater Shanghai, with some sharing one building (exact ties). */
function randomStores(n: number, rand: () => number): IndexedStore[] {
  const stores: IndexedStore[] = [];
  for (let i = 0; i < n; i++) {
    const twin = i > 0 && rand() < 0.05 ? stores[Math.floor(rand() * i)] : null;
    stores.push({
      id: 1000 + i * 7,
      lat: twin?.lat ?? 30.7 + rand() * 1.2,
      lng: twin?.lng ?? 120.9 + rand() * 1.1,
    });
  }
  return stores;
}

describe('StoreIndex', () => {
  const rand = seeded(42);
  const stores = randomStores(3000, rand);
  const index = new StoreIndex(stores);
  const queries = Array.from({ length: 300 }, () => ({
    lat: 30.6 + rand() * 1.4,
    lng: 120.8 + rand() * 1.3,
  }));

  it('answers exactly like brute force on random data', () => {
    for (const [i, q] of queries.entries()) {
      const k = 1 + (i % 25);
      expect(index.nearest(q, k)).toEqual(bruteForceNearest(stores, q, k));
    }
  });

  it('answers exactly like brute force with a filter and a radius', () => {
    const inStock = new Set(stores.filter(() => rand() < 0.1).map((s) => s.id));
    const filter = (id: number): boolean => inStock.has(id);
    for (const [i, q] of queries.entries()) {
      const opts = { filter, maxDistanceM: i % 2 ? 3_000 : undefined };
      expect(index.nearest(q, 10, opts)).toEqual(bruteForceNearest(stores, q, 10, opts));
    }
  });

  it('sorts by distance in metres, nearest first', () => {
    const hits = index.nearest(queries[0], 20);
    expect(hits).toHaveLength(20);
    for (let i = 1; i < hits.length; i++)
      expect(hits[i].distanceM).toBeGreaterThanOrEqual(hits[i - 1].distanceM);
  });

  it('breaks ties between stores at the same spot by id', () => {
    const spot = { lat: 31.2304, lng: 121.4737 };
    const twins = new StoreIndex([9, 3, 7, 5].map((id) => ({ id, ...spot })));
    expect(twins.nearest(spot, 2)).toEqual([
      { id: 3, distanceM: 0 },
      { id: 5, distanceM: 0 },
    ]);
  });

  it('returns nothing from an empty index', () => {
    const empty = new StoreIndex([]);
    expect(empty.size).toBe(0);
    expect(empty.nearest({ lat: 31.2, lng: 121.4 }, 5)).toEqual([]);
  });

  it('returns every store when k exceeds their number', () => {
    const few = stores.slice(0, 7);
    const hits = new StoreIndex(few).nearest(queries[1], 50);
    expect(hits.map((h) => h.id).sort((a, b) => a - b)).toEqual(few.map((s) => s.id).sort((a, b) => a - b));
  });

  it('returns nothing for k of zero, nothing beyond the radius, nothing when all are filtered out', () => {
    expect(index.nearest(queries[2], 0)).toEqual([]);
    expect(index.nearest({ lat: 39.9, lng: 116.4 }, 5, { maxDistanceM: 50_000 })).toEqual([]);
    expect(index.nearest(queries[2], 5, { filter: () => false })).toEqual([]);
  });

  it('includes a store exactly at the radius', () => {
    const [first] = index.nearest(queries[3], 1);
    expect(index.nearest(queries[3], 1, { maxDistanceM: first.distanceM })).toEqual([first]);
  });
});
