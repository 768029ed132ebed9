// Plane geometry of delivery-zone rings in GCJ-02 degrees ([lng, lat]): the same simple-polygon
// rule as the BFF's polygon check (so the editor refuses what the server would), area and centroid.
import type { LngLat } from './projection';

const M_PER_DEG = 111_320;

/** The ring without repeated consecutive vertices and without the closing copy of the first. */
export function openRing(ring: readonly LngLat[]): LngLat[] {
  const out: LngLat[] = [];
  for (const p of ring) {
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push([p[0], p[1]]);
  }
  if (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1])
    out.pop();
  return out;
}

/** The ring with the first vertex repeated at the end (GeoJSON's closed ring). */
export function closeRing(ring: readonly LngLat[]): LngLat[] {
  const open = openRing(ring);
  return open.length ? [...open, [open[0][0], open[0][1]]] : [];
}

function orient(a: LngLat, b: LngLat, c: LngLat): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return Math.abs(v) < 1e-18 ? 0 : Math.sign(v);
}

function onSegment(a: LngLat, b: LngLat, p: LngLat): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/** True when segments ab and cd share any point (a touch or a collinear overlap included). */
export function segmentsIntersect(a: LngLat, b: LngLat, c: LngLat, d: LngLat): boolean {
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
 * The first pair of edges that cross or touch, as edge indices of the open ring (edge i runs from
 * vertex i to i+1, the last back to vertex 0); null for a simple ring. Neighbouring edges share a
 * vertex by construction; they count only when they fold back onto each other.
 */
export function selfIntersection(ring: readonly LngLat[]): [number, number] | null {
  const r = openRing(ring);
  const n = r.length;
  if (n < 3) return null;
  for (let i = 0; i < n; i++) {
    const a = r[i];
    const b = r[(i + 1) % n];
    for (let j = i + 1; j < n; j++) {
      const c = r[j];
      const d = r[(j + 1) % n];
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      if (adjacent) {
        // Shared vertex is fine; a spike (the next edge running back along this one) is not.
        const shared = j === i + 1 ? b : a;
        const far1 = j === i + 1 ? a : b;
        const far2 = j === i + 1 ? d : c;
        if (
          n > 3 &&
          orient(far1, shared, far2) === 0 &&
          (onSegment(shared, far1, far2) || onSegment(shared, far2, far1))
        )
          return [i, j];
        continue;
      }
      if (segmentsIntersect(a, b, c, d)) return [i, j];
    }
  }
  return null;
}

/** Whether the ring crosses or touches itself (a bow-tie, a figure that pinches at a vertex). */
export function selfIntersects(ring: readonly LngLat[]): boolean {
  return selfIntersection(ring) !== null;
}

/** Signed area in squared degrees (lng as x, lat as y); positive when counter-clockwise. */
export function signedAreaDeg2(ring: readonly LngLat[]): number {
  const r = openRing(ring);
  let twice = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) twice += (r[j][0] + r[i][0]) * (r[j][1] - r[i][1]);
  return -twice / 2;
}

/** Area in square metres (equirectangular at the ring's mean latitude; fine at city scale). */
export function ringAreaM2(ring: readonly LngLat[]): number {
  const r = openRing(ring);
  if (r.length < 3) return 0;
  const lat = r.reduce((s, p) => s + p[1], 0) / r.length;
  return Math.abs(signedAreaDeg2(r)) * M_PER_DEG * M_PER_DEG * Math.cos((lat * Math.PI) / 180);
}

/** The area-weighted centroid (the vertex mean for a degenerate ring); null for an empty one. */
export function centroid(ring: readonly LngLat[]): LngLat | null {
  const r = openRing(ring);
  if (!r.length) return null;
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < r.length; i++) {
    const [x0, y0] = r[i];
    const [x1, y1] = r[(i + 1) % r.length];
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  if (Math.abs(a) < 1e-14) {
    return [r.reduce((s, p) => s + p[0], 0) / r.length, r.reduce((s, p) => s + p[1], 0) / r.length];
  }
  return [cx / (3 * a), cy / (3 * a)];
}

/** Great-circle distance in metres between two GCJ-02 points. */
export function distanceM(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Why a ring can't be a delivery zone, in Chinese; null when it can. */
export function ringProblem(ring: readonly LngLat[]): string | null {
  const r = openRing(ring);
  if (r.length < 3) return `多边形至少需要 3 个不同的顶点（现有 ${r.length} 个）`;
  if (r.some(([lng, lat]) => !Number.isFinite(lng) || !Number.isFinite(lat)))
    return '每个顶点须为 [经度, 纬度] 两个数字';
  if (r.some(([lng, lat]) => lng < -180 || lng > 180 || lat < -90 || lat > 90))
    return '坐标超出范围：经度 -180~180，纬度 -90~90';
  const cross = selfIntersection(r);
  if (cross) return `多边形自相交：第 ${cross[0] + 1} 条边与第 ${cross[1] + 1} 条边相交`;
  if (Math.abs(signedAreaDeg2(r)) < 1e-10) return '多边形面积为零（顶点共线）';
  return null;
}

/** The index of the ring's edge nearest to `p` and the foot of the perpendicular on it. */
export function nearestEdge(ring: readonly LngLat[], p: LngLat): { index: number; at: LngLat } | null {
  const r = openRing(ring);
  if (r.length < 2) return null;
  let best: { index: number; at: LngLat; d: number } | null = null;
  for (let i = 0; i < r.length; i++) {
    const a = r[i];
    const b = r[(i + 1) % r.length];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
    const at: LngLat = [a[0] + t * dx, a[1] + t * dy];
    const d = Math.hypot(p[0] - at[0], p[1] - at[1]);
    if (!best || d < best.d) best = { index: i, at, d };
  }
  return best && { index: best.index, at: best.at };
}
