import { GeocodeResponse } from '@omni/shared-types';
import { AMAP_KEY } from '../config';
import { searchPoi } from './amap';
import { ApiError, messageFor, request } from './request';

/**
 * A typed Shanghai address → GCJ-02 position: AMap's POI search when a key is built in,
 * otherwise the BFF's geocoder; errors (ADDRESS_NOT_FOUND…) are left to the caller.
 */
export async function geocode(address: string): Promise<GeocodeResponse> {
  if (AMAP_KEY) {
    const [best] = await searchPoi(address);
    if (!best) throw new ApiError('ADDRESS_NOT_FOUND', messageFor('ADDRESS_NOT_FOUND'), 404);
    return { lat: best.lat, lng: best.lng, formattedAddress: best.address, district: best.district };
  }
  return request({
    path: '/geo/geocode',
    query: { address: address.trim() },
    schema: GeocodeResponse,
    silent: true,
  });
}
