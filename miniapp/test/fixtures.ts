import type { Category, ProductDetail, ProductSummary } from '@omni/shared-types';

/** A listed product; override what the test is about. */
export function productSummary(overrides: Partial<ProductSummary> = {}): ProductSummary {
  return {
    id: 1,
    sku: 'SK-0001',
    name: '玻尿酸保湿精华液',
    subtitle: '深层补水 30ml',
    categoryId: 'skincare',
    priceFen: 1290,
    originalPriceFen: 1990,
    image: '/assets/products/SK-0001.svg',
    tags: ['新品'],
    totalStock: 12,
    ...overrides,
  };
}

/** A product's detail page. */
export function productDetail(overrides: Partial<ProductDetail> = {}): ProductDetail {
  return {
    ...productSummary(),
    description: '温和配方，适合所有肤质。',
    images: ['/assets/products/SK-0001.svg', '/assets/products/SK-0001-2.svg'],
    attributes: [
      { name: '容量', value: '30ml' },
      { name: '肤质', value: '干皮' },
    ],
    unit: '瓶',
    volumeL: 0.05,
    maxPerOrder: 5,
    stock: [],
    nearestInStock: [],
    ...overrides,
  };
}

/** A category chip. */
export function category(overrides: Partial<Category> = {}): Category {
  return {
    id: 'skincare',
    name: '护肤',
    icon: '/assets/categories/skincare.svg',
    sort: 1,
    productCount: 10,
    ...overrides,
  };
}
