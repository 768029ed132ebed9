import type { CoordSystem, LatLng } from '@omni/shared-types';

// GCJ-02 is defined on the Krasovsky 1940 ellipsoid; these two constants are part of the
// published algorithm, not tunables.
const KRASOVSKY_A_M = 6378245.0;
const KRASOVSKY_EE = 0.006693421622965943;
const BD_X_PI = (Math.PI * 3000.0) / 180.0;

// The inverse GCJ-02 -> WGS-84 has no closed form; 1e-10 degrees is ~1 cm, far below the 0.5 m target.
const INVERSE_TOLERANCE_DEG = 1e-10;
const INVERSE_MAX_ITERATIONS = 30;

/** True when a point (degrees) lies outside the rough mainland-China box where GCJ-02/BD-09 offsets apply. */
export function outOfChina(p: LatLng): boolean {
  return p.lng < 72.004 || p.lng > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function offsetLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

/** Converts a WGS-84 (GPS) point to GCJ-02 (AMap, WeChat maps), in degrees; identity outside China. */
export function wgs84ToGcj02(p: LatLng): LatLng {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng };
  const radLat = (p.lat / 180.0) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - KRASOVSKY_EE * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLat =
    (offsetLat(p.lng - 105.0, p.lat - 35.0) * 180.0) /
    (((KRASOVSKY_A_M * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng =
    (offsetLng(p.lng - 105.0, p.lat - 35.0) * 180.0) /
    ((KRASOVSKY_A_M / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}

/** Converts a GCJ-02 point back to WGS-84 by fixed-point iteration (error ≪ 0.5 m), in degrees; identity outside China. */
export function gcj02ToWgs84(p: LatLng): LatLng {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng };
  // The offset varies slowly, so subtracting the forward error converges in a handful of steps.
  let guess: LatLng = { lat: p.lat, lng: p.lng };
  for (let i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
    const forward = wgs84ToGcj02(guess);
    const dLat = forward.lat - p.lat;
    const dLng = forward.lng - p.lng;
    guess = { lat: guess.lat - dLat, lng: guess.lng - dLng };
    if (Math.abs(dLat) < INVERSE_TOLERANCE_DEG && Math.abs(dLng) < INVERSE_TOLERANCE_DEG) break;
  }
  return guess;
}

/** Converts a GCJ-02 point to BD-09 (Baidu maps), in degrees; identity outside China. */
export function gcj02ToBd09(p: LatLng): LatLng {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng };
  const x = p.lng;
  const y = p.lat;
  const z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * BD_X_PI);
  const theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * BD_X_PI);
  return { lat: z * Math.sin(theta) + 0.006, lng: z * Math.cos(theta) + 0.0065 };
}

/** Converts a BD-09 point to GCJ-02 with Baidu's published closed-form inverse, in degrees; identity outside China. */
export function bd09ToGcj02(p: LatLng): LatLng {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng };
  const x = p.lng - 0.0065;
  const y = p.lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BD_X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BD_X_PI);
  return { lat: z * Math.sin(theta), lng: z * Math.cos(theta) };
}

/** Converts a WGS-84 point to BD-09, in degrees. */
export function wgs84ToBd09(p: LatLng): LatLng {
  return gcj02ToBd09(wgs84ToGcj02(p));
}

/** Converts a BD-09 point to WGS-84, in degrees. */
export function bd09ToWgs84(p: LatLng): LatLng {
  return gcj02ToWgs84(bd09ToGcj02(p));
}

/** Converts a point given in `from` (degrees) to GCJ-02, the system everything is stored in. */
export function toGcj02(p: LatLng, from: CoordSystem): LatLng {
  switch (from) {
    case 'gcj02':
      return { lat: p.lat, lng: p.lng };
    case 'wgs84':
      return wgs84ToGcj02(p);
    case 'bd09':
      return bd09ToGcj02(p);
  }
}

/** Converts a GCJ-02 point (degrees) to the coordinate system `to`. */
export function fromGcj02(p: LatLng, to: CoordSystem): LatLng {
  switch (to) {
    case 'gcj02':
      return { lat: p.lat, lng: p.lng };
    case 'wgs84':
      return gcj02ToWgs84(p);
    case 'bd09':
      return gcj02ToBd09(p);
  }
}
