// GCJ-02 degrees ↔ SVG pixels for the console's offline map. A city is small enough for an
// equirectangular projection scaled by cos(latitude): straight lines stay straight, areas look right.

export type LngLat = [number, number];

export interface Bounds {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export interface View {
  /** Pixels per degree of longitude (latitude gets `scale / cos φ`). */
  scale: number;
  /** The lng/lat at the centre of the viewport. */
  center: LngLat;
  width: number;
  height: number;
  /** 1 / cos φ of the latitude the view was fitted at (fixed while panning, so pans are exact). */
  k: number;
}

export function boundsOf(points: LngLat[]): Bounds | null {
  if (!points.length) return null;
  const b = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity };
  for (const [lng, lat] of points) {
    b.minLng = Math.min(b.minLng, lng);
    b.maxLng = Math.max(b.maxLng, lng);
    b.minLat = Math.min(b.minLat, lat);
    b.maxLat = Math.max(b.maxLat, lat);
  }
  return b;
}

const kLat = (lat: number) => 1 / Math.cos((lat * Math.PI) / 180);

/** The view that shows `b` inside `width × height` with `pad` pixels around (a 2 km box for one point). */
export function fitView(b: Bounds | null, width: number, height: number, pad = 32): View {
  const box = b ?? { minLng: 121.4, minLat: 31.2, maxLng: 121.55, maxLat: 31.28 };
  const center: LngLat = [(box.minLng + box.maxLng) / 2, (box.minLat + box.maxLat) / 2];
  const k = kLat(center[1]);
  const spanLng = Math.max(box.maxLng - box.minLng, 0.02);
  const spanLat = Math.max(box.maxLat - box.minLat, 0.02 / k);
  const scale = Math.min((width - 2 * pad) / spanLng, (height - 2 * pad) / (spanLat * k));
  return { scale: Math.max(scale, 1), center, width, height, k };
}

export function project(v: View, [lng, lat]: LngLat): [number, number] {
  const { k } = v;
  return [v.width / 2 + (lng - v.center[0]) * v.scale, v.height / 2 - (lat - v.center[1]) * v.scale * k];
}

export function unproject(v: View, [x, y]: [number, number]): LngLat {
  const { k } = v;
  return [v.center[0] + (x - v.width / 2) / v.scale, v.center[1] - (y - v.height / 2) / (v.scale * k)];
}

/** Zooms by `factor` keeping the lng/lat under pixel `at` where it is. */
export function zoomAt(v: View, factor: number, at: [number, number]): View {
  const anchor = unproject(v, at);
  const next = { ...v, scale: Math.min(Math.max(v.scale * factor, 50), 5e6) };
  const moved = project(next, anchor);
  return panBy(next, [at[0] - moved[0], at[1] - moved[1]]);
}

/** Moves the view so content shifts by `d` pixels. */
export function panBy(v: View, d: [number, number]): View {
  return { ...v, center: [v.center[0] - d[0] / v.scale, v.center[1] + d[1] / (v.scale * v.k)] };
}

/** Metres per pixel at the view's centre (for the scale bar). */
export function metresPerPixel(v: View): number {
  return 111_320 / v.scale;
}
