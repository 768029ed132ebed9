import { useCallback, useEffect, useRef, useState } from 'react';
import type { LatLng, NearbyStore } from '@omni/shared-types';
import { currentFix, DEFAULT_POSITION, type DeviceFix } from '../../services/device-location';
import { ApiError, messageFor } from '../../services/request';
import { nearbyStores } from '../../services/store-locator';

/** The list's filters: 营业中 and 可自提. */
export interface StoreFilters {
  openNow: boolean;
  pickup: boolean;
}

/** Nearest first; equal distances keep the BFF's order. */
export function sortByDistance(stores: NearbyStore[]): NearbyStore[] {
  return stores
    .map((store, i) => ({ store, i }))
    .sort((a, b) => a.store.distanceM - b.store.distanceM || a.i - b.i)
    .map((x) => x.store);
}

interface State {
  /** Where the list is centred; null until located (or fallen back). */
  fix: DeviceFix | null;
  /** True when the device position was unavailable and 人民广场 is used. */
  fallback: boolean;
  /** The answer's origin in GCJ-02, the datum the stores are in. */
  origin: LatLng | null;
  stores: NearbyStore[];
  loading: boolean;
  error: string | null;
}

/** Locates the user (or falls back to 人民广场) and loads the stores around them for the filters. */
export function useNearbyStores(filters: StoreFilters) {
  const [state, setState] = useState<State>({
    fix: null,
    fallback: false,
    origin: null,
    stores: [],
    loading: true,
    error: null,
  });
  const ticket = useRef(0);

  const locate = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    currentFix().then(
      (fix) => setState((s) => ({ ...s, fix, fallback: false })),
      () => setState((s) => ({ ...s, fix: DEFAULT_POSITION, fallback: true })),
    );
  }, []);

  useEffect(locate, [locate]);

  const load = useCallback(() => {
    const fix = state.fix;
    if (!fix) return;
    const mine = ++ticket.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    nearbyStores({ position: fix, coord: fix.coord, ...filters }).then(
      (res) => {
        if (mine !== ticket.current) return;
        setState((s) => ({ ...s, origin: res.origin, stores: sortByDistance(res.items), loading: false }));
      },
      (err: unknown) => {
        if (mine !== ticket.current) return;
        const message = err instanceof ApiError ? err.message : messageFor('INTERNAL');
        setState((s) => ({ ...s, loading: false, error: message }));
      },
    );
  }, [state.fix, filters]);

  useEffect(load, [load]);

  return { ...state, locate, reload: load };
}
