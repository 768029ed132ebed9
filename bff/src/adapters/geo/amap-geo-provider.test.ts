import { startAmapMock, type AmapMock } from '@omni/mock/amap';
import { haversineM } from '../../algorithms/geo/distance';
import { signAmapParams } from './amap-client';
import { AmapGeoProvider, type AmapGeoProviderOptions } from './amap-geo-provider';
import { OfflineGeoProvider } from './offline-geo-provider';

const PEOPLES_SQUARE = { lat: 31.2317, lng: 121.4752 };
const PEARL = { lat: 31.239703, lng: 121.499718 };
const XUJIAHUI = { lat: 31.1951, lng: 121.4374 };
const WUJIAOCHANG = { lat: 31.299, lng: 121.514 };

let mock: AmapMock;
let signedMock: AmapMock;

beforeAll(async () => {
  [mock, signedMock] = await Promise.all([
    startAmapMock({ key: 'test-key' }),
    startAmapMock({ key: 'test-key', privateKey: 'private-key' }),
  ]);
});
afterAll(async () => {
  await Promise.all([mock.close(), signedMock.close()]);
});
beforeEach(() => {
  mock.resetCalls();
  signedMock.resetCalls();
});

const makeProvider = (overrides: Partial<AmapGeoProviderOptions> = {}) =>
  new AmapGeoProvider({ key: 'test-key', baseUrl: mock.url, sleep: async () => undefined, ...overrides });
const roadM = (a: typeof PEARL, b: typeof PEARL) => Math.round(haversineM(a, b) * 1.3);

