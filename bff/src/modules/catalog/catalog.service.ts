import type {
  CategoryListResponse,
  LatLng,
  ProductDetail,
  ProductListQuery,
  ProductListResponse,
  ProductSummary,
  StoreStock,
} from '@omni/shared-types';
import { haversineM } from '../../algorithms/geo';
import { NotFoundError } from '../../http/errors';
import type { StoresRepository } from '../stores/stores.repository';
import type { ProductEntity } from './catalog.entity';
import type { CatalogRepository } from './catalog.repository';

const DEFAULT_PAGE_SIZE = 20;
const NEAREST_LIMIT = 3;

function toSummary(p: ProductEntity, totalStock: number): ProductSummary {
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    subtitle: p.subtitle,
    categoryId: p.categoryId,
    priceFen: p.priceFen,
    originalPriceFen: p.originalPriceFen,
    image: p.images[0] ?? '/assets/products/placeholder.svg',
    tags: p.tags,
    totalStock,
  };
}

/** How many product names a search that found nothing suggests. */
const SUGGESTIONS = 5;

/** Browsing and searching the catalogue. */
export class CatalogService {
  constructor(private readonly deps: { catalog: CatalogRepository; stores: StoresRepository }) {}

  /** A page of products; `q` matches Chinese substrings of name, subtitle and description. */
  async list(query: ProductListQuery): Promise<ProductListResponse> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { rows, total } = await this.deps.catalog.search({
      q: query.q || undefined,
      categoryId: query.category,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    const stock = await this.deps.catalog.totalStock(rows.map((r) => r.id));
    const answer: ProductListResponse = {
      items: rows.map((r) => toSummary(r, stock.get(r.id) ?? 0)),
      total,
      page,
      pageSize,
    };
    if (!query.q) return answer;
    answer.categoryCounts = await this.deps.catalog.countByCategory(query.q);
    const anywhere = answer.categoryCounts.reduce((n, c) => n + c.count, 0);
    if (anywhere === 0) answer.suggestions = await this.deps.catalog.similarNames(query.q, SUGGESTIONS);
    return answer;
  }

  /** One product with its stock per store; sorted by distance from `near` (GCJ-02) when given. */
  async detail(id: number, near: LatLng | null): Promise<ProductDetail> {
    const p = await this.deps.catalog.byId(id);
    if (!p) throw new NotFoundError('PRODUCT_NOT_FOUND', '商品不存在或已下架');
    const [stockRows, stores] = await Promise.all([this.deps.catalog.stockOf(id), this.deps.stores.active()]);
    const qty = new Map(stockRows.map((s) => [s.storeId, s.quantity]));
    const stock: StoreStock[] = stores.map((s) => ({
      storeId: s.id,
      storeName: s.name,
      quantity: qty.get(s.id) ?? 0,
      distanceM: near ? Math.round(haversineM(near, { lat: s.lat, lng: s.lng })) : null,
    }));
    stock.sort((a, b) => (near ? (a.distanceM ?? 0) - (b.distanceM ?? 0) : a.storeId - b.storeId));
    const total = stock.reduce((n, s) => n + s.quantity, 0);
    return {
      ...toSummary(p, total),
      description: p.description,
      images: p.images,
      attributes: p.attributes,
      unit: p.unit,
      volumeL: p.volumeL,
      maxPerOrder: p.maxPerOrder,
      stock,
      nearestInStock: near ? stock.filter((s) => s.quantity > 0).slice(0, NEAREST_LIMIT) : [],
    };
  }

  /** Categories in display order with product counts. */
  async categories(): Promise<CategoryListResponse> {
    const cats = await this.deps.catalog.categories();
    return {
      items: cats.map((c) => ({
        id: c.id,
        name: c.name,
        icon: c.icon,
        sort: c.sort,
        productCount: c.productCount,
      })),
    };
  }
}
