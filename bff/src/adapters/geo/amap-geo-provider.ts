import type { LatLng } from '@omni/shared-types';
import { AmapClient, AmapError, type AmapBody, type AmapClientOptions } from './amap-client';
import { formatLngLat, list, num, parseLngLat, pathPolyline, record, text } from './amap-parse';
import { CircuitBreaker, type CircuitState } from './circuit-breaker';
import type {
  GeocodeResult,
  GeoLogger,
  GeoProvider,
  ReverseGeocodeResult,
  RouteResult,
  TravelMatrix,
  TravelMode,
} from './geo-provider';
import { LruCache } from './lru-cache';
import { OfflineGeoProvider } from './offline-geo-provider';
import { runLimited } from './run-limited';

/** AMap's /v3/distance limit: origins per call (one destination per call). */
export const AMAP_MAX_ORIGINS_PER_CALL = 100;

/** Options of the AMap provider: client options plus cache, circuit-breaker (milliseconds) and fallback settings. */
export interface AmapGeoProviderOptions extends AmapClientOptions {
  /** Answers while AMap is unavailable; also fills matrix cells AMap could not compute. */
  fallback?: OfflineGeoProvider;
  /** Current time in milliseconds since the epoch (cache expiry, circuit cool-downs). */
  now?: () => number;
  cacheMaxEntries?: number;
  cacheTtlMs?: number;
  /** Consecutive transient failures (after retries) that open the circuit. */
  failureThreshold?: number;
  /** How long the circuit stays open after transient failures. */
  coolDownMs?: number;
  /** How long it stays open after an invalid key or an exhausted daily quota, which heal slowly. */
  authCoolDownMs?: number;
  /** AMap calls in flight at once for one matrix. */
  concurrency?: number;
  log?: GeoLogger;
}

const ROUTE_PATHS: Record<TravelMode, string> = {
  ebike: '/v4/direction/bicycling',
  walking: '/v3/direction/walking',
  driving: '/v3/direction/driving',
};

/** GeoProvider backed by AMap's web-service API, with cache, retries, a circuit breaker and an offline fallback. */
export class AmapGeoProvider implements GeoProvider {
  private readonly client: AmapClient;
  private readonly fallback: OfflineGeoProvider;
  private readonly breaker: CircuitBreaker;
  private readonly cache: LruCache<AmapBody>;
  private readonly inflight = new Map<string, Promise<AmapBody>>();

  constructor(private readonly options: AmapGeoProviderOptions) {
    const now = options.now ?? Date.now;
    this.client = new AmapClient(options);
    this.fallback = options.fallback ?? new OfflineGeoProvider();
    this.breaker = new CircuitBreaker({
      failureThreshold: options.failureThreshold ?? 5,
      coolDownMs: options.coolDownMs ?? 30_000,
      now,
    });
    this.cache = new LruCache({
      maxEntries: options.cacheMaxEntries ?? 2_000,
      ttlMs: options.cacheTtlMs ?? 6 * 3_600_000,
      now,
    });
  }

  /** The circuit breaker's state, for health checks and metrics. */
  get circuitState(): CircuitState {
    return this.breaker.state;
  }

  async matrix(origins: LatLng[], destinations: LatLng[], mode: TravelMode): Promise<TravelMatrix> {
    if (origins.length === 0 || destinations.length === 0) {
      return { distanceM: origins.map(() => []), durationS: origins.map(() => []) };
    }
    return this.guarded(
      'matrix',
      () => this.amapMatrix(origins, destinations, mode),
      () => this.fallback.matrix(origins, destinations, mode),
    );
  }

  async geocode(address: string, city?: string): Promise<GeocodeResult | null> {
    if (address.trim() === '') return null;
    return this.guarded(
      'geocode',
      async () => {
        const params: Record<string, string> = { address: address.trim() };
        if (city && city.trim() !== '') params.city = city.trim();
        const first = record(list((await this.get('/v3/geocode/geo', params)).geocodes)[0]);
        const at = parseLngLat(first?.location);
        if (!first || !at) return null;
        return {
          lat: at.lat,
          lng: at.lng,
          formattedAddress: text(first.formatted_address) ?? address.trim(),
          district: text(first.district),
        };
      },
      () => this.fallback.geocode(address, city),
    );
  }

  async reverseGeocode(p: LatLng): Promise<ReverseGeocodeResult> {
    return this.guarded(
      'reverseGeocode',
      async () => {
        const body = await this.get('/v3/geocode/regeo', {
          location: formatLngLat(p),
          extensions: 'all',
          radius: '500',
        });
        const regeo = record(body.regeocode);
        if (!regeo) throw new AmapError('request', 'NO_REGEOCODE', 'AMap regeo answered without regeocode');
        const poiName = text(record(list(regeo.pois)[0])?.name) ?? text(record(list(regeo.aois)[0])?.name);
        return {
          // Over the sea or abroad AMap answers an empty address; that is still a truthful answer.
          formattedAddress: text(regeo.formatted_address) ?? '',
          district: text(record(regeo.addressComponent)?.district),
          poiName,
        };
      },
      () => this.fallback.reverseGeocode(p),
    );
  }

