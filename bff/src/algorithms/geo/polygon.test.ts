import { haversineM, destinationPoint } from './distance';
import {
  bboxAroundPoint,
  bboxContains,
  pointInPolygon,
  pointInPolygonWithHoles,
  polygonBbox,
} from './polygon';

// A rough quadrilateral around Lujiazui, GCJ-02.
const LUJIAZUI = [
  { lat: 31.245, lng: 121.49 },
  { lat: 31.245, lng: 121.515 },
  { lat: 31.228, lng: 121.515 },
  { lat: 31.228, lng: 121.49 },
];
// A concave "L" shape: the notch at the top right is outside.
const L_SHAPE = [
  { lat: 0, lng: 0 },
  { lat: 0, lng: 2 },
  { lat: 1, lng: 2 },
  { lat: 1, lng: 1 },
  { lat: 2, lng: 1 },
  { lat: 2, lng: 0 },
];

describe('pointInPolygon', () => {
  it.each([
    ['the Oriental Pearl Tower in Lujiazui', { lat: 31.2397, lng: 121.4997 }, LUJIAZUI, true],
    ["People's Square outside Lujiazui", { lat: 31.2304, lng: 121.4737 }, LUJIAZUI, false],
    ['the foot of the L', { lat: 0.5, lng: 1.5 }, L_SHAPE, true],
    ['the stem of the L', { lat: 1.5, lng: 0.5 }, L_SHAPE, true],
    ['the notch of the L', { lat: 1.5, lng: 1.5 }, L_SHAPE, false],
    ['a point level with a vertex, outside', { lat: 1, lng: 3 }, L_SHAPE, false],
    ['a point level with a vertex, inside', { lat: 1, lng: 0.5 }, L_SHAPE, true],
    ['anything in an empty ring', { lat: 0, lng: 0 }, [], false],
  ])('places %s', (_name, p, ring, expected) => {
    expect(pointInPolygon(p, ring)).toBe(expected);
  });

  it('gives the same answer whether or not the ring is closed', () => {
    const closed = [...L_SHAPE, L_SHAPE[0]];
    for (const p of [
      { lat: 0.5, lng: 1.5 },
      { lat: 1.5, lng: 1.5 },
      { lat: 1.5, lng: 0.5 },
    ]) {
      expect(pointInPolygon(p, closed)).toBe(pointInPolygon(p, L_SHAPE));
    }
  });

  it('does not depend on the winding direction', () => {
    const reversed = [...LUJIAZUI].reverse();
    expect(pointInPolygon({ lat: 31.2397, lng: 121.4997 }, reversed)).toBe(true);
  });

  it('excludes points inside a hole', () => {
    const hole = [
      { lat: 31.24, lng: 121.495 },
      { lat: 31.24, lng: 121.505 },
      { lat: 31.235, lng: 121.505 },
      { lat: 31.235, lng: 121.495 },
    ];
    expect(pointInPolygonWithHoles({ lat: 31.2397, lng: 121.4997 }, LUJIAZUI, [hole])).toBe(false);
    expect(pointInPolygonWithHoles({ lat: 31.243, lng: 121.511 }, LUJIAZUI, [hole])).toBe(true);
  });
});

describe('polygonBbox', () => {
  it('spans the extreme vertices', () => {
    expect(polygonBbox(L_SHAPE)).toEqual({ minLat: 0, minLng: 0, maxLat: 2, maxLng: 2 });
    expect(polygonBbox(LUJIAZUI)).toEqual({
      minLat: 31.228,
      minLng: 121.49,
      maxLat: 31.245,
      maxLng: 121.515,
    });
  });

  it('refuses an empty ring', () => {
    expect(() => polygonBbox([])).toThrow(RangeError);
  });
});

describe('bboxAroundPoint', () => {
  const center = { lat: 31.2304, lng: 121.4737 };

  it.each([0, 45, 90, 135, 180, 225, 270, 315])('contains the circle point on bearing %d°', (bearingDeg) => {
    expect(bboxContains(bboxAroundPoint(center, 3_000), destinationPoint(center, 2_999, bearingDeg))).toBe(
      true,
    );
  });

  it.each([0, 90, 180, 270])('leaves out a point just beyond the radius on bearing %d°', (bearingDeg) => {
    expect(bboxContains(bboxAroundPoint(center, 3_000), destinationPoint(center, 3_050, bearingDeg))).toBe(
      false,
    );
  });

  it('is about as tall as the diameter', () => {
    const box = bboxAroundPoint(center, 3_000);
    const heightM = haversineM({ lat: box.minLat, lng: center.lng }, { lat: box.maxLat, lng: center.lng });
    expect(heightM).toBeCloseTo(6_000, 0);
  });

  it('covers every longitude around a pole', () => {
    const box = bboxAroundPoint({ lat: 89.99, lng: 0 }, 5_000);
    expect(box.maxLat).toBe(90);
    expect(box.minLng).toBe(-180);
    expect(box.maxLng).toBe(180);
  });
});
