/** A position in GCJ-02 degrees, as the mock reads it from "lng,lat" parameters. */
export interface MockPoint {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance in metres; the mock's own copy so mock/ never imports bff/. */
export function haversineM(a: MockPoint, b: MockPoint): number {
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Parses AMap's "lng,lat" into degrees; undefined when malformed or out of range. */
export function parseLngLat(v: string | undefined): MockPoint | undefined {
  if (!v) return undefined;
  const parts = v.split(',');
  if (parts.length !== 2 || parts.some((s) => s.trim() === '')) return undefined;
  const [lng, lat] = parts.map(Number);
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lng) > 180)
    return undefined;
  return { lat, lng };
}

/** Formats degrees as AMap does: "lng,lat" with 6 decimals. */
export function formatLngLat(p: MockPoint): string {
  return `${p.lng.toFixed(6)},${p.lat.toFixed(6)}`;
}

/** Formats a point list as an AMap polyline "lng,lat;lng,lat". */
export function formatPolyline(points: readonly MockPoint[]): string {
  return points.map(formatLngLat).join(';');
}

/** `n + 1` points evenly spaced from `a` to `b`, both included, in degrees. */
export function lineBetween(a: MockPoint, b: MockPoint, n: number): MockPoint[] {
  return Array.from({ length: n + 1 }, (_, i) => ({
    lat: a.lat + ((b.lat - a.lat) * i) / n,
    lng: a.lng + ((b.lng - a.lng) * i) / n,
  }));
}
