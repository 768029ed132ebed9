import { parseGeoJson, zonesToGeoJson } from './geojson';

const ring = [
  [121.4, 31.2],
  [121.41, 31.2],
  [121.41, 31.21],
  [121.4, 31.21],
  [121.4, 31.2],
];
const bowTie = [
  [121.4, 31.2],
  [121.41, 31.21],
  [121.41, 31.2],
  [121.4, 31.21],
];

describe('parseGeoJson', () => {
  it('reads a bare Polygon text, dropping the closing point', () => {
    const r = parseGeoJson(JSON.stringify({ type: 'Polygon', coordinates: [ring] }));
    expect(r).toEqual({ polygons: [{ where: '', name: null, ring: ring.slice(0, 4), problem: null }] });
  });

  it('reads a Feature with its name, and each part of a MultiPolygon', () => {
    const f = parseGeoJson({
      type: 'Feature',
      properties: { name: '静安配送区' },
      geometry: { type: 'MultiPolygon', coordinates: [[ring], [bowTie]] },
    });
    if ('error' in f) throw new Error(f.error);
    expect(f.polygons.map((p) => [p.name, p.problem])).toEqual([
      ['静安配送区-1', null],
      ['静安配送区-2', '多边形自相交：第 1 条边与第 3 条边相交'],
    ]);
  });

  it('reads the polygons of a FeatureCollection and skips its points', () => {
    const r = parseGeoJson({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [121.4, 31.2] } },
        { type: 'Feature', properties: { name: 'A' }, geometry: { type: 'Polygon', coordinates: [ring] } },
      ],
    });
    if ('error' in r) throw new Error(r.error);
    expect(r.polygons.map((p) => [p.where, p.name])).toEqual([['第 2 个要素', 'A']]);
  });

  it('marks holes and bad positions, and refuses what is not GeoJSON polygons', () => {
    const holed = parseGeoJson({ type: 'Polygon', coordinates: [ring, ring] });
    expect('polygons' in holed && holed.polygons[0].problem).toContain('内环');
    const bad = parseGeoJson({ type: 'Polygon', coordinates: [[[121.4, 'x']]] });
    expect('polygons' in bad && bad.polygons[0].problem).toContain('两个数字');
    expect(parseGeoJson('{nope')).toEqual({ error: '不是有效的 JSON' });
    expect(parseGeoJson('')).toEqual({ error: '请粘贴 GeoJSON 内容或选择文件' });
    expect(parseGeoJson({ type: 'LineString', coordinates: [] })).toEqual({
      error: '是 LineString，只支持 Polygon 或 MultiPolygon',
    });
    expect(parseGeoJson({ type: 'FeatureCollection', features: [] })).toEqual({
      error: 'FeatureCollection 中没有 Polygon 或 MultiPolygon',
    });
  });
});

describe('zonesToGeoJson', () => {
  it('writes closed rings that read back as the same polygons', () => {
    const doc = zonesToGeoJson([
      {
        id: 7,
        code: 'Z-1',
        name: '一区',
        ring: ring.slice(0, 4) as [number, number][],
        feeFen: 600,
        freeThresholdFen: null,
        cutoffMin: 60,
        active: true,
      },
    ]);
    const back = parseGeoJson(JSON.stringify(doc));
    expect(back).toEqual({
      polygons: [{ where: '第 1 个要素', name: '一区', ring: ring.slice(0, 4), problem: null }],
    });
  });
});
