import { checkPolygon, ringToGeoJson, selfIntersection } from './polygon-check';

const square = [
  [121.4, 31.2],
  [121.5, 31.2],
  [121.5, 31.3],
  [121.4, 31.3],
];

describe('checkPolygon', () => {
  it('accepts a closed and an unclosed ring alike, dropping the closing position', () => {
    const open = checkPolygon([square]);
    const closed = checkPolygon([[...square, square[0]]]);
    expect(open).toEqual({ ring: square.map(([lng, lat]) => ({ lat, lng })) });
    expect(closed).toEqual(open);
  });

  it.each([
    [
      'a bow-tie',
      [
        [121.4, 31.2],
        [121.5, 31.3],
        [121.5, 31.2],
        [121.4, 31.3],
      ],
      '自相交',
    ],
    [
      'two points',
      [
        [121.4, 31.2],
        [121.5, 31.3],
        [121.4, 31.2],
      ],
      '至少需要 3 个',
    ],
    [
      'repeated points only',
      [
        [121.4, 31.2],
        [121.4, 31.2],
        [121.5, 31.3],
      ],
      '至少需要 3 个',
    ],
    [
      'collinear points',
      [
        [121.4, 31.2],
        [121.45, 31.25],
        [121.5, 31.3],
      ],
      '面积为零',
    ],
    [
      'a latitude beyond 90',
      [
        [121.4, 31.2],
        [121.5, 95],
        [121.5, 31.2],
      ],
      '超出范围',
    ],
    [
      'a longitude beyond 180',
      [
        [181, 31.2],
        [121.5, 31.3],
        [121.5, 31.2],
      ],
      '超出范围',
    ],
    [
      'a position with three numbers',
      [
        [121.4, 31.2, 5],
        [121.5, 31.3],
        [121.5, 31.2],
      ],
      '两个数字',
    ],
    ['an empty ring', [], '至少需要 3 个'],
  ])('refuses %s', (_label, ring, message) => {
    const r = checkPolygon([ring]);
    expect('problem' in r && r.problem.message).toContain(message);
  });

  it('refuses holes', () => {
    const r = checkPolygon([square, square]);
    expect('problem' in r && r.problem.path).toBe('coordinates.1');
  });

  it('finds a ring that touches itself at a vertex', () => {
    const ring = [
      { lat: 0, lng: 0 },
      { lat: 0, lng: 2 },
      { lat: 1, lng: 1 },
      { lat: 2, lng: 2 },
      { lat: 2, lng: 0 },
      { lat: 1, lng: 1 },
    ];
    expect(selfIntersection(ring)).not.toBeNull();
  });

  it('writes a stored ring back as a closed GeoJSON polygon', () => {
    const r = checkPolygon([square]);
    if (!('ring' in r)) throw new Error('square refused');
    expect(ringToGeoJson(r.ring)).toEqual({ type: 'Polygon', coordinates: [[...square, square[0]]] });
  });
});
