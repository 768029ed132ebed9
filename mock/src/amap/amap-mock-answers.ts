import {
  formatLngLat,
  formatPolyline,
  haversineM,
  lineBetween,
  parseLngLat,
  type MockPoint,
} from './amap-mock-geo';
import { findPlace, MOCK_PLACES, type MockPlace } from './amap-mock-places';

/** AMap's `info` text for each infocode the mock can answer with. */
export const AMAP_INFO: Readonly<Record<string, string>> = {
  '10000': 'OK',
  '10001': 'INVALID_USER_KEY',
  '10003': 'DAILY_QUERY_OVER_LIMIT',
  '10004': 'ACCESS_TOO_FREQUENT',
  '10007': 'INVALID_USER_SIGNATURE',
  '10014': 'QPS_HAS_EXCEEDED_THE_LIMIT',
  '10019': 'CQPS_HAS_EXCEEDED_THE_LIMIT',
  '10020': 'CKQPS_HAS_EXCEEDED_THE_LIMIT',
  '10021': 'CUQPS_HAS_EXCEEDED_THE_LIMIT',
  '10026': 'INVALID_REQUEST',
  '20000': 'INVALID_PARAMS',
  '20001': 'MISSING_REQUIRED_PARAMS',
  '20803': 'OVER_DIRECTION_RANGE',
};

/** A mock answer: a success body (without status fields) or an AMap infocode. */
export type MockAnswer = { body: Record<string, unknown> } | { infocode: string };

type Params = Readonly<Record<string, string>>;
type Mode = 'walking' | 'driving' | 'bicycling';

// Speeds the mock pretends AMap uses, in metres per second.
const SPEED_MPS: Record<Mode, number> = { walking: 4.5 / 3.6, driving: 25 / 3.6, bicycling: 15 / 3.6 };
// AMap's own range limits per route type, in metres.
const MAX_ROUTE_M: Record<Mode, number> = { walking: 100_000, driving: 5_000_000, bicycling: 500_000 };
const MAX_WALKING_MATRIX_M = 5_000;
const OUTSIDE_CITY_M = 50_000;
const empty = { name: [], type: [] };

/** /v3/geocode/geo: the best-known place for `address`, or count "0". */
export function answerGeocode(params: Params): MockAnswer {
  if (!params.address) return { infocode: '20001' };
  const city = params.city?.toLowerCase();
  const inShanghai = !city || ['上海', 'shanghai', '021', '310000'].some((c) => city.includes(c));
  const place = inShanghai ? findPlace(params.address) : undefined;
  if (!place) return { body: { count: '0', geocodes: [] } };
  return {
    body: {
      count: '1',
      geocodes: [
        {
          formatted_address:
            place.level === '区县' ? `上海市${place.name}` : `上海市${place.district}${place.name}`,
          country: '中国',
          province: '上海市',
          citycode: '021',
          city: '上海市',
          district: place.district,
          township: [],
          neighborhood: empty,
          building: empty,
          adcode: place.adcode,
          street: [],
          number: [],
          location: formatLngLat(place),
          level: place.level,
        },
      ],
    },
  };
}

