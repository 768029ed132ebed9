import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { LatLng } from '@omni/shared-types';
import { IS_H5 } from '../config';

/** 'unknown' until checked; 'unsupported' in H5, where location is not used. */
export type LocationPermission = 'unknown' | 'granted' | 'denied' | 'not-asked' | 'unsupported';

async function readPosition(): Promise<LatLng> {
  // gcj02 is what the BFF stores and what WeChat maps use.
  const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
  return { lat: latitude, lng: longitude };
}

/**
 * The user's GCJ-02 position, read silently only when permission was already granted;
 * `request()` asks for it (a user-initiated prompt). Never used in H5.
 */
export function useLocation() {
  const [permission, setPermission] = useState<LocationPermission>(IS_H5 ? 'unsupported' : 'unknown');
  const [position, setPosition] = useState<LatLng | null>(null);

  useEffect(() => {
    if (IS_H5) return;
    let cancelled = false;
    Taro.getSetting()
      .then(async ({ authSetting }) => {
        const granted = authSetting['scope.userLocation'];
        if (granted !== true) {
          if (!cancelled) setPermission(granted === false ? 'denied' : 'not-asked');
          return;
        }
        const found = await readPosition();
        if (!cancelled) {
          setPermission('granted');
          setPosition(found);
        }
      })
      .catch(() => {
        if (!cancelled) setPermission('denied');
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const request = useCallback(async (): Promise<LatLng | null> => {
    if (IS_H5) return null;
    try {
      const found = await readPosition();
      setPermission('granted');
      setPosition(found);
      return found;
    } catch {
      setPermission('denied');
      void Taro.showToast({ title: '未获得位置权限，按默认顺序展示门店', icon: 'none' });
      return null;
    }
  }, []);

  return { permission, position, request };
}
