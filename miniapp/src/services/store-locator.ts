import { NearbyStoresResponse, StoreDetail, type CoordSystem, type LatLng } from '@omni/shared-types';
import { request } from './request';

/** What the 门店 list asks for: a position in `coord` and the filters 营业中 / 可自提. */
export interface NearbySearch {
  position: LatLng;
  coord: CoordSystem;
  openNow: boolean;
  pickup: boolean;
  limit?: number;
}

/** Stores nearest to the position, with distance, ETA and open status. Errors are left to the caller. */
export function nearbyStores(search: NearbySearch): Promise<NearbyStoresResponse> {
  return request({
    path: '/stores/nearby',
    query: {
      lat: search.position.lat.toFixed(6),
      lng: search.position.lng.toFixed(6),
      coord: search.coord,
      limit: search.limit ?? 20,
      openNow: search.openNow ? 'true' : undefined,
      service: search.pickup ? 'pickup' : undefined,
    },
    schema: NearbyStoresResponse,
    silent: true,
  });
}

/** One store with weekly hours, exceptions and its open status. Errors are left to the caller. */
export function getStoreDetail(id: number): Promise<StoreDetail> {
  return request({ path: `/stores/${id}`, schema: StoreDetail, silent: true });
}
