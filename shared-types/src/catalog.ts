import { z } from 'zod';
import { CoordSystem, PageQuery, QueryNumber, paged } from './common';

/** A product category. */
export const Category = z.object({
  id: z.string(),
  name: z.string(),
  icon: z.string(),
  sort: z.number().int(),
  productCount: z.number().int().min(0),
});
export type Category = z.infer<typeof Category>;

/** One attribute of a product (颜色: 黑色, 肤质: 干皮, 尺码: L). */
export const ProductAttribute = z.object({ name: z.string(), value: z.string() });
export type ProductAttribute = z.infer<typeof ProductAttribute>;

/** A product as listed. Prices are integer fen. */
export const ProductSummary = z.object({
  id: z.number().int(),
  sku: z.string(),
  name: z.string(),
  subtitle: z.string(),
  categoryId: z.string(),
  priceFen: z.number().int().min(0),
  originalPriceFen: z.number().int().min(0).nullable(),
  image: z.string(),
  tags: z.array(z.string()),
  totalStock: z.number().int().min(0),
});
export type ProductSummary = z.infer<typeof ProductSummary>;

/** Stock of a product in one store; distance only when the caller gave a position. */
export const StoreStock = z.object({
  storeId: z.number().int(),
  storeName: z.string(),
  quantity: z.number().int().min(0),
  distanceM: z.number().nullable(),
});
export type StoreStock = z.infer<typeof StoreStock>;

/** A product's detail page. */
export const ProductDetail = ProductSummary.extend({
  description: z.string(),
  images: z.array(z.string()),
  attributes: z.array(ProductAttribute),
  unit: z.string(),
  volumeL: z.number().min(0),
  maxPerOrder: z.number().int().min(1),
  stock: z.array(StoreStock),
  nearestInStock: z.array(StoreStock),
});
export type ProductDetail = z.infer<typeof ProductDetail>;

/** `GET /products` query. */
export const ProductListQuery = PageQuery.extend({
  q: z
    .string()
    .trim()
    .max(50)
    .regex(/^[\p{L}\p{N}\s\-+·.%/()（）]*$/u, 'contains characters that cannot be searched')
    .optional(),
  category: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,31}$/, 'unknown category id')
    .optional(),
}).strict();
export type ProductListQuery = z.infer<typeof ProductListQuery>;

/** Matches of a search in one category. */
export const CategoryCount = z.object({ categoryId: z.string(), count: z.number().int().min(0) });
export type CategoryCount = z.infer<typeof CategoryCount>;

/**
 * `GET /products` answer. With `q`: `categoryCounts`, the matches per category whatever `category`
 * narrows to (so a search inside one category tells where else it matches), and when nothing
 * matched, `suggestions`: names of products close to the query.
 */
export const ProductListResponse = paged(ProductSummary).extend({
  categoryCounts: z.array(CategoryCount).optional(),
  suggestions: z.array(z.string()).optional(),
});
export type ProductListResponse = z.infer<typeof ProductListResponse>;

/** `GET /products/:id` query: a position makes the stock list sorted by distance. */
export const ProductDetailQuery = z
  .strictObject({
    lat: QueryNumber.pipe(z.number().min(-90).max(90)).optional(),
    lng: QueryNumber.pipe(z.number().min(-180).max(180)).optional(),
    coord: CoordSystem.optional(),
  })
  .refine((v) => (v.lat === undefined) === (v.lng === undefined), {
    message: 'lat and lng go together',
    path: ['lat'],
  });
export type ProductDetailQuery = z.infer<typeof ProductDetailQuery>;

/** `GET /categories` answer. */
export const CategoryListResponse = z.object({ items: z.array(Category) });
export type CategoryListResponse = z.infer<typeof CategoryListResponse>;
