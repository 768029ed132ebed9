import { haversineM } from '../../algorithms/geo/distance';
import { OfflineGeoProvider } from './offline-geo-provider';

const PEOPLES_SQUARE = { lat: 31.2317, lng: 121.4752 };
const PEARL = { lat: 31.239703, lng: 121.499718 };
const XUJIAHUI = { lat: 31.1951, lng: 121.4374 };

describe('OfflineGeoProvider', () => {
  const geo = new OfflineGeoProvider();

  describe('matrix', () => {
    it('is great-circle distance times 1.3, timed at each mode’s speed', async () => {
      const straightM = haversineM(PEOPLES_SQUARE, PEARL);
      const { distanceM, durationS } = await geo.matrix([PEOPLES_SQUARE], [PEARL], 'ebike');
      expect(distanceM[0][0]).toBe(Math.round(straightM * 1.3));
      expect(durationS[0][0]).toBe(Math.round((straightM * 1.3) / (15 / 3.6)));
    });

    it.each([
      ['walking', 4.5],
      ['ebike', 15],
      ['driving', 25],
    ] as const)('times %s trips at %d km/h', async (mode, kmh) => {
      const { distanceM, durationS } = await geo.matrix([PEOPLES_SQUARE], [XUJIAHUI], mode);
      expect(durationS[0][0] / distanceM[0][0]).toBeCloseTo(3.6 / kmh, 3);
    });

    it('answers origins × destinations with a zero diagonal', async () => {
      const points = [PEOPLES_SQUARE, PEARL, XUJIAHUI];
      const { distanceM, durationS } = await geo.matrix(points, points, 'driving');
      expect(distanceM).toHaveLength(3);
      distanceM.forEach((row, i) => {
        expect(row).toHaveLength(3);
        expect(row[i]).toBe(0);
        expect(durationS[i][i]).toBe(0);
      });
      expect(distanceM[0][2]).toBe(distanceM[2][0]);
    });

    it('honours a configured detour factor and speeds', async () => {
      const custom = new OfflineGeoProvider({ detourFactor: 1, speedsKmh: { ebike: 18 } });
      const { distanceM, durationS } = await custom.matrix([PEOPLES_SQUARE], [PEARL], 'ebike');
      expect(distanceM[0][0]).toBe(Math.round(haversineM(PEOPLES_SQUARE, PEARL)));
      expect(durationS[0][0]).toBe(Math.round(haversineM(PEOPLES_SQUARE, PEARL) / 5));
    });

    it.each([[{ detourFactor: 0.8 }], [{ detourFactor: NaN }], [{ speedsKmh: { walking: 0 } }]])(
      'refuses a nonsensical configuration %j',
      (options) => {
        expect(() => new OfflineGeoProvider(options)).toThrow(RangeError);
      },
    );
  });

  describe('geocode', () => {
    it.each([
      ['东方明珠', '浦东新区', PEARL],
      ['上海市浦东新区世纪大道1号东方明珠塔', '浦东新区', PEARL],
      ['Oriental Pearl Tower, Shanghai', '浦东新区', PEARL],
      ['人民广场', '黄浦区', PEOPLES_SQUARE],
      ['上海市徐汇区', '徐汇区', { lat: 31.1885, lng: 121.4365 }],
      ['静安寺', '静安区', { lat: 31.2233, lng: 121.4454 }],
    ])('finds %s', async (address, district, at) => {
      const hit = await geo.geocode(address);
      expect(hit).not.toBeNull();
      expect(hit?.district).toBe(district);
      expect(haversineM(hit!, at)).toBeLessThan(1);
      expect(hit?.formattedAddress).toContain('上海市');
    });

    it('answers the city centre for the city alone, not a landmark whose alias hides in its name', async () => {
      expect(await geo.geocode('Shanghai')).toEqual({
        lat: 31.230525,
        lng: 121.473667,
        formattedAddress: '上海市',
        district: undefined,
      });
    });

    it('prefers a road over the district it lies in', async () => {
      const hit = await geo.geocode('浦东新区世纪大道100号');
      expect(hit?.formattedAddress).toBe('上海市浦东新区世纪大道');
    });

    it.each([['火星基地'], [''], ['   ']])('answers null for an unknown address %j', async (address) => {
      expect(await geo.geocode(address)).toBeNull();
    });

    it('answers null for another city, and accepts Shanghai however spelt', async () => {
      expect(await geo.geocode('人民广场', '北京')).toBeNull();
      expect(await geo.geocode('人民广场', '上海市')).not.toBeNull();
      expect(await geo.geocode('人民广场', 'Shanghai')).not.toBeNull();
      expect(await geo.geocode('人民广场', '021')).not.toBeNull();
    });
  });

  describe('reverseGeocode', () => {
    it('names the district and a landmark close by', async () => {
      const near = await geo.reverseGeocode({ lat: 31.2395, lng: 121.4995 });
      expect(near.district).toBe('浦东新区');
      expect(near.poiName).toBe('东方明珠');
      expect(near.formattedAddress).toBe('上海市浦东新区东方明珠附近');
    });

    it('gives only the district when no landmark is within a kilometre', async () => {
      const out = await geo.reverseGeocode({ lat: 31.05, lng: 121.23 });
      expect(out).toEqual({ formattedAddress: '上海市松江区', district: '松江区', poiName: undefined });
    });

    it('falls back to the coordinates far from Shanghai', async () => {
      const out = await geo.reverseGeocode({ lat: 39.9087, lng: 116.3975 });
      expect(out).toEqual({ formattedAddress: '116.397500,39.908700' });
    });
  });

  describe('route', () => {
    it('is a straight line with the matrix estimate', async () => {
      const route = await geo.route(PEOPLES_SQUARE, XUJIAHUI, 'walking');
      const { distanceM, durationS } = await geo.matrix([PEOPLES_SQUARE], [XUJIAHUI], 'walking');
      expect(route).toEqual({
        distanceM: distanceM[0][0],
        durationS: durationS[0][0],
        polyline: [PEOPLES_SQUARE, XUJIAHUI],
      });
    });
  });
});
