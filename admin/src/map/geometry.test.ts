import {
  centroid,
  closeRing,
  distanceM,
  nearestEdge,
  openRing,
  ringAreaM2,
  ringProblem,
  selfIntersection,
  selfIntersects,
  signedAreaDeg2,
} from './geometry';
import type { LngLat } from './projection';

const square: LngLat[] = [
  [121.4, 31.2],
  [121.41, 31.2],
  [121.41, 31.21],
  [121.4, 31.21],
];

describe('selfIntersects', () => {
  it('accepts a square, open or closed, either way round', () => {
    expect(selfIntersects(square)).toBe(false);
    expect(selfIntersects(closeRing(square))).toBe(false);
    expect(selfIntersects([...square].reverse())).toBe(false);
  });

  it('refuses a bow-tie and names the two crossing edges', () => {
    const bowTie: LngLat[] = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
    ];
    expect(selfIntersects(bowTie)).toBe(true);
    expect(selfIntersection(bowTie)).toEqual([0, 2]);
  });

  it('refuses a ring that touches itself at a vertex', () => {
    // A vertex of the notch lies exactly on the opposite edge.
    const touching: LngLat[] = [
      [0, 0],
      [2, 0],
      [2, 2],
      [1, 0],
      [0, 2],
    ];
    expect(selfIntersects(touching)).toBe(true);
  });

  it('refuses an edge that runs back along its neighbour (a spike)', () => {
    expect(
      selfIntersects([
        [0, 0],
        [2, 0],
        [1, 0],
        [1, 1],
      ]),
    ).toBe(true);
  });

  it('refuses collinear overlapping edges that are not neighbours', () => {
    const overlap: LngLat[] = [
      [0, 0],
      [3, 0],
      [3, 1],
      [2, 1],
      [2, 0.5],
      [1, 0.5],
      [1, 1],
      [0.5, 1],
      [0.5, 0],
      [0, 0.2],
    ];
    expect(selfIntersects(overlap)).toBe(true);
  });

  it('accepts collinear neighbouring edges going the same way, and a repeated vertex', () => {
    expect(
      selfIntersects([
        [0, 0],
        [1, 0],
        [2, 0],
        [2, 1],
        [2, 1],
        [0, 1],
      ]),
    ).toBe(false);
  });

  it('treats the closing point as the first vertex, not an extra edge', () => {
    expect(openRing(closeRing(square))).toEqual(square);
    expect(closeRing(square)).toHaveLength(5);
    expect(closeRing(closeRing(square))).toEqual(closeRing(square));
  });
});

describe('ringProblem', () => {
  it('accepts a real square and explains each refusal in Chinese', () => {
    expect(ringProblem(square)).toBeNull();
    expect(ringProblem(square.slice(0, 2))).toContain('至少需要 3 个');
    expect(
      ringProblem([
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
      ]),
    ).toBe('多边形自相交：第 1 条边与第 3 条边相交');
    expect(
      ringProblem([
        [0, 0],
        [1, 1],
        [2, 2],
      ]),
    ).toContain('面积为零');
    expect(
      ringProblem([
        [0, 0],
        [200, 0],
        [0, 1],
      ]),
    ).toContain('超出范围');
  });
});

describe('area, centroid, distance', () => {
  it('gives a counter-clockwise ring a positive signed area', () => {
    expect(signedAreaDeg2(square)).toBeGreaterThan(0);
    expect(signedAreaDeg2([...square].reverse())).toBeLessThan(0);
  });

  it('measures a 0.01° square at Shanghai as about 1.06 km²', () => {
    const m2 = ringAreaM2(square);
    expect(m2).toBeGreaterThan(1.0e6);
    expect(m2).toBeLessThan(1.1e6);
  });

  it('puts the centroid of a square in its middle and of an L shape at its area-weighted middle', () => {
    const c = centroid(square)!;
    expect(c[0]).toBeCloseTo(121.405, 6);
    expect(c[1]).toBeCloseTo(31.205, 6);
    const l = centroid([
      [0, 0],
      [4, 0],
      [4, 1],
      [1, 1],
      [1, 4],
      [0, 4],
    ])!;
    // A 4×1 arm centred (2, 0.5) and a 1×3 arm centred (0.5, 2.5): (9.5 / 7, 9.5 / 7).
    expect(l[0]).toBeCloseTo(9.5 / 7, 6);
    expect(l[1]).toBeCloseTo(9.5 / 7, 6);
    expect(centroid([])).toBeNull();
  });

  it('measures 0.01° of latitude as about 1.11 km', () => {
    expect(distanceM([121.4, 31.2], [121.4, 31.21])).toBeCloseTo(1112, -1);
  });

  it('finds the edge nearest a point and the point on it', () => {
    expect(nearestEdge(square, [121.405, 31.199])).toEqual({ index: 0, at: [121.405, 31.2] });
    expect(nearestEdge(square, [121.3999, 31.205])?.index).toBe(3);
  });
});
