import { apparelProducts } from './products/apparel';
import { foodProducts } from './products/food';
import { fragranceProducts } from './products/fragrance';
import { homeProducts } from './products/home';
import { makeupProducts } from './products/makeup';
import { personalCareProducts } from './products/personal-care';
import { skincareProducts } from './products/skincare';
import type { SeedProduct } from './types';

/** Every demo product, in category menu order; one file per category under ./products/. */
export const products: SeedProduct[] = [
  ...skincareProducts,
  ...makeupProducts,
  ...fragranceProducts,
  ...personalCareProducts,
  ...apparelProducts,
  ...homeProducts,
  ...foodProducts,
];
