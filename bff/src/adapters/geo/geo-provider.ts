import type { LatLng } from '@omni/shared-types';

/** How a trip is made; each mode has its own speed and, with AMap, its own routing API. */
export type TravelMode = 'ebike' | 'walking' | 'driving';

/** Every travel mode, in a stable order (for validation and iteration). */
export const TRAVEL_MODES: readonly TravelMode[] = ['ebike', 'walking', 'driving'];

/** Travel distances (metres) and durations (seconds), indexed [origin][destination]. */
export interface TravelMatrix {
  distanceM: number[][];
  durationS: number[][];
}

/** A geocoded address: GCJ-02 position in degrees and AMap-style formatted address. */
export interface GeocodeResult {
  lat: number;
  lng: number;
  formattedAddress: string;
  district?: string;
}

/** What is at a position: formatted address, its district and the nearest point of interest. */
export interface ReverseGeocodeResult {
  formattedAddress: string;
  district?: string;
  poiName?: string;
}

/** One route: distance in metres, duration in seconds, polyline of GCJ-02 points in degrees. */
export interface RouteResult {
  distanceM: number;
  durationS: number;
  polyline: LatLng[];
}

/** Distances, ETAs, geocoding and routes; every position is GCJ-02 degrees, distances metres, durations seconds. */
export interface GeoProvider {
  /** Road distances (metres) and durations (seconds) from every origin to every destination. */
  matrix(origins: LatLng[], destinations: LatLng[], mode: TravelMode): Promise<TravelMatrix>;
  /** The GCJ-02 position of an address (optionally within a city), or null when unknown. */
  geocode(address: string, city?: string): Promise<GeocodeResult | null>;
  /** The address at a GCJ-02 position. */
  reverseGeocode(p: LatLng): Promise<ReverseGeocodeResult>;
  /** One route with its distance (metres), duration (seconds) and polyline (GCJ-02 degrees). */
  route(from: LatLng, to: LatLng, mode: TravelMode): Promise<RouteResult>;
}

/** The slice of a pino logger the geo adapters use to report degraded service. */
export interface GeoLogger {
  warn(obj: object, msg: string): void;
}
