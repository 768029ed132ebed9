import type { LatLng } from '@omni/shared-types';
import { haversineM } from '../../algorithms/geo/distance';
import type {
  GeocodeResult,
  GeoProvider,
  ReverseGeocodeResult,
  RouteResult,
  TravelMatrix,
  TravelMode,
} from './geo-provider';
import { SHANGHAI_GAZETTEER, type GazetteerEntry, type GazetteerKind } from './shanghai-gazetteer';

/** Road distance ÷ great-circle distance in a dense city grid, dimensionless. */
export const DEFAULT_DETOUR_FACTOR = 1.3;

/** Average door-to-door speeds in km/h: a delivery e-bike, a pedestrian, a car in city traffic. */
export const DEFAULT_SPEEDS_KMH: Readonly<Record<TravelMode, number>> = {
  ebike: 15,
  walking: 4.5,
  driving: 25,
};

/** Options of the offline provider: detour factor (≥ 1) and per-mode speeds in km/h. */
export interface OfflineGeoProviderOptions {
  detourFactor?: number;
  speedsKmh?: Partial<Record<TravelMode, number>>;
  gazetteer?: readonly GazetteerEntry[];
}

const KIND_RANK: Record<GazetteerKind, number> = { landmark: 3, road: 2, district: 1, city: 0 };
// Beyond this from every known place, a point is not in Shanghai and the gazetteer cannot name it.
const OUTSIDE_CITY_M = 60_000;
const NEAR_POI_M = 1_000;
const SHANGHAI_CITY_NAMES = ['上海', 'shanghai', '021', '310000'];

const normalise = (s: string): string => s.toLowerCase().replace(/[\s’]/g, (c) => (c === '’' ? "'" : ''));

/** Offline geo provider: great-circle distance × detour factor, fixed speeds, a built-in Shanghai gazetteer. */
export class OfflineGeoProvider implements GeoProvider {
  private readonly detourFactor: number;
  private readonly speedsMps: Record<TravelMode, number>;
  private readonly gazetteer: readonly GazetteerEntry[];

  constructor(options: OfflineGeoProviderOptions = {}) {
    this.detourFactor = options.detourFactor ?? DEFAULT_DETOUR_FACTOR;
    if (!Number.isFinite(this.detourFactor) || this.detourFactor < 1) {
      throw new RangeError(`detourFactor must be a number ≥ 1, got ${options.detourFactor}`);
    }
    const speeds = { ...DEFAULT_SPEEDS_KMH, ...options.speedsKmh };
    for (const [mode, kmh] of Object.entries(speeds)) {
      if (!Number.isFinite(kmh) || kmh <= 0)
        throw new RangeError(`speed of ${mode} must be > 0 km/h, got ${kmh}`);
    }
    this.speedsMps = {
      ebike: speeds.ebike / 3.6,
      walking: speeds.walking / 3.6,
      driving: speeds.driving / 3.6,
    };
    this.gazetteer = options.gazetteer ?? SHANGHAI_GAZETTEER;
  }

  /** Estimated road distance (metres, rounded) and duration (seconds, rounded) of one trip. */
  estimate(from: LatLng, to: LatLng, mode: TravelMode): { distanceM: number; durationS: number } {
    const roadM = haversineM(from, to) * this.detourFactor;
    return { distanceM: Math.round(roadM), durationS: Math.round(roadM / this.speedsMps[mode]) };
  }

  /** Duration in seconds of `distanceM` metres at this provider's speed for `mode`. */
  durationForS(distanceM: number, mode: TravelMode): number {
    return Math.round(distanceM / this.speedsMps[mode]);
  }

  async matrix(origins: LatLng[], destinations: LatLng[], mode: TravelMode): Promise<TravelMatrix> {
    const distanceM: number[][] = [];
    const durationS: number[][] = [];
    for (const o of origins) {
      const cells = destinations.map((dst) => this.estimate(o, dst, mode));
      distanceM.push(cells.map((c) => c.distanceM));
      durationS.push(cells.map((c) => c.durationS));
    }
    return { distanceM, durationS };
  }

  async geocode(address: string, city?: string): Promise<GeocodeResult | null> {
    if (city !== undefined && city.trim() !== '') {
      const c = normalise(city);
      if (!SHANGHAI_CITY_NAMES.some((name) => c.includes(name))) return null;
    }
    const text = normalise(address);
    if (text === '') return null;
    let best: { entry: GazetteerEntry; score: number } | undefined;
    for (const entry of this.gazetteer) {
      for (const alias of [entry.name, ...entry.aliases]) {
        const a = normalise(alias);
        if (a === '' || !text.includes(a)) continue;
        // The most specific kind wins; among equals, the longest match.
        const score = KIND_RANK[entry.kind] * 1000 + a.length;
        if (!best || score > best.score) best = { entry, score };
      }
    }
    if (!best) return null;
    const e = best.entry;
    return {
      lat: e.lat,
      lng: e.lng,
      formattedAddress: formatAddress(e),
      district: e.kind === 'city' ? undefined : e.district,
    };
  }

  async reverseGeocode(p: LatLng): Promise<ReverseGeocodeResult> {
    let nearest: { entry: GazetteerEntry; distanceM: number } | undefined;
    let nearestPoi: { entry: GazetteerEntry; distanceM: number } | undefined;
    for (const entry of this.gazetteer) {
      if (entry.kind === 'city') continue;
      const distanceM = haversineM(p, entry);
      if (!nearest || distanceM < nearest.distanceM) nearest = { entry, distanceM };
      if (entry.kind === 'landmark' && (!nearestPoi || distanceM < nearestPoi.distanceM)) {
        nearestPoi = { entry, distanceM };
      }
    }
    if (!nearest || nearest.distanceM > OUTSIDE_CITY_M) {
      return { formattedAddress: `${p.lng.toFixed(6)},${p.lat.toFixed(6)}` };
    }
    const district = nearest.entry.district;
    const poiName = nearestPoi && nearestPoi.distanceM <= NEAR_POI_M ? nearestPoi.entry.name : undefined;
    return {
      formattedAddress: poiName ? `上海市${district}${poiName}附近` : `上海市${district}`,
      district,
      poiName,
    };
  }

  async route(from: LatLng, to: LatLng, mode: TravelMode): Promise<RouteResult> {
    const { distanceM, durationS } = this.estimate(from, to, mode);
    return { distanceM, durationS, polyline: [{ ...from }, { ...to }] };
  }
}

function formatAddress(e: GazetteerEntry): string {
  if (e.kind === 'city') return e.name;
  if (e.kind === 'district') return `上海市${e.name}`;
  return `上海市${e.district}${e.name}`;
}
