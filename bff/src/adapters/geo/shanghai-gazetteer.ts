/** What a gazetteer entry names; more specific kinds win when several match one address. */
export type GazetteerKind = 'landmark' | 'road' | 'district' | 'city';

/** A named place in Shanghai with an approximate GCJ-02 position in degrees (demo-grade, tens of metres). */
export interface GazetteerEntry {
  name: string;
  kind: GazetteerKind;
  district: string;
  lat: number;
  lng: number;
  /** Other spellings matched case-insensitively as substrings of an address (English, short forms). */
  aliases: readonly string[];
}

const d = (name: string, lat: number, lng: number, aliases: string[]): GazetteerEntry => ({
  name,
  kind: 'district',
  district: name,
  lat,
  lng,
  aliases,
});
const l = (
  name: string,
  district: string,
  lat: number,
  lng: number,
  aliases: string[] = [],
): GazetteerEntry => ({
  name,
  kind: 'landmark',
  district,
  lat,
  lng,
  aliases,
});
const r = (
  name: string,
  district: string,
  lat: number,
  lng: number,
  aliases: string[] = [],
): GazetteerEntry => ({
  name,
  kind: 'road',
  district,
  lat,
  lng,
  aliases,
});

/** Shanghai's city centre, districts, best-known landmarks and shopping streets, so geocoding works offline. */
export const SHANGHAI_GAZETTEER: readonly GazetteerEntry[] = [
  {
    name: '上海市',
    kind: 'city',
    district: '黄浦区',
    lat: 31.230525,
    lng: 121.473667,
    aliases: ['上海', 'shanghai'],
  },
  d('黄浦区', 31.2317, 121.4846, ['黄浦', 'huangpu']),
  d('徐汇区', 31.1885, 121.4365, ['徐汇', 'xuhui']),
  d('长宁区', 31.2204, 121.4243, ['长宁', 'changning']),
  d('静安区', 31.229, 121.448, ['静安', "jing'an", 'jingan']),
  d('普陀区', 31.2495, 121.3955, ['普陀', 'putuo']),
  d('虹口区', 31.2646, 121.505, ['虹口', 'hongkou']),
  d('杨浦区', 31.2595, 121.526, ['杨浦', 'yangpu']),
  d('闵行区', 31.1129, 121.3818, ['闵行', 'minhang']),
  d('宝山区', 31.405, 121.489, ['宝山', 'baoshan']),
  d('嘉定区', 31.3747, 121.2655, ['嘉定', 'jiading']),
  d('浦东新区', 31.2215, 121.5447, ['浦东', 'pudong']),
  d('金山区', 30.7416, 121.342, ['金山', 'jinshan']),
  d('松江区', 31.0322, 121.2277, ['松江', 'songjiang']),
  d('青浦区', 31.1505, 121.1242, ['青浦', 'qingpu']),
  d('奉贤区', 30.918, 121.4741, ['奉贤', 'fengxian']),
  d('崇明区', 31.623, 121.3974, ['崇明', 'chongming']),
  l('东方明珠', '浦东新区', 31.239703, 121.499718, ['东方明珠塔', 'oriental pearl']),
  l('上海中心大厦', '浦东新区', 31.2335, 121.5055, ['上海中心', 'shanghai tower']),
  l('陆家嘴', '浦东新区', 31.238, 121.502, ['lujiazui']),
  l('世纪公园', '浦东新区', 31.216, 121.5515, ['century park']),
  l('张江高科', '浦东新区', 31.2033, 121.5903, ['张江', 'zhangjiang']),
  l('上海迪士尼度假区', '浦东新区', 31.1434, 121.657, ['迪士尼', 'disney']),
  l('浦东国际机场', '浦东新区', 31.1513, 121.8083, ['浦东机场', 'pudong airport']),
  l('外滩', '黄浦区', 31.2399, 121.4908, ['the bund', 'bund']),
  l('人民广场', '黄浦区', 31.2317, 121.4752, ["people's square", 'people square']),
  l('豫园', '黄浦区', 31.2272, 121.4921, ['yu garden', 'yuyuan']),
  l('新天地', '黄浦区', 31.2192, 121.4752, ['xintiandi']),
  l('田子坊', '黄浦区', 31.2092, 121.4689, ['tianzifang']),
  l('静安寺', '静安区', 31.2233, 121.4454, ["jing'an temple", 'jingan temple']),
  l('静安嘉里中心', '静安区', 31.2247, 121.4497, ['嘉里中心', 'kerry centre', 'kerry center']),
  l('上海火车站', '静安区', 31.2497, 121.4557, ['上海站', 'shanghai railway station']),
  l('徐家汇', '徐汇区', 31.1951, 121.4374, ['xujiahui']),
  l('上海南站', '徐汇区', 31.1542, 121.4302, ['shanghai south']),
  l('中山公园', '长宁区', 31.2226, 121.4177, ['zhongshan park']),
  l('虹桥机场', '长宁区', 31.1979, 121.3363, ['虹桥国际机场', 'hongqiao airport']),
  l('上海虹桥站', '闵行区', 31.1945, 121.3207, ['虹桥火车站', '虹桥站', 'hongqiao railway station']),
  l('七宝古镇', '闵行区', 31.1552, 121.3508, ['七宝', 'qibao']),
  l('五角场', '杨浦区', 31.299, 121.514, ['wujiaochang']),
  l('复旦大学', '杨浦区', 31.299, 121.5037, ['fudan']),
  l('虹口足球场', '虹口区', 31.2727, 121.4818, ['hongkou stadium']),
  l('朱家角古镇', '青浦区', 31.1076, 121.0553, ['朱家角', 'zhujiajiao']),
  r('南京东路', '黄浦区', 31.2366, 121.4801, ['east nanjing road', 'nanjing road east']),
  r('南京西路', '静安区', 31.2296, 121.459, ['west nanjing road', 'nanjing road west']),
  r('淮海中路', '黄浦区', 31.2188, 121.4624, ['huaihai road']),
  r('世纪大道', '浦东新区', 31.2318, 121.517, ['century avenue']),
  r('陆家嘴环路', '浦东新区', 31.2375, 121.503, []),
  r('张杨路', '浦东新区', 31.228, 121.528, []),
  r('四川北路', '虹口区', 31.2563, 121.4829, ['north sichuan road']),
  r('衡山路', '徐汇区', 31.2046, 121.444, ['hengshan road']),
  r('肇嘉浜路', '徐汇区', 31.201, 121.452, []),
  r('漕溪北路', '徐汇区', 31.191, 121.435, []),
  r('延安西路', '长宁区', 31.215, 121.418, ['west yan’an road']),
  r('长寿路', '普陀区', 31.242, 121.438, ['changshou road']),
];
