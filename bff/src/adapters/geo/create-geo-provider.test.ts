import { startAmapMock, type AmapMock } from '@omni/mock/amap';
import { AmapGeoProvider } from './amap-geo-provider';
import { createGeoProvider, type GeoProviderConfig } from './create-geo-provider';
import { OfflineGeoProvider } from './offline-geo-provider';

let mock: AmapMock;
beforeAll(async () => {
  mock = await startAmapMock({ key: 'cfg-key', privateKey: 'cfg-secret' });
});
afterAll(() => mock.close());
beforeEach(() => mock.resetCalls());

describe('createGeoProvider', () => {
  it.each<[GeoProviderConfig]>([
    [{}],
    [{ amap: { key: null, secret: null, apiBase: null } }],
    [{ amap: { key: ' ' } }],
  ])('works offline without an AMap key (%j)', (config) => {
    expect(createGeoProvider(config)).toBeInstanceOf(OfflineGeoProvider);
  });

  it('reads the time for its cache and circuit breaker from the injected clock', async () => {
    let nowMs = Date.UTC(2026, 0, 1);
    const geo = createGeoProvider({
      amap: { key: 'wrong-key', apiBase: mock.url },
      clock: { now: () => new Date(nowMs) },
    }) as AmapGeoProvider;
    await geo.geocode('徐家汇');
    expect(geo.circuitState).toBe('open');
    nowMs += 300_000;
    expect(geo.circuitState).toBe('half-open');
  });

  it('uses AMap, signed, when a key is set', async () => {
    const geo = createGeoProvider({ amap: { key: 'cfg-key', secret: 'cfg-secret', apiBase: mock.url } });
    expect(geo).toBeInstanceOf(AmapGeoProvider);
    expect(await geo.geocode('徐家汇')).toMatchObject({ district: '徐汇区' });
    expect(mock.calls.map((c) => c.infocode)).toEqual(['10000']);
  });

  it('passes the detour factor to the offline estimates', async () => {
    const a = { lat: 31.2317, lng: 121.4752 };
    const b = { lat: 31.1951, lng: 121.4374 };
    const straight = await createGeoProvider({ detourFactor: 1 }).route(a, b, 'driving');
    const detoured = await createGeoProvider({ detourFactor: 1.5 }).route(a, b, 'driving');
    expect(detoured.distanceM / straight.distanceM).toBeCloseTo(1.5, 3);
  });
});