describe('AmapGeoProvider against the AMap mock', () => {
  it('geocodes an address to its AMap position, address and district', async () => {
    const hit = await makeProvider().geocode('上海市浦东新区东方明珠', '上海');
    expect(hit).toEqual({ ...PEARL, formattedAddress: '上海市浦东新区东方明珠', district: '浦东新区' });
    expect(mock.calls).toHaveLength(1);
    expect(mock.calls[0].path).toBe('/v3/geocode/geo');
    expect(mock.calls[0].params).toMatchObject({
      address: '上海市浦东新区东方明珠',
      city: '上海',
      key: 'test-key',
    });
  });

  it('trusts AMap when it finds nothing, rather than guessing offline', async () => {
    // 豫园 is in the offline gazetteer but not in the mock's.
    expect(await makeProvider().geocode('豫园')).toBeNull();
    expect(mock.calls).toHaveLength(1);
  });

  it('reverse-geocodes to the address, district and nearest POI', async () => {
    const out = await makeProvider().reverseGeocode({ lat: 31.2398, lng: 121.4996 });
    expect(out).toEqual({
      formattedAddress: '上海市浦东新区陆家嘴街道东方明珠',
      district: '浦东新区',
      poiName: '东方明珠',
    });
    expect(mock.calls[0].params).toMatchObject({ location: '121.499600,31.239800', extensions: 'all' });
  });

  it.each([
    ['walking', '/v3/direction/walking', 4.5],
    ['driving', '/v3/direction/driving', 25],
    ['ebike', '/v4/direction/bicycling', 15],
  ] as const)('routes by %s through %s', async (mode, path, kmh) => {
    const route = await makeProvider().route(PEOPLES_SQUARE, PEARL, mode);
    expect(mock.calls.map((c) => c.path)).toEqual([path]);
    expect(route.distanceM).toBe(roadM(PEOPLES_SQUARE, PEARL));
    expect(route.durationS).toBeCloseTo(route.distanceM / (kmh / 3.6), -1);
    expect(route.polyline.length).toBeGreaterThanOrEqual(3);
    expect(haversineM(route.polyline[0], PEOPLES_SQUARE)).toBeLessThan(0.2);
    expect(haversineM(route.polyline[route.polyline.length - 1], PEARL)).toBeLessThan(0.2);
  });

  it('builds a driving matrix with one /v3/distance call per destination', async () => {
    const origins = [PEOPLES_SQUARE, PEARL];
    const destinations = [XUJIAHUI, WUJIAOCHANG];
    const { distanceM, durationS } = await makeProvider().matrix(origins, destinations, 'driving');
    expect(distanceM).toEqual(origins.map((o) => destinations.map((d) => roadM(o, d))));
    expect(durationS[1][0]).toBe(Math.round((haversineM(PEARL, XUJIAHUI) * 1.3) / (25 / 3.6)));
    expect(mock.calls.map((c) => [c.path, c.params.type, c.params.destination])).toEqual([
      ['/v3/distance', '1', '121.437400,31.195100'],
      ['/v3/distance', '1', '121.514000,31.299000'],
    ]);
  });

  it('times e-bike matrix trips at e-bike speed over road distance', async () => {
    const { distanceM, durationS } = await makeProvider().matrix([PEOPLES_SQUARE], [XUJIAHUI], 'ebike');
    expect(distanceM[0][0]).toBe(roadM(PEOPLES_SQUARE, XUJIAHUI));
    expect(durationS[0][0]).toBe(Math.round(distanceM[0][0] / (15 / 3.6)));
  });

  it('fills walking cells beyond AMap’s 5 km limit with the offline estimate', async () => {
    const { distanceM } = await makeProvider().matrix([PEOPLES_SQUARE, PEARL], [WUJIAOCHANG], 'walking');
    expect(mock.calls[0].params.type).toBe('3');
    const offline = new OfflineGeoProvider().estimate(PEOPLES_SQUARE, WUJIAOCHANG, 'walking');
    expect(distanceM[0][0]).toBe(offline.distanceM);
    expect(distanceM[0][0]).toBeGreaterThan(5_000);
  });

  it('splits more than 100 origins into calls of at most 100 and reassembles the matrix', async () => {
    const origins = Array.from({ length: 250 }, (_, i) => ({
      lat: 31.2 + i * 0.0002,
      lng: 121.45 + i * 0.0001,
    }));
    const destinations = [PEARL, XUJIAHUI];
    const { distanceM } = await makeProvider().matrix(origins, destinations, 'driving');
    expect(mock.calls).toHaveLength(6);
    expect(mock.calls.map((c) => c.params.origins.split('|').length).sort()).toEqual([
      100, 100, 100, 100, 50, 50,
    ]);
    expect(mock.calls.every((c) => c.infocode === '10000')).toBe(true);
    expect(distanceM).toHaveLength(250);
    for (const i of [0, 99, 100, 199, 200, 249]) {
      expect(distanceM[i]).toEqual([roadM(origins[i], PEARL), roadM(origins[i], XUJIAHUI)]);
    }
  });

  it('answers an empty matrix without calling AMap', async () => {
    expect(await makeProvider().matrix([], [PEARL], 'driving')).toEqual({ distanceM: [], durationS: [] });
    expect(await makeProvider().matrix([PEARL], [], 'driving')).toEqual({ distanceM: [[]], durationS: [[]] });
    expect(mock.calls).toHaveLength(0);
  });

  it('serves a repeated question from its cache without a second call', async () => {
    const geo = makeProvider();
    const first = await geo.geocode('人民广场');
    const again = await geo.geocode('  人民广场 ');
    await geo.matrix([PEOPLES_SQUARE], [PEARL], 'driving');
    await geo.matrix([PEOPLES_SQUARE], [PEARL], 'ebike');
    expect(again).toEqual(first);
    expect(mock.calls.map((c) => c.path)).toEqual(['/v3/geocode/geo', '/v3/distance']);
  });

  it('asks again once a cached answer has expired', async () => {
    let nowMs = 0;
    const geo = makeProvider({ cacheTtlMs: 1_000, now: () => nowMs });
    await geo.geocode('人民广场');
    nowMs = 1_000;
    await geo.geocode('人民广场');
    expect(mock.calls).toHaveLength(2);
  });

  it('signs every request so that a mock holding the private key accepts it', async () => {
    const geo = makeProvider({ baseUrl: signedMock.url, secret: 'private-key' });
    expect(await geo.geocode('东方明珠')).toMatchObject(PEARL);
    const { key, address, sig } = signedMock.calls[0].params;
    expect(sig).toBe(signAmapParams({ address, key }, 'private-key'));
    expect(signedMock.calls[0].infocode).toBe('10000');
  });

  it('is refused with INVALID_USER_SIGNATURE under a wrong private key, and answers offline', async () => {
    const geo = makeProvider({ baseUrl: signedMock.url, secret: 'wrong-key' });
    const hit = await geo.geocode('东方明珠');
    expect(signedMock.calls.map((c) => c.infocode)).toEqual(['10007']);
    expect(geo.circuitState).toBe('open');
    expect(hit).toEqual(await new OfflineGeoProvider().geocode('东方明珠'));
  });
});