  async route(from: LatLng, to: LatLng, mode: TravelMode): Promise<RouteResult> {
    return this.guarded(
      'route',
      async () => {
        const params: Record<string, string> = { origin: formatLngLat(from), destination: formatLngLat(to) };
        if (mode === 'driving') params.extensions = 'base';
        const body = await this.get(ROUTE_PATHS[mode], params);
        // v3 nests the answer in `route`, v4 (bicycling) in `data`; the paths look alike.
        const path = record(list(record(body.route ?? body.data)?.paths)[0]);
        const distanceM = num(path?.distance);
        const durationS = num(path?.duration);
        if (!path || distanceM === undefined || durationS === undefined) {
          throw new AmapError('request', 'NO_ROUTE', `AMap found no ${mode} route`);
        }
        const polyline = pathPolyline(path);
        return { distanceM, durationS, polyline: polyline.length >= 2 ? polyline : [{ ...from }, { ...to }] };
      },
      () => this.fallback.route(from, to, mode),
    );
  }

  private async amapMatrix(
    origins: LatLng[],
    destinations: LatLng[],
    mode: TravelMode,
  ): Promise<TravelMatrix> {
    const distanceM = origins.map(() => destinations.map(() => NaN));
    const durationS = origins.map(() => destinations.map(() => NaN));
    // /v3/distance has no bicycle type: e-bikes get road (driving) distance at e-bike speed.
    const type = mode === 'walking' ? '3' : '1';
    const tasks: Array<() => Promise<void>> = [];
    destinations.forEach((dest, j) => {
      for (let start = 0; start < origins.length; start += AMAP_MAX_ORIGINS_PER_CALL) {
        const chunk = origins.slice(start, start + AMAP_MAX_ORIGINS_PER_CALL);
        tasks.push(async () => {
          const body = await this.get('/v3/distance', {
            origins: chunk.map(formatLngLat).join('|'),
            destination: formatLngLat(dest),
            type,
          });
          for (const item of list(body.results)) {
            const r = record(item);
            const i = num(r?.origin_id);
            const d = num(r?.distance);
            const t = num(r?.duration);
            // A per-result `code` other than 0 means no road between the points (or out of range).
            const failed = r?.code !== undefined && num(r.code) !== 0;
            if (
              failed ||
              i === undefined ||
              !Number.isInteger(i) ||
              i < 1 ||
              i > chunk.length ||
              d === undefined
            ) {
              continue;
            }
            distanceM[start + i - 1][j] = d;
            durationS[start + i - 1][j] =
              mode === 'ebike' || t === undefined ? this.fallback.durationForS(d, mode) : t;
          }
        });
      }
    });
    await runLimited(tasks, this.options.concurrency ?? 4);
    // Cells AMap left out (e.g. walking beyond its 5 km limit) get the offline estimate.
    origins.forEach((o, i) =>
      destinations.forEach((dest, j) => {
        if (!Number.isNaN(distanceM[i][j])) return;
        const estimate = this.fallback.estimate(o, dest, mode);
        distanceM[i][j] = estimate.distanceM;
        durationS[i][j] = estimate.durationS;
      }),
    );
    return { distanceM, durationS };
  }

  /** A cached, de-duplicated AMap GET; only successful answers are cached. */
  private async get(path: string, params: Record<string, string>): Promise<AmapBody> {
    const cacheKey = `${path}?${new URLSearchParams(Object.entries(params).sort()).toString()}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const pending = this.inflight.get(cacheKey);
    if (pending) return pending;
    const request = this.client
      .get(path, params)
      .then((body) => {
        this.cache.set(cacheKey, body);
        return body;
      })
      .finally(() => this.inflight.delete(cacheKey));
    this.inflight.set(cacheKey, request);
    return request;
  }

  private async guarded<T>(op: string, viaAmap: () => Promise<T>, offline: () => Promise<T>): Promise<T> {
    if (!this.breaker.tryAcquire()) return offline();
    try {
      const answer = await viaAmap();
      this.breaker.recordSuccess();
      return answer;
    } catch (err) {
      const error =
        err instanceof AmapError
          ? err
          : new AmapError('transient', 'INTERNAL', (err as Error)?.message ?? 'unknown');
      if (error.kind === 'request') this.breaker.recordSuccess();
      else if (error.kind === 'transient') this.breaker.recordFailure();
      else this.breaker.trip(this.options.authCoolDownMs ?? 300_000);
      this.options.log?.warn(
        {
          op,
          infocode: error.infocode,
          kind: error.kind,
          circuit: this.breaker.state,
          reason: error.message,
        },
        'AMap failed; answering from the offline geo provider',
      );
      return offline();
    }
  }
}
