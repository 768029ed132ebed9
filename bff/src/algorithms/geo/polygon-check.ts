import type { LatLng } from '@omni/shared-types';

/** Why a ring was refused: a message in Chinese and the path of the offending part (GeoJSON indices). */
export interface RingProblem {
  path: string;
  message: string;
}

/** The most vertices a delivery-zone ring may have (the self-intersection check is quadratic). */
export const MAX_RING_VERTICES = 2000;

/** Signed area of a ring in squared degrees (lng as x, lat as y); zero for a degenerate ring. */
export function ringAreaDeg2(ring: readonly LatLng[]): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    twice += (ring[j].lng + ring[i].lng) * (ring[j].lat - ring[i].lat);
  }
  return twice / 2;
}

function orient(a: LatLng, b: LatLng, c: LatLng): number {
  const v = (b.lng - a.lng) * (c.lat - a.lat) - (b.lat - a.lat) * (c.lng - a.lng);
  return Math.abs(v) < 1e-18 ? 0 : Math.sign(v);
}

function onSegment(a: LatLng, b: LatLng, p: LatLng): boolean {
  return (
    Math.min(a.lng, b.lng) <= p.lng &&
    p.lng <= Math.max(a.lng, b.lng) &&
    Math.min(a.lat, b.lat) <= p.lat &&
    p.lat <= Math.max(a.lat, b.lat)
  );
}

/** True when segments ab and cd share any point (touching and collinear overlap included). */
export function segmentsIntersect(a: LatLng, b: LatLng, c: LatLng, d: LatLng): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSegment(a, b, c)) return true;
  if (o2 === 0 && onSegment(a, b, d)) return true;
  if (o3 === 0 && onSegment(c, d, a)) return true;
  return o4 === 0 && onSegment(c, d, b);
}

/**
 * The first pair of non-adjacent edges of an (unclosed) ring that touch or cross, as edge indices
 * (edge i runs from vertex i to vertex i+1, the last one back to vertex 0); null for a simple ring.
 */
export function selfIntersection(ring: readonly LatLng[]): [number, number] | null {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    for (let j = i + 1; j < n; j++) {
      // Neighbouring edges share a vertex by construction; that is not a crossing.
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      if (segmentsIntersect(a, b, ring[j], ring[(j + 1) % n])) return [i, j];
    }
  }
  return null;
}

/**
 * Checks the outer ring of a GeoJSON Polygon (positions `[lng, lat]` in degrees) and returns it as
 * an unclosed `{lat,lng}` ring: the closing position is optional, repeated consecutive positions
 * are dropped. Refuses holes, non-numeric or out-of-range positions, fewer than 3 distinct
 * vertices, a ring with no area and a self-intersecting ring (a bow-tie, or one that touches itself).
 */
export function checkPolygon(
  coordinates: readonly (readonly (readonly number[])[])[],
): { ring: LatLng[] } | { problem: RingProblem } {
  if (coordinates.length === 0) return { problem: { path: 'coordinates', message: '多边形没有任何顶点' } };
  if (coordinates.length > 1) {
    return { problem: { path: 'coordinates.1', message: '不支持带内环（挖洞）的配送区' } };
  }
  const raw = coordinates[0];
  if (raw.length > MAX_RING_VERTICES + 1) {
    return { problem: { path: 'coordinates.0', message: `顶点过多（最多 ${MAX_RING_VERTICES} 个）` } };
  }
  const ring: LatLng[] = [];
  for (let i = 0; i < raw.length; i++) {
    const pos = raw[i];
    const path = `coordinates.0.${i}`;
    if (pos.length !== 2 || !pos.every(Number.isFinite)) {
      return { problem: { path, message: '每个顶点须为 [经度, 纬度] 两个数字' } };
    }
    const [lng, lat] = pos;
    if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
      return {
        problem: { path, message: `坐标超出范围：经度 -180~180，纬度 -90~90（收到 [${lng}, ${lat}]）` },
      };
    }
    const prev = ring[ring.length - 1];
    if (!prev || prev.lat !== lat || prev.lng !== lng) ring.push({ lat, lng });
  }
  if (
    ring.length > 1 &&
    ring[0].lat === ring[ring.length - 1].lat &&
    ring[0].lng === ring[ring.length - 1].lng
  ) {
    ring.pop();
  }
  if (ring.length < 3) {
    return {
      problem: { path: 'coordinates.0', message: `多边形至少需要 3 个不同的顶点（现有 ${ring.length} 个）` },
    };
  }
  const cross = selfIntersection(ring);
  if (cross) {
    return {
      problem: {
        path: `coordinates.0.${cross[0]}`,
        message: `多边形自相交：第 ${cross[0] + 1} 条边与第 ${cross[1] + 1} 条边相交`,
      },
    };
  }
  // 1e-10 deg² is about 1 m²: collinear vertices give float noise, not exactly zero.
  if (Math.abs(ringAreaDeg2(ring)) < 1e-10) {
    return { problem: { path: 'coordinates.0', message: '多边形面积为零（顶点共线）' } };
  }
  return { ring };
}

/** A stored ring as a closed GeoJSON Polygon (positions `[lng, lat]`). */
export function ringToGeoJson(ring: readonly LatLng[]): { type: 'Polygon'; coordinates: number[][][] } {
  const positions = ring.map((p) => [p.lng, p.lat]);
  if (positions.length) positions.push([...positions[0]]);
  return { type: 'Polygon', coordinates: [positions] };
}
