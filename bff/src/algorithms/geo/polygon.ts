import type { LatLng } from '@omni/shared-types';
import { EARTH_RADIUS_M } from './distance';

/**
 * A polygon ring as `{lat,lng}` vertices in degrees, the same shape as every other position in
 * the project; closing the ring (repeating the first vertex) is optional. Rings must not cross
 * the antimeridian, which no Chinese delivery zone does.
 */
export type Ring = readonly LatLng[];

/** An axis-aligned bounding box in degrees. */
export interface BBox {
  minLat: number;
  minLng: number;
  maxLat: number;
  maxLng: number;
}

/** True when the point (degrees) is inside the ring, by even-odd ray casting; points exactly on an edge may go either way. */
export function pointInPolygon(p: LatLng, ring: Ring): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = ring[i];
    const b = ring[j];
    // Half-open rule on latitude so a ray through a vertex is counted once.
    if (a.lat > p.lat !== b.lat > p.lat) {
      const crossLng = a.lng + ((p.lat - a.lat) * (b.lng - a.lng)) / (b.lat - a.lat);
      if (p.lng < crossLng) inside = !inside;
    }
  }
  return inside;
}

/** True when the point (degrees) is inside the outer ring and outside every hole ring. */
export function pointInPolygonWithHoles(p: LatLng, outer: Ring, holes: readonly Ring[] = []): boolean {
  return pointInPolygon(p, outer) && !holes.some((hole) => pointInPolygon(p, hole));
}

/** Bounding box of a ring in degrees; throws on an empty ring, which has none. */
export function polygonBbox(ring: Ring): BBox {
  if (ring.length === 0) throw new RangeError('polygonBbox: empty ring');
  const box: BBox = { minLat: Infinity, minLng: Infinity, maxLat: -Infinity, maxLng: -Infinity };
  for (const v of ring) {
    box.minLat = Math.min(box.minLat, v.lat);
    box.maxLat = Math.max(box.maxLat, v.lat);
    box.minLng = Math.min(box.minLng, v.lng);
    box.maxLng = Math.max(box.maxLng, v.lng);
  }
  return box;
}

/** Smallest box (degrees) containing every point within `radiusM` metres of `center`; a cheap pre-filter before haversine. */
export function bboxAroundPoint(center: LatLng, radiusM: number): BBox {
  const dLatDeg = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI);
  const minLat = Math.max(-90, center.lat - dLatDeg);
  const maxLat = Math.min(90, center.lat + dLatDeg);
  // Use the latitude nearest a pole, where a degree of longitude is shortest, so the box never clips the circle.
  const widestCos = Math.cos((Math.max(Math.abs(minLat), Math.abs(maxLat)) * Math.PI) / 180);
  if (widestCos < 1e-12) return { minLat, maxLat, minLng: -180, maxLng: 180 };
  const dLngDeg = Math.min(180, dLatDeg / widestCos);
  return { minLat, maxLat, minLng: center.lng - dLngDeg, maxLng: center.lng + dLngDeg };
}

/** True when the point (degrees) lies inside or on the edge of the box. */
export function bboxContains(box: BBox, p: LatLng): boolean {
  return p.lat >= box.minLat && p.lat <= box.maxLat && p.lng >= box.minLng && p.lng <= box.maxLng;
}
