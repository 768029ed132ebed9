import { SlotsResponse, type LatLng } from '@omni/shared-types';
import { request } from './request';

/** The delivery zone covering a GCJ-02 point and its slots on a Shanghai date; errors are left to the caller. */
export function getSlots(point: LatLng, date: string): Promise<SlotsResponse> {
  return request({
    path: '/slots',
    query: { lat: point.lat.toFixed(6), lng: point.lng.toFixed(6), date },
    schema: SlotsResponse,
    silent: true,
  });
}
