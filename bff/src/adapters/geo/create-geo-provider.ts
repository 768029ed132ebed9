import type { Clock } from '../../clock';
import { AmapGeoProvider } from './amap-geo-provider';
import type { GeoLogger, GeoProvider, TravelMode } from './geo-provider';
import { OfflineGeoProvider } from './offline-geo-provider';

/** What the composition root passes in: `config.amap` (AMAP_KEY, AMAP_SECRET, AMAP_API_BASE), speeds in km/h. */
export interface GeoProviderConfig {
  amap?: { key?: string | null; secret?: string | null; apiBase?: string | null };
  detourFactor?: number;
  speedsKmh?: Partial<Record<TravelMode, number>>;
  /** Per-request AMap timeout in milliseconds. */
  amapTimeoutMs?: number;
  clock?: Clock;
  log?: GeoLogger;
  fetch?: typeof fetch;
}

/** The AMap provider (falling back to offline estimates) when an AMap key is set, else the offline provider. */
export function createGeoProvider(config: GeoProviderConfig = {}): GeoProvider {
  const offline = new OfflineGeoProvider({ detourFactor: config.detourFactor, speedsKmh: config.speedsKmh });
  const key = config.amap?.key?.trim();
  if (!key) return offline;
  const clock = config.clock;
  return new AmapGeoProvider({
    key,
    secret: config.amap?.secret?.trim() || undefined,
    baseUrl: config.amap?.apiBase?.trim() || undefined,
    timeoutMs: config.amapTimeoutMs,
    now: clock ? () => clock.now().getTime() : undefined,
    fetch: config.fetch,
    log: config.log,
    fallback: offline,
  });
}
