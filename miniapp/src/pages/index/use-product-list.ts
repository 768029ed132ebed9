import { useCallback, useEffect, useRef, useState } from 'react';
import type { CategoryCount, ProductSummary } from '@omni/shared-types';
import { PRODUCT_PAGE_SIZE } from '../../config';
import { listProducts } from '../../services/catalog';
import { ApiError, messageFor } from '../../services/request';

/** What the home grid shows: a search text and a category id ('' for 全部). */
export interface ProductFilter {
  q: string;
  category: string;
}

interface ListState {
  items: ProductSummary[];
  total: number;
  /** Last page loaded, 0 before the first answer. */
  page: number;
  loading: boolean;
  error: string | null;
  /** With a search: matches per category whatever the category filter (from page 1). */
  categoryCounts: CategoryCount[] | null;
  /** With a search that found nothing anywhere: product names close to it. */
  suggestions: string[];
}

const EMPTY: ListState = {
  items: [],
  total: 0,
  page: 0,
  loading: true,
  error: null,
  categoryCounts: null,
  suggestions: [],
};

/**
 * Paged products for a filter: reloads from page 1 whenever a new filter object is passed (so
 * submitting the same search again refreshes), appends on `loadMore`.
 */
export function useProductList(filter: ProductFilter) {
  const [state, setState] = useState<ListState>(EMPTY);
  const stateRef = useRef(state);
  stateRef.current = state;
  // Answers to an older filter or page request are dropped.
  const latest = useRef(0);

  const fetchPage = useCallback(
    (page: number) => {
      const ticket = ++latest.current;
      setState((s) => (page === 1 ? { ...EMPTY } : { ...s, loading: true, error: null }));
      listProducts({
        q: filter.q || undefined,
        category: filter.category || undefined,
        page,
        pageSize: PRODUCT_PAGE_SIZE,
      }).then(
        (res) => {
          if (ticket !== latest.current) return;
          setState((s) => {
            const previous = page === 1 ? [] : s.items;
            const seen = new Set(previous.map((p) => p.id));
            const items = [...previous, ...res.items.filter((p) => !seen.has(p.id))];
            // An empty page ends the list even if `total` says otherwise.
            const total = res.items.length === 0 ? items.length : res.total;
            const facets =
              page === 1
                ? { categoryCounts: res.categoryCounts ?? null, suggestions: res.suggestions ?? [] }
                : { categoryCounts: s.categoryCounts, suggestions: s.suggestions };
            return { items, total, page, loading: false, error: null, ...facets };
          });
        },
        (err: unknown) => {
          if (ticket !== latest.current) return;
          const message = err instanceof ApiError ? err.message : messageFor('INTERNAL');
          setState((s) => ({ ...s, loading: false, error: message }));
        },
      );
    },
    [filter],
  );

  useEffect(() => {
    fetchPage(1);
  }, [fetchPage]);

  const hasMore = state.page > 0 && state.items.length < state.total;

  /** Loads the next page unless one is loading, the last one failed, or there is none. */
  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (s.loading || s.error || s.page === 0 || s.items.length >= s.total) return;
    fetchPage(s.page + 1);
  }, [fetchPage]);

  /** Repeats the request that failed (page 1, or the next page). */
  const retry = useCallback(() => {
    fetchPage(stateRef.current.page + 1);
  }, [fetchPage]);

  return { ...state, hasMore, loadMore, retry };
}
