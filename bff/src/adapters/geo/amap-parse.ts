import type { LatLng } from '@omni/shared-types';
import type { AmapBody } from './amap-client';

// AMap answers strings for most numbers and an empty array `[]` wherever a string is empty,
// so every field is read defensively instead of trusted through a cast.

/** A GCJ-02 point as AMap wants it: "lng,lat" with 6 decimals (about 0.1 m). */
export function formatLngLat(p: LatLng): string {
  return `${p.lng.toFixed(6)},${p.lat.toFixed(6)}`;
}

/** Parses AMap's "lng,lat" string into degrees; undefined when malformed. */
export function parseLngLat(v: unknown): LatLng | undefined {
  if (typeof v !== 'string') return undefined;
  const [lngText, latText, ...rest] = v.split(',');
  const lng = Number(lngText);
  const lat = Number(latText);
  if (rest.length > 0 || lngText === '' || latText === '' || !Number.isFinite(lng) || !Number.isFinite(lat)) {
    return undefined;
  }
  return { lat, lng };
}

/** Parses AMap's "lng,lat;lng,lat" polyline into degrees, skipping malformed points. */
export function parsePolyline(v: unknown): LatLng[] {
  if (typeof v !== 'string' || v === '') return [];
  return v
    .split(';')
    .map(parseLngLat)
    .filter((p): p is LatLng => p !== undefined);
}

/** A non-empty string field, or undefined for AMap's `[]`, missing or blank values. */
export function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** A finite number given as a number or numeric string, or undefined. */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** A JSON object field, or undefined. */
export function record(v: unknown): AmapBody | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as AmapBody) : undefined;
}

/** A JSON array field, or an empty array. */
export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Concatenates the step polylines of a route path, dropping the duplicate joint points between steps. */
export function pathPolyline(path: AmapBody): LatLng[] {
  const points: LatLng[] = [];
  for (const step of list(path.steps)) {
    for (const p of parsePolyline(record(step)?.polyline)) {
      const last = points[points.length - 1];
      if (!last || last.lat !== p.lat || last.lng !== p.lng) points.push(p);
    }
  }
  return points;
}
