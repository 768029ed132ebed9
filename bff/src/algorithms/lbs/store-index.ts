import type { LatLng } from '@omni/shared-types';
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import { EARTH_RADIUS_M, haversineM } from '../geo';

// geokdbush measures on a 6371 km sphere; converting through it keeps its cut-off on the
// same angle as haversineM's.
const GEOKDBUSH_EARTH_RADIUS_KM = 6371;
// Two formulas for the same great-circle distance disagree by far less than a micrometre.
const TIE_EPSILON_M = 1e-6;
// Fetching a few extra candidates lets ties and rounding at the k-th place be settled exactly.
const EXTRA_CANDIDATES = 4;

/** A store position to index: GCJ-02 degrees. */
export interface IndexedStore {
  id: number;
  lat: number;
  lng: number;
}

/** Options of a nearest-stores query: a radius in metres and a predicate on store ids. */
export interface NearestOptions {
  maxDistanceM?: number;
  filter?: (id: number) => boolean;
}

/** One answer of a nearest-stores query, with its great-circle distance in metres. */
export interface NearestHit {
  id: number;
  distanceM: number;
}

function byDistanceThenId(a: NearestHit, b: NearestHit): number {
  return a.distanceM - b.distanceM || a.id - b.id;
}

/** The k stores nearest to `p` by checking every store (the reference for StoreIndex), distances in metres. */
export function bruteForceNearest(
  stores: readonly IndexedStore[],
  p: LatLng,
  k: number,
  opts: NearestOptions = {},
): NearestHit[] {
  const limit = Math.floor(k);
  if (limit <= 0) return [];
  const maxM = opts.maxDistanceM ?? Infinity;
  const hits: NearestHit[] = [];
  for (const s of stores) {
    if (opts.filter && !opts.filter(s.id)) continue;
    const distanceM = haversineM(p, s);
    if (distanceM <= maxM) hits.push({ id: s.id, distanceM });
  }
  return hits.sort(byDistanceThenId).slice(0, limit);
}

/** A static k-d tree over store positions (GCJ-02) answering k-nearest queries with exact haversine distances in metres. */
export class StoreIndex {
  private readonly ids: Float64Array;
  private readonly lats: Float64Array;
  private readonly lngs: Float64Array;
  private readonly tree: KDBush | null;

  constructor(stores: readonly IndexedStore[]) {
    const n = stores.length;
    this.ids = new Float64Array(n);
    this.lats = new Float64Array(n);
    this.lngs = new Float64Array(n);
    this.tree = n > 0 ? new KDBush(n) : null;
    stores.forEach((s, i) => {
      this.ids[i] = s.id;
      this.lats[i] = s.lat;
      this.lngs[i] = s.lng;
      this.tree?.add(s.lng, s.lat);
    });
    this.tree?.finish();
  }

  /** Number of indexed stores. */
  get size(): number {
    return this.ids.length;
  }

  /** The k stores nearest to `p` (GCJ-02), optionally within `maxDistanceM` metres and passing `filter`, nearest first. */
  nearest(p: LatLng, k: number, opts: NearestOptions = {}): NearestHit[] {
    const limit = Math.floor(k);
    if (!this.tree || limit <= 0) return [];
    const maxM = opts.maxDistanceM ?? Infinity;
    // A hair of slack on the cut-off; the exact haversineM test below decides. Past half the
    // globe there is no cut-off at all (and geokdbush's haversine would wrap around).
    const maxKm =
      maxM < Math.PI * EARTH_RADIUS_M
        ? ((maxM + TIE_EPSILON_M) / EARTH_RADIUS_M) * GEOKDBUSH_EARTH_RADIUS_KM
        : undefined;
    const filter = opts.filter;
    const ids = this.ids;
    const predicate = filter ? (i: number): boolean => filter(ids[i]) : undefined;

    let want = limit + EXTRA_CANDIDATES;
    for (;;) {
      const found = around(this.tree, p.lng, p.lat, want, maxKm, predicate);
      const hits: NearestHit[] = [];
      for (const i of found) {
        const distanceM = haversineM(p, { lat: this.lats[i], lng: this.lngs[i] });
        if (distanceM <= maxM) hits.push({ id: ids[i], distanceM });
      }
      hits.sort(byDistanceThenId);
      // Complete when the tree ran out or the search reached past the radius; otherwise settled
      // once the last candidate is clearly beyond the k-th, so nothing unfetched can tie with it.
      const complete = found.length < want || hits.length < found.length;
      if (complete || hits[hits.length - 1].distanceM > hits[limit - 1].distanceM + TIE_EPSILON_M) {
        return hits.slice(0, limit);
      }
      want *= 2;
    }
  }
}
