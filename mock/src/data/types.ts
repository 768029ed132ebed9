import type { ProductAttribute, WeeklyHours } from '@omni/shared-types';

/** A demo store; coordinates are GCJ-02 (what AMap shows). */
export interface SeedStore {
  code: string; // stable key, e.g. "SH-JA-01"
  name: string; // 静安嘉里中心店
  district: string; // 静安区
  address: string;
  phone: string; // 021-xxxxxxxx
  lat: number;
  lng: number;
  hours: WeeklyHours[]; // 7 entries, weekday 0 = Sunday
  services: Array<'pickup' | 'delivery'>;
}

/** A demo category. */
export interface SeedCategory {
  id: string; // slug: cosmetics, skincare, apparel, home, food, ...
  name: string; // 护肤
  icon: string; // path under /assets/, e.g. /assets/categories/skincare.svg
  sort: number;
}

/** A demo product; prices are integer fen. */
export interface SeedProduct {
  sku: string; // stable key, e.g. "SK-0001"
  name: string;
  subtitle: string;
  description: string;
  categoryId: string;
  priceFen: number;
  originalPriceFen: number | null;
  unit: string; // 件 / 瓶 / 盒
  volumeL: number; // parcel volume, used as delivery demand
  maxPerOrder: number;
  tags: string[];
  attributes: ProductAttribute[];
  images: string[]; // paths under /assets/, e.g. /assets/products/SK-0001.svg
  stock: Record<string, number>; // store code -> units on hand
}

/** A demo courier attached to a store. */
export interface SeedCourier {
  code: string; // "C-JA-01"
  name: string;
  phone: string;
  storeCode: string;
  vehicle: 'ebike' | 'walking' | 'driving';
  capacityL: number;
  shiftStart: string; // "09:00" Asia/Shanghai
  shiftEnd: string; // "21:00"
}

/** A demo staff account of a store. */
export interface SeedStaff {
  code: string; // "S-JA-01"
  name: string;
  storeCode: string;
  role?: 'manager' | 'clerk'; // 店长 / 店员; optional so older seeds still type-check
}
