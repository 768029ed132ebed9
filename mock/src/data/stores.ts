import type { WeeklyHours } from '@omni/shared-types';
import type { SeedStore } from './types';

/** The same opening and closing time ("HH:MM", Asia/Shanghai) on all seven days. */
const daily = (open: string, close: string): WeeklyHours[] =>
  [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open, close }));

/** Mall hours: 10:00–21:00 Monday to Thursday, 22:30 on Friday and Saturday, 22:00 on Sunday. */
const lateWeekend: WeeklyHours[] = [
  { weekday: 0, open: '10:00', close: '22:00' },
  { weekday: 1, open: '10:00', close: '21:00' },
  { weekday: 2, open: '10:00', close: '21:00' },
  { weekday: 3, open: '10:00', close: '21:00' },
  { weekday: 4, open: '10:00', close: '21:00' },
  { weekday: 5, open: '10:00', close: '22:30' },
  { weekday: 6, open: '10:00', close: '22:30' },
];

/** Office-park hours: long weekdays, short Sunday. */
const officePark: WeeklyHours[] = [
  { weekday: 0, open: '11:00', close: '19:00' },
  { weekday: 1, open: '09:30', close: '21:30' },
  { weekday: 2, open: '09:30', close: '21:30' },
  { weekday: 3, open: '09:30', close: '21:30' },
  { weekday: 4, open: '09:30', close: '21:30' },
  { weekday: 5, open: '09:30', close: '21:30' },
  { weekday: 6, open: '10:00', close: '21:00' },
];

/** Ten demo stores in Shanghai shopping malls; coordinates are GCJ-02 (as AMap shows them). */
export const stores: SeedStore[] = [
  {
    code: 'SH-JA-01',
    name: '静安嘉里中心店',
    district: '静安区',
    address: '上海市静安区南京西路1515号静安嘉里中心商场B1层B1-12',
    phone: '021-62881515',
    lat: 31.2249,
    lng: 121.4486,
    hours: daily('10:00', '22:00'),
    services: ['pickup', 'delivery'],
  },
  {
    code: 'SH-HP-01',
    name: '黄浦来福士店',
    district: '黄浦区',
    address: '上海市黄浦区西藏中路268号来福士广场2层L2-08',
    phone: '021-63403268',
    lat: 31.2329,
    lng: 121.4757,
    hours: daily('10:00', '22:00'),
    services: ['pickup'],
  },
  {
    code: 'SH-XH-01',
    name: '徐家汇港汇恒隆店',
    district: '徐汇区',
    address: '上海市徐汇区虹桥路1号港汇恒隆广场3层317室',
    phone: '021-64070111',
    lat: 31.1955,
    lng: 121.4366,
    hours: lateWeekend,
    services: ['pickup', 'delivery'],
  },
  {
    code: 'SH-LJZ-01',
    name: '陆家嘴国金中心店',
    district: '浦东新区',
    address: '上海市浦东新区世纪大道8号上海国金中心商场LG2层LG2-23',
    phone: '021-50120808',
    lat: 31.2363,
    lng: 121.5021,
    hours: daily('10:00', '22:00'),
    services: ['pickup', 'delivery'],
  },
  {
    code: 'SH-ZJ-01',
    name: '张江长泰广场店',
    district: '浦东新区',
    address: '上海市浦东新区祖冲之路1239号长泰广场B区1层',
    phone: '021-50271239',
    lat: 31.2066,
    lng: 121.5958,
    hours: officePark,
    services: ['pickup', 'delivery'],
  },
  {
    code: 'SH-CN-01',
    name: '长宁来福士店',
    district: '长宁区',
    address: '上海市长宁区长宁路1123号长宁来福士广场B1层B1-35',
    phone: '021-52371123',
    lat: 31.2197,
    lng: 121.4176,
    hours: lateWeekend,
    services: ['pickup', 'delivery'],
  },
  {
    code: 'SH-PT-01',
    name: '普陀月星环球港店',
    district: '普陀区',
    address: '上海市普陀区中山北路3300号月星环球港L2层2036',
    phone: '021-62663300',
    lat: 31.2327,
    lng: 121.4127,
    hours: lateWeekend,
    services: ['pickup', 'delivery'],
  },
  {
    code: 'SH-YP-01',
    name: '五角场合生汇店',
    district: '杨浦区',
    address: '上海市杨浦区翔殷路1099号合生汇L1层L1-16',
    phone: '021-55661099',
    lat: 31.3005,
    lng: 121.5159,
    hours: daily('10:00', '22:00'),
    services: ['pickup', 'delivery'],
  },
  {
    code: 'SH-MH-01',
    name: '七宝万科广场店',
    district: '闵行区',
    address: '上海市闵行区漕宝路3366号七宝万科广场B1层B1-21',
    phone: '021-54863366',
    lat: 31.1591,
    lng: 121.3529,
    hours: lateWeekend,
    services: ['pickup', 'delivery'],
  },
  {
    code: 'SH-HK-01',
    name: '虹口龙之梦店',
    district: '虹口区',
    address: '上海市虹口区西江湾路388号凯德龙之梦B1层B1-09',
    phone: '021-56710388',
    lat: 31.2712,
    lng: 121.4857,
    hours: daily('10:00', '22:00'),
    services: ['pickup', 'delivery'],
  },
];