/** /v3/geocode/regeo: the nearest known place's district, and with extensions=all its POI. */
export function answerRegeo(params: Params): MockAnswer {
  if (!params.location) return { infocode: '20001' };
  const at = parseLngLat(params.location);
  if (!at) return { infocode: '20000' };
  let nearest: { place: MockPlace; distanceM: number } | undefined;
  for (const place of MOCK_PLACES) {
    const distanceM = haversineM(at, place);
    if (!nearest || distanceM < nearest.distanceM) nearest = { place, distanceM };
  }
  // Far from Shanghai (or at sea) AMap answers empty arrays where strings would be.
  if (!nearest || nearest.distanceM > OUTSIDE_CITY_M) {
    return {
      body: {
        regeocode: {
          formatted_address: [],
          addressComponent: { country: [], province: [], city: [], district: [], adcode: [] },
        },
      },
    };
  }
  const { place, distanceM } = nearest;
  const isPoi = place.level === '兴趣点';
  const regeocode: Record<string, unknown> = {
    formatted_address: `上海市${place.district}${place.township}${isPoi ? place.name : ''}`,
    addressComponent: {
      country: '中国',
      province: '上海市',
      city: [],
      citycode: '021',
      district: place.district,
      adcode: place.adcode,
      township: place.township || [],
      neighborhood: empty,
      building: empty,
      streetNumber: { street: [], number: [], location: [], direction: [], distance: [] },
      businessAreas: [],
    },
  };
  if (params.extensions === 'all') {
    regeocode.pois = isPoi
      ? [
          {
            id: `MOCK${place.adcode}`,
            name: place.name,
            type: '风景名胜',
            distance: distanceM.toFixed(1),
            location: formatLngLat(place),
          },
        ]
      : [];
    regeocode.roads = [];
    regeocode.roadinters = [];
    regeocode.aois = [];
  }
  return { body: { regeocode } };
}

/** /v3/distance: one destination, up to 100 origins; type 0 straight, 1 driving, 3 walking (≤ 5 km). */
export function answerDistance(params: Params, detourFactor: number): MockAnswer {
  if (!params.origins || !params.destination) return { infocode: '20001' };
  const parsed = params.origins.split('|').map(parseLngLat);
  const origins = parsed.filter((o): o is MockPoint => o !== undefined);
  const destination = parseLngLat(params.destination);
  const type = params.type ?? '1';
  const valid = origins.length === parsed.length && origins.length <= 100 && ['0', '1', '3'].includes(type);
  if (!valid || !destination) return { infocode: '20000' };
  const results = origins.map((o, i) => {
    const straightM = haversineM(o, destination);
    const ids = { origin_id: String(i + 1), dest_id: '1' };
    if (type === '0') return { ...ids, distance: String(Math.round(straightM)), duration: '0' };
    const roadM = straightM * detourFactor;
    if (type === '3' && roadM > MAX_WALKING_MATRIX_M) {
      // Per-result failures keep the row but carry a non-zero `code`.
      return { ...ids, distance: '0', duration: '0', info: 'OVER_DIRECTION_RANGE', code: '1' };
    }
    const speed = type === '3' ? SPEED_MPS.walking : SPEED_MPS.driving;
    return { ...ids, distance: String(Math.round(roadM)), duration: String(Math.round(roadM / speed)) };
  });
  return { body: { count: String(results.length), results } };
}

/** /v3/direction/walking|driving and /v4/direction/bicycling: a two-step path along the straight line. */
export function answerDirection(mode: Mode, params: Params, detourFactor: number): MockAnswer {
  if (!params.origin || !params.destination) return { infocode: '20001' };
  const from = parseLngLat(params.origin);
  const to = parseLngLat(params.destination);
  if (!from || !to) return { infocode: '20000' };
  const roadM = haversineM(from, to) * detourFactor;
  if (roadM > MAX_ROUTE_M[mode]) return { infocode: '20803' };
  const mid = { lat: (from.lat + to.lat) / 2, lng: (from.lng + to.lng) / 2 };
  const asNumber = mode === 'bicycling'; // v4 answers numbers, v3 strings
  const value = (n: number): number | string => (asNumber ? Math.round(n) : String(Math.round(n)));
  const steps = [
    [from, mid],
    [mid, to],
  ].map(([a, b], i) => ({
    instruction: i === 0 ? '沿模拟路向前骑行' : '到达目的地',
    orientation: '东',
    road: '模拟路',
    distance: value(roadM / 2),
    duration: value(roadM / 2 / SPEED_MPS[mode]),
    polyline: formatPolyline(lineBetween(a, b, 2)),
    action: asNumber ? '' : [],
    assistant_action: asNumber ? '' : [],
  }));
  const path = { distance: value(roadM), duration: value(roadM / SPEED_MPS[mode]), steps };
  const route = { origin: params.origin, destination: params.destination, paths: [path] };
  return asNumber ? { body: { data: route } } : { body: { count: '1', route } };
}
