import {
  bd09ToGcj02,
  bd09ToWgs84,
  fromGcj02,
  gcj02ToBd09,
  gcj02ToWgs84,
  outOfChina,
  toGcj02,
  wgs84ToBd09,
  wgs84ToGcj02,
} from './coord-transform';
import { haversineM } from './distance';

// Oriental Pearl Tower: WGS-84 from its survey listing, GCJ-02 as AMap shows the POI.
const PEARL_WGS84 = { lat: 31.2417, lng: 121.4953 };
const PEARL_AMAP_GCJ02 = { lat: 31.239703, lng: 121.499718 };

describe('wgs84 <-> gcj02', () => {
  it('moves the Oriental Pearl Tower onto its AMap position, several hundred metres from GPS', () => {
    const gcj = wgs84ToGcj02(PEARL_WGS84);
    expect(haversineM(gcj, PEARL_AMAP_GCJ02)).toBeLessThan(10);
    const offsetM = haversineM(PEARL_WGS84, gcj);
    expect(offsetM).toBeGreaterThan(300);
    expect(offsetM).toBeLessThan(700);
  });

  it.each([
    // Reference outputs of the widely used wandergis/coordtransform for (116.404, 39.915).
    ['Beijing reference', { lng: 116.404, lat: 39.915 }, { lng: 116.41024449916938, lat: 39.91640428150164 }],
  ])('matches the reference forward transform for %s', (_name, wgs, gcj) => {
    const out = wgs84ToGcj02(wgs);
    expect(out.lng).toBeCloseTo(gcj.lng, 10);
    expect(out.lat).toBeCloseTo(gcj.lat, 10);
  });

  it.each([
    ['Oriental Pearl Tower', PEARL_WGS84],
    ['Shanghai Hongqiao station', { lat: 31.1946, lng: 121.3203 }],
    ['Pudong airport', { lat: 31.1443, lng: 121.8083 }],
    ['Beijing Tiananmen', { lat: 39.9087, lng: 116.3975 }],
    ['Urumqi', { lat: 43.8256, lng: 87.6168 }],
    ['Haikou', { lat: 20.044, lng: 110.1999 }],
    ['Harbin', { lat: 45.8038, lng: 126.535 }],
  ])('round-trips %s through gcj02 and back within 0.5 m', (_name, wgs) => {
    const back = gcj02ToWgs84(wgs84ToGcj02(wgs));
    expect(haversineM(wgs, back)).toBeLessThan(0.5);
  });

  it('recovers the GPS position of the tower from its AMap position within a few metres', () => {
    expect(haversineM(gcj02ToWgs84(PEARL_AMAP_GCJ02), PEARL_WGS84)).toBeLessThan(10);
  });
});

describe('gcj02 <-> bd09', () => {
  it('matches the reference outputs for (116.404, 39.915)', () => {
    const bd = gcj02ToBd09({ lng: 116.404, lat: 39.915 });
    expect(bd.lng).toBeCloseTo(116.41036949371029, 10);
    expect(bd.lat).toBeCloseTo(39.92133699351021, 10);
    const gcj = bd09ToGcj02({ lng: 116.404, lat: 39.915 });
    expect(gcj.lng).toBeCloseTo(116.39762729119315, 10);
    expect(gcj.lat).toBeCloseTo(39.90865673957631, 10);
  });

  it('round-trips the tower through bd09 within 0.5 m, after an offset of several hundred metres', () => {
    const bd = gcj02ToBd09(PEARL_AMAP_GCJ02);
    expect(haversineM(bd, PEARL_AMAP_GCJ02)).toBeGreaterThan(500);
    expect(haversineM(bd09ToGcj02(bd), PEARL_AMAP_GCJ02)).toBeLessThan(0.5);
    expect(haversineM(bd09ToWgs84(wgs84ToBd09(PEARL_WGS84)), PEARL_WGS84)).toBeLessThan(0.5);
  });
});

describe('outOfChina', () => {
  it.each([
    ['Shanghai', { lat: 31.23, lng: 121.47 }, false],
    ['Lhasa', { lat: 29.65, lng: 91.1 }, false],
    ['London', { lat: 51.5074, lng: -0.1278 }, true],
    ['New York', { lat: 40.7128, lng: -74.006 }, true],
    ['Sydney', { lat: -33.8688, lng: 151.2093 }, true],
  ])('classifies %s', (_name, p, expected) => {
    expect(outOfChina(p)).toBe(expected);
  });

  it('leaves points outside China unchanged in every direction', () => {
    const london = { lat: 51.5074, lng: -0.1278 };
    for (const f of [wgs84ToGcj02, gcj02ToWgs84, gcj02ToBd09, bd09ToGcj02]) expect(f(london)).toEqual(london);
  });
});

describe('toGcj02 / fromGcj02', () => {
  it.each(['gcj02', 'wgs84', 'bd09'] as const)('inverts each other for %s within 0.5 m', (system) => {
    const back = toGcj02(fromGcj02(PEARL_AMAP_GCJ02, system), system);
    expect(haversineM(back, PEARL_AMAP_GCJ02)).toBeLessThan(0.5);
  });

  it('converts raw GPS input to what AMap shows', () => {
    expect(haversineM(toGcj02(PEARL_WGS84, 'wgs84'), PEARL_AMAP_GCJ02)).toBeLessThan(10);
  });
});
