// The mini-program's AMap wrapper: reverse geocoding of the user's position and POI search
// through AMap's web-service API (the same REST calls AMap's mini-program SDK makes) when
// TARO_APP_AMAP_KEY is set; otherwise, or when AMap fails, the BFF's geocode endpoints answer.
import { z } from 'zod';
import { GeocodeResponse } from '@omni/shared-types';
import { AMAP_API_BASE, AMAP_KEY } from '../config';
import { request, requestExternal } from './request';

/** A place: GCJ-02 position, a display name and its address. */
export interface Place {
  lat: number;
  lng: number;
  name: string;
  address: string;
  district: string | null;
}

const AmapStatus = z.object({ status: z.string(), info: z.string().optional() });
const Location = z.string().regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/);
const Regeo = AmapStatus.extend({
  regeocode: z
    .object({
      formatted_address: z.union([z.string(), z.array(z.unknown())]),
      addressComponent: z
        .object({ district: z.union([z.string(), z.array(z.unknown())]).optional() })
        .optional(),
      pois: z.array(z.object({ name: z.string() })).optional(),
    })
    .optional(),
});
const PoiSearch = AmapStatus.extend({
  pois: z
    .array(
      z.object({
        name: z.string(),
        address: z.union([z.string(), z.array(z.unknown())]).optional(),
        location: Location,
        adname: z.union([z.string(), z.array(z.unknown())]).optional(),
      }),
    )
    .optional(),
});
const BffRegeo = GeocodeResponse.extend({ poiName: z.string().nullable() });

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const toLatLng = (loc: string) => {
  const [lng, lat] = loc.split(',').map(Number);
  return { lat, lng };
};

/** The address at a GCJ-02 position (`key`: the AMap key, '' for the BFF). */
export async function reverseGeocode(p: { lat: number; lng: number }, key = AMAP_KEY): Promise<Place> {
  if (key) {
    try {
      const res = await requestExternal(
        `${AMAP_API_BASE}/v3/geocode/regeo`,
        { key, location: `${p.lng},${p.lat}`, extensions: 'all' },
        Regeo,
      );
      if (res.status === '1' && res.regeocode) {
        const address = text(res.regeocode.formatted_address);
        return {
          ...p,
          name: res.regeocode.pois?.[0]?.name ?? address,
          address,
          district: text(res.regeocode.addressComponent?.district) || null,
        };
      }
    } catch {
      // AMap unreachable or over quota: the BFF answers instead.
    }
  }
  const res = await request({
    path: '/geo/regeo',
    query: { lat: p.lat, lng: p.lng },
    schema: BffRegeo,
    silent: true,
  });
  return {
    lat: res.lat,
    lng: res.lng,
    name: res.poiName ?? res.formattedAddress,
    address: res.formattedAddress,
    district: res.district,
  };
}

/** Places matching a keyword in a city, best first (at most `limit`; `key` as above). */
export async function searchPoi(
  keyword: string,
  city = '上海',
  limit = 10,
  key = AMAP_KEY,
): Promise<Place[]> {
  const q = keyword.trim();
  if (!q) return [];
  if (key) {
    try {
      const res = await requestExternal(
        `${AMAP_API_BASE}/v3/place/text`,
        { key, keywords: q, city, citylimit: 'true', offset: limit, page: 1 },
        PoiSearch,
      );
      if (res.status === '1') {
        return (res.pois ?? []).slice(0, limit).map((poi) => ({
          ...toLatLng(poi.location),
          name: poi.name,
          address: text(poi.address) || poi.name,
          district: text(poi.adname) || null,
        }));
      }
    } catch {
      // fall back to the BFF
    }
  }
  try {
    const hit = await request({
      path: '/geo/geocode',
      query: { address: q, city },
      schema: GeocodeResponse,
      silent: true,
    });
    return [{ lat: hit.lat, lng: hit.lng, name: q, address: hit.formattedAddress, district: hit.district }];
  } catch {
    return [];
  }
}
