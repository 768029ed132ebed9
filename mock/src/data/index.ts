export type * from './types';
export { stores } from './stores';
export { categories } from './categories';
export { products } from './products';
export { couriers } from './couriers';
export { staff } from './staff';
export { zones, type SeedZone } from './zones';
