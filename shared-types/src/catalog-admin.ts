import { z } from 'zod';
import { AdminPageQuery, VersionField } from './admin';
import { ProductAttribute } from './catalog';

/** `active` products are sold; `archived` ones vanish from the consumer catalogue but keep their history. */
export const ProductStatus = z.enum(['active', 'archived']);
export type ProductStatus = z.infer<typeof ProductStatus>;

const PRICE_MESSAGE = '价格须为正整数，单位为分（例如 12.5 元写 1250）';

/** A price in integer fen: 1..2^31-1 (12.5, "12.5元" and -1 are refused with a field message). */
export const PriceFenField = z
  .number({ error: PRICE_MESSAGE })
  .int({ error: PRICE_MESSAGE })
  .positive({ error: PRICE_MESSAGE })
  .max(2_147_483_647, { error: '价格过大' });

/** SKU: letters, digits, `-` and `_`, at most 32 characters (the unique key of imports). */
export const SkuField = z
  .string({ error: 'SKU 必填' })
  .trim()
  .min(1, { error: 'SKU 必填' })
  .max(32, { error: 'SKU 最多 32 个字符' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'SKU 只能包含字母、数字、- 和 _' });

/** Product name: 1..100 characters after trimming. */
export const ProductNameField = z
  .string({ error: '商品名称必填' })
  .trim()
  .min(1, { error: '商品名称必填' })
  .max(100, { error: '商品名称最多 100 个字符' });

/** Unit shown beside the price (件 / 瓶 / 盒): 1..8 characters. */
export const UnitField = z
  .string({ error: '单位必填' })
  .trim()
  .min(1, { error: '单位必填' })
  .max(8, { error: '单位最多 8 个字符' });

/** Parcel volume in litres (delivery demand): above 0, at most 1000. */
export const VolumeLField = z
  .number({ error: '体积须为数字（升）' })
  .positive({ error: '体积须大于 0（升）' })
  .max(1000, { error: '体积最多 1000 升' });

/** Most units of the product in one order: 1..999. */
export const MaxPerOrderField = z
  .number({ error: '每单限购须为整数' })
  .int({ error: '每单限购须为整数' })
  .min(1, { error: '每单限购至少为 1' })
  .max(999, { error: '每单限购最多 999' });

const CategoryIdField = z
  .string({ error: '分类必填' })
  .trim()
  .min(1, { error: '分类必填' })
  .max(32, { error: '分类编号最多 32 个字符' });

const productFields = {
  name: ProductNameField,
  subtitle: z.string().trim().max(200, { error: '副标题最多 200 个字符' }),
  categoryId: CategoryIdField,
  priceFen: PriceFenField,
  originalPriceFen: PriceFenField.nullable(),
  unit: UnitField,
  description: z.string().max(5000, { error: '描述最多 5000 个字符' }),
  images: z.array(z.string().trim().min(1).max(255)).max(20, { error: '最多 20 张图片' }),
  attributes: z
    .array(
      ProductAttribute.extend({ name: z.string().trim().min(1).max(32), value: z.string().trim().max(500) }),
    )
    .max(50),
  tags: z.array(z.string().trim().min(1).max(16)).max(20, { error: '最多 20 个标签' }),
  status: ProductStatus,
  volumeL: VolumeLField,
  maxPerOrder: MaxPerOrderField,
};

/** `POST /admin/products`: a new product; unset optional fields take the defaults shown. */
export const CreateProductBody = z.object({
  sku: SkuField,
  name: productFields.name,
  categoryId: productFields.categoryId,
  priceFen: productFields.priceFen,
  unit: productFields.unit,
  subtitle: productFields.subtitle.default(''),
  originalPriceFen: productFields.originalPriceFen.default(null),
  description: productFields.description.default(''),
  images: productFields.images.default([]),
  attributes: productFields.attributes.default([]),
  tags: productFields.tags.default([]),
  status: productFields.status.default('active'),
  volumeL: productFields.volumeL.default(1),
  maxPerOrder: productFields.maxPerOrder.default(10),
});
export type CreateProductBody = z.infer<typeof CreateProductBody>;

/** `PATCH /admin/products/:id`: any subset of the fields (SKU included) plus the version read. */
export const UpdateProductBody = z
  .object({ sku: SkuField, ...productFields })
  .partial()
  .extend({ version: VersionField });
export type UpdateProductBody = z.infer<typeof UpdateProductBody>;

/** A product as the back office sees and edits it. */
export const AdminProduct = z.object({
  id: z.number().int(),
  sku: z.string(),
  name: z.string(),
  subtitle: z.string(),
  categoryId: z.string(),
  priceFen: z.number().int(),
  originalPriceFen: z.number().int().nullable(),
  unit: z.string(),
  description: z.string(),
  images: z.array(z.string()),
  attributes: z.array(ProductAttribute),
  tags: z.array(z.string()),
  status: ProductStatus,
  volumeL: z.number(),
  maxPerOrder: z.number().int(),
  version: z.number().int(),
});
export type AdminProduct = z.infer<typeof AdminProduct>;

