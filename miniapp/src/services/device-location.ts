import Taro from '@tarojs/taro';
import type { LatLng } from '@omni/shared-types';
import { IS_H5 } from '../config';

/**
 * A position from the device: WeChat answers in GCJ-02 (asked for), browsers in WGS-84; the BFF
 * converts, so the datum travels with the point. `accuracyM` in metres when known.
 */
export interface DeviceFix extends LatLng {
  coord: 'gcj02' | 'wgs84';
  accuracyM?: number;
}

/** 人民广场 (GCJ-02): where the store list centres when the user's position is unavailable. */
export const DEFAULT_POSITION: DeviceFix = { lat: 31.2304, lng: 121.4737, coord: 'gcj02' };

const H5_TIMEOUT_MS = 10_000;

function fromBrowser(p: GeolocationPosition): DeviceFix {
  return { lat: p.coords.latitude, lng: p.coords.longitude, coord: 'wgs84', accuracyM: p.coords.accuracy };
}

/** The device's position once; rejects when the user denies it or it cannot be read. */
export async function currentFix(): Promise<DeviceFix> {
  if (IS_H5) {
    if (typeof navigator === 'undefined' || !navigator.geolocation)
      throw new Error('geolocation unavailable');
    return new Promise((resolve, reject) =>
      navigator.geolocation.getCurrentPosition((p) => resolve(fromBrowser(p)), reject, {
        timeout: H5_TIMEOUT_MS,
        maximumAge: 60_000,
      }),
    );
  }
  const r = await Taro.getLocation({ type: 'gcj02' });
  return { lat: r.latitude, lng: r.longitude, coord: 'gcj02', accuracyM: r.accuracy };
}

/**
 * Follows the device's position (WeChat `startLocationUpdate` + `onLocationChange`, the browser's
 * `watchPosition`) until the returned function is called. `onError` hears a denial (or WeChat
 * failing to start updates); a browser's passing 'position unavailable' is not reported.
 */
export function watchFix(onFix: (fix: DeviceFix) => void, onError: (err: unknown) => void): () => void {
  if (IS_H5) {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      onError(new Error('geolocation unavailable'));
      return () => undefined;
    }
    const id = navigator.geolocation.watchPosition(
      (p) => onFix(fromBrowser(p)),
      // No fix for a while (a tunnel, a timeout) is transient and the watch goes on; a denial is not.
      (err) => {
        if (err.code === err.PERMISSION_DENIED) onError(err);
      },
      {
        enableHighAccuracy: true,
        maximumAge: 5_000,
        timeout: 30_000,
      },
    );
    return () => navigator.geolocation.clearWatch(id);
  }
  const handler = (r: Taro.onLocationChange.CallbackResult) =>
    onFix({ lat: r.latitude, lng: r.longitude, coord: 'gcj02', accuracyM: r.accuracy });
  Taro.onLocationChange(handler);
  Taro.startLocationUpdate({ type: 'gcj02', fail: onError });
  return () => {
    Taro.offLocationChange(handler);
    Taro.stopLocationUpdate({});
  };
}
