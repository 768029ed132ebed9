import {
  CategoryListResponse,
  ProductDetail,
  ProductListResponse,
  type Category,
  type LatLng,
} from '@omni/shared-types';
import { request } from './request';

/** Filters of the product list; page is 1-based. */
export interface ProductSearch {
  q?: string;
  category?: string;
  page: number;
  pageSize: number;
}

/** All categories, in display order. Errors are left to the caller (no toast). */
export async function listCategories(): Promise<Category[]> {
  const body = await request({ path: '/categories', schema: CategoryListResponse, silent: true });
  return [...body.items].sort((a, b) => a.sort - b.sort);
}

/** One page of products matching the search. Errors are left to the caller (no toast). */
export function listProducts(search: ProductSearch): Promise<ProductListResponse> {
  return request({
    path: '/products',
    query: { q: search.q?.trim(), category: search.category, page: search.page, pageSize: search.pageSize },
    schema: ProductListResponse,
    silent: true,
  });
}

/** A product's detail; with a GCJ-02 position the stock list is sorted by distance. */
export function getProduct(id: number, position?: LatLng | null): Promise<ProductDetail> {
  return request({
    path: `/products/${id}`,
    query: position ? { lat: position.lat.toFixed(6), lng: position.lng.toFixed(6) } : undefined,
    schema: ProductDetail,
    silent: true,
  });
}