/** A product's stock across stores: units on hand in total and the store with the fewest. */
export const ProductStockSummary = z.object({
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  lowest: z.object({ storeId: z.number().int(), storeName: z.string(), onHand: z.number().int() }).nullable(),
});
export type ProductStockSummary = z.infer<typeof ProductStockSummary>;

export const AdminProductListItem = AdminProduct.extend({ stock: ProductStockSummary });
export type AdminProductListItem = z.infer<typeof AdminProductListItem>;

/**
 * `GET /admin/products`: `q` matches name or SKU; with `storeId` each item's `stock` counts that
 * store only (otherwise every store).
 */
export const AdminProductListQuery = AdminPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  categoryId: z.string().trim().min(1).max(32).optional(),
  status: ProductStatus.optional(),
  storeId: z.coerce.number({ error: '门店编号须为正整数' }).int().positive().optional(),
});
export type AdminProductListQuery = z.infer<typeof AdminProductListQuery>;

export const AdminProductListResponse = z.object({
  items: z.array(AdminProductListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminProductListResponse = z.infer<typeof AdminProductListResponse>;

/** Units a store physically holds: 0..1,000,000. */
export const StockQuantityField = z
  .number({ error: '库存须为非负整数' })
  .int({ error: '库存须为非负整数' })
  .min(0, { error: '库存须为非负整数' })
  .max(1_000_000, { error: '库存最多 1000000' });

/**
 * `PUT /admin/stores/:storeId/stock/:productId`: `quantity` is the physical count on hand
 * (what open orders hold included); `version` is the stock row's, when one was read.
 */
export const SetStockBody = z.object({ quantity: StockQuantityField, version: VersionField.optional() });
export type SetStockBody = z.infer<typeof SetStockBody>;

/**
 * One product's stock in one store: `onHand` physically there, `reserved` held by open orders
 * (unpaid or paid and not yet handed over), `available` what can still be sold; `version` null
 * when the store never stocked it.
 */
export const AdminStockRow = z.object({
  storeId: z.number().int(),
  productId: z.number().int(),
  sku: z.string(),
  name: z.string(),
  status: ProductStatus,
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  lowStock: z.boolean(),
  version: z.number().int().nullable(),
});
export type AdminStockRow = z.infer<typeof AdminStockRow>;

/** Units available at or below which a row counts as low stock. */
export const LOW_STOCK_UNITS = 5;

/**
 * `GET /admin/stores/:storeId/stock`: `q` matches name or SKU; `lowStock=1` keeps rows at or below
 * LOW_STOCK_UNITS available; `below=N` keeps rows with fewer than N units available (a threshold
 * the console lets one pick).
 */
export const AdminStockListQuery = AdminPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  lowStock: z
    .enum(['1', '0', 'true', 'false'])
    .transform((v) => v === '1' || v === 'true')
    .optional(),
  below: z.coerce
    .number({ error: '阈值须为正整数' })
    .int({ error: '阈值须为正整数' })
    .min(1, { error: '阈值须为正整数' })
    .max(1_000_001, { error: '阈值最多 1000001' })
    .optional(),
});
export type AdminStockListQuery = z.infer<typeof AdminStockListQuery>;

export const AdminStockListResponse = z.object({
  items: z.array(AdminStockRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminStockListResponse = z.infer<typeof AdminStockListResponse>;

/** `POST /admin/import/*?dryRun=1` validates and counts without writing. */
export const ImportQuery = z.object({
  dryRun: z
    .enum(['1', '0', 'true', 'false'])
    .transform((v) => v === '1' || v === 'true')
    .optional(),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

/** One bad cell of an imported file: `row` is the line number in the file (the header is row 1). */
export const ImportRowError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof ImportRowError>;

/**
 * What an import did (or, with dryRun, would do): rows created, rows really changed (identical
 * rows count in neither), and every bad cell; any error means nothing was written (422).
 */
export const ImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  dryRun: z.boolean(),
  errors: z.array(ImportRowError),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** Columns of the product CSV: the first five are required, the rest optional. */
export const PRODUCT_CSV_REQUIRED = ['sku', 'name', 'categoryId', 'priceFen', 'unit'] as const;
export const PRODUCT_CSV_OPTIONAL = ['description', 'status', 'volumeL', 'maxPerOrder'] as const;
/** Columns of the stock CSV (quantity is units on hand). */
export const STOCK_CSV_COLUMNS = ['storeCode', 'sku', 'quantity'] as const;
