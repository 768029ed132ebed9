import { GeocodeResponse } from '@omni/shared-types';
import { request } from './request';

/** A typed Shanghai address → GCJ-02 position; errors (ADDRESS_NOT_FOUND…) are left to the caller. */
export function geocode(address: string): Promise<GeocodeResponse> {
  return request({
    path: '/geo/geocode',
    query: { address: address.trim() },
    schema: GeocodeResponse,
    silent: true,
  });
}
