import { destinationPoint, haversineM, initialBearingDeg, interpolateLine, pathLengthM } from './distance';

const PEOPLES_SQUARE = { lat: 31.2304, lng: 121.4737 };

describe('haversineM', () => {
  it.each([
    ['same point', PEOPLES_SQUARE, PEOPLES_SQUARE, 0, 0.001],
    ['one degree of latitude', { lat: 0, lng: 0 }, { lat: 1, lng: 0 }, 111_195, 1],
    ['one degree of longitude at the equator', { lat: 0, lng: 0 }, { lat: 0, lng: 1 }, 111_195, 1],
    // Reference values from the textbook haversine on the mean-radius sphere.
    [
      'Shanghai to Beijing',
      { lat: 31.2304, lng: 121.4737 },
      { lat: 39.9042, lng: 116.4074 },
      1_067_000,
      2_000,
    ],
    ['London to Paris', { lat: 51.5074, lng: -0.1278 }, { lat: 48.8566, lng: 2.3522 }, 343_500, 1_000],
    ['pole to pole', { lat: 90, lng: 0 }, { lat: -90, lng: 0 }, 20_015_115, 10],
  ])('measures %s', (_name, a, b, expectedM, toleranceM) => {
    expect(Math.abs(haversineM(a, b) - expectedM)).toBeLessThanOrEqual(toleranceM);
  });

  it('is symmetric', () => {
    const bund = { lat: 31.2402, lng: 121.4905 };
    expect(haversineM(PEOPLES_SQUARE, bund)).toBeCloseTo(haversineM(bund, PEOPLES_SQUARE), 9);
  });
});

describe('initialBearingDeg', () => {
  it.each([
    ['north', { lat: 1, lng: 0 }, 0],
    ['east', { lat: 0, lng: 1 }, 90],
    ['south', { lat: -1, lng: 0 }, 180],
    ['west', { lat: 0, lng: -1 }, 270],
  ])('points %s', (_name, to, expectedDeg) => {
    expect(initialBearingDeg({ lat: 0, lng: 0 }, to)).toBeCloseTo(expectedDeg, 6);
  });
});

describe('destinationPoint', () => {
  it.each([0, 45, 137, 270])('lands the given distance away on bearing %d°', (bearingDeg) => {
    const to = destinationPoint(PEOPLES_SQUARE, 2_500, bearingDeg);
    expect(haversineM(PEOPLES_SQUARE, to)).toBeCloseTo(2_500, 3);
    expect(initialBearingDeg(PEOPLES_SQUARE, to)).toBeCloseTo(bearingDeg, 3);
  });
});

describe('interpolateLine and pathLengthM', () => {
  it('splits a segment into equal legs whose lengths add up to the segment', () => {
    const b = { lat: 31.2402, lng: 121.4905 };
    const points = interpolateLine(PEOPLES_SQUARE, b, 4);
    expect(points).toHaveLength(5);
    expect(points[0]).toEqual(PEOPLES_SQUARE);
    expect(points[4]).toEqual(b);
    expect(pathLengthM(points)).toBeCloseTo(haversineM(PEOPLES_SQUARE, b), 1);
  });

  it('gives zero for a path with fewer than two points', () => {
    expect(pathLengthM([])).toBe(0);
    expect(pathLengthM([PEOPLES_SQUARE])).toBe(0);
  });
});
