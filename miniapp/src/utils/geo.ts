import type { LatLng } from '@omni/shared-types';

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance between two points in metres (haversine; same datum for both). */
export function haversineM(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A point on a drawing, in pixels from the top-left corner. */
export interface PointPx {
  xPx: number;
  yPx: number;
}

/** A box to draw into, in pixels; `paddingPx` stays free on every side. */
export interface BoxPx {
  widthPx: number;
  heightPx: number;
  paddingPx: number;
}

/** A projection of degrees onto a box, and how many metres one pixel stands for. */
export interface Projection {
  project(p: LatLng): PointPx;
  metresPerPx: number;
}

/**
 * An equirectangular projection centred on `center` that fits every point of `points` into the box
 * (north up, same scale on both axes; fine at city scale). `minSpanM` keeps a lone point from
 * zooming in to street level.
 */
export function fitProjection(center: LatLng, points: LatLng[], box: BoxPx, minSpanM = 500): Projection {
  const mPerDegLat = (Math.PI * EARTH_RADIUS_M) / 180;
  const mPerDegLng = mPerDegLat * Math.cos(rad(center.lat));
  const toM = (p: LatLng) => ({ x: (p.lng - center.lng) * mPerDegLng, y: (p.lat - center.lat) * mPerDegLat });
  // The centre stays in the middle, so the half-extent is the farthest point on each axis.
  let halfX = minSpanM / 2;
  let halfY = minSpanM / 2;
  for (const p of points) {
    const m = toM(p);
    halfX = Math.max(halfX, Math.abs(m.x));
    halfY = Math.max(halfY, Math.abs(m.y));
  }
  const usableW = Math.max(1, box.widthPx / 2 - box.paddingPx);
  const usableH = Math.max(1, box.heightPx / 2 - box.paddingPx);
  const metresPerPx = Math.max(halfX / usableW, halfY / usableH);
  return {
    metresPerPx,
    project(p) {
      const m = toM(p);
      return { xPx: box.widthPx / 2 + m.x / metresPerPx, yPx: box.heightPx / 2 - m.y / metresPerPx };
    },
  };
}
