import type { MockPoint } from './amap-mock-geo';

/** A place the mock can geocode, with AMap-like administrative fields; position GCJ-02 degrees. */
export interface MockPlace extends MockPoint {
  name: string;
  aliases: readonly string[];
  district: string;
  adcode: string;
  township: string;
  /** AMap's geocode `level`: 兴趣点 for a POI, 区县 for a district. */
  level: '兴趣点' | '区县' | '道路';
}

const poi = (
  name: string,
  aliases: string[],
  district: string,
  adcode: string,
  township: string,
  lng: number,
  lat: number,
): MockPlace => ({ name, aliases, district, adcode, township, lng, lat, level: '兴趣点' });

const area = (name: string, alias: string, adcode: string, lng: number, lat: number): MockPlace => ({
  name,
  aliases: [alias],
  district: name,
  adcode,
  township: '',
  lng,
  lat,
  level: '区县',
});

/** The places the mock knows; enough for plausible answers around central Shanghai. */
export const MOCK_PLACES: readonly MockPlace[] = [
  poi('东方明珠', ['oriental pearl'], '浦东新区', '310115', '陆家嘴街道', 121.499718, 31.239703),
  poi('外滩', ['the bund'], '黄浦区', '310101', '外滩街道', 121.4908, 31.2399),
  poi('人民广场', ["people's square"], '黄浦区', '310101', '南京东路街道', 121.4752, 31.2317),
  poi('新天地', ['xintiandi'], '黄浦区', '310101', '淮海中路街道', 121.4752, 31.2192),
  poi('静安寺', ["jing'an temple"], '静安区', '310106', '静安寺街道', 121.4454, 31.2233),
  poi('徐家汇', ['xujiahui'], '徐汇区', '310104', '徐家汇街道', 121.4374, 31.1951),
  poi('中山公园', ['zhongshan park'], '长宁区', '310105', '江苏路街道', 121.4177, 31.2226),
  poi('五角场', ['wujiaochang'], '杨浦区', '310110', '五角场街道', 121.514, 31.299),
  poi('世纪公园', ['century park'], '浦东新区', '310115', '花木街道', 121.5515, 31.216),
  poi('上海虹桥站', ['虹桥火车站'], '闵行区', '310112', '新虹街道', 121.3207, 31.1945),
  area('黄浦区', '黄浦', '310101', 121.4846, 31.2317),
  area('徐汇区', '徐汇', '310104', 121.4365, 31.1885),
  area('长宁区', '长宁', '310105', 121.4243, 31.2204),
  area('静安区', '静安', '310106', 121.448, 31.229),
  area('虹口区', '虹口', '310109', 121.505, 31.2646),
  area('杨浦区', '杨浦', '310110', 121.526, 31.2595),
  area('闵行区', '闵行', '310112', 121.3818, 31.1129),
  area('浦东新区', '浦东', '310115', 121.5447, 31.2215),
];

/** The best match for an address: POIs beat districts, longer matches beat shorter; undefined when unknown. */
export function findPlace(address: string): MockPlace | undefined {
  const text = address.toLowerCase().replace(/\s+/g, '');
  let best: { place: MockPlace; score: number } | undefined;
  for (const place of MOCK_PLACES) {
    for (const alias of [place.name, ...place.aliases]) {
      const a = alias.toLowerCase().replace(/\s+/g, '');
      if (!text.includes(a)) continue;
      const score = (place.level === '兴趣点' ? 1000 : 0) + a.length;
      if (!best || score > best.score) best = { place, score };
    }
  }
  return best?.place;
}
