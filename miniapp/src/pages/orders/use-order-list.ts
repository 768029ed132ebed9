import { useCallback, useEffect, useRef, useState } from 'react';
import type { Order, OrderUpdatedEvent } from '@omni/shared-types';
import { withUpdate } from '../order-detail/use-order';
import { ORDER_PAGE_SIZE } from '../../config';
import { listOrders } from '../../services/orders';
import { ApiError, messageFor } from '../../services/request';
import type { OrderTab } from './tabs';

interface ListState {
  items: Order[];
  /** Last server page loaded, 0 before the first answer. */
  page: number;
  hasMore: boolean;
  loading: boolean;
  error: string | null;
}

const EMPTY: ListState = { items: [], page: 0, hasMore: false, loading: true, error: null };

// `GET /orders` filters by one status; tabs with several are filtered here, reading ahead a few
// server pages so a tab does not look empty while matching orders are further back.
const MAX_PAGES_PER_LOAD = 5;

/** The caller's orders of a tab, newest first: `loadMore` appends, `refresh` starts over. */
export function useOrderList(tab: OrderTab) {
  const [state, setState] = useState<ListState>(EMPTY);
  const stateRef = useRef(state);
  stateRef.current = state;
  const latest = useRef(0);

  const load = useCallback(
    async (fromPage: number, replace: boolean): Promise<void> => {
      const ticket = ++latest.current;
      setState((s) => ({ ...s, loading: true, error: null }));
      const serverStatus = tab.statuses?.length === 1 ? tab.statuses[0] : undefined;
      const keep = (o: Order) => !tab.statuses || tab.statuses.includes(o.status);
      const found: Order[] = [];
      let page = fromPage;
      let hasMore = false;
      try {
        for (let n = 0; n < MAX_PAGES_PER_LOAD; n++) {
          const res = await listOrders({ page, pageSize: ORDER_PAGE_SIZE, status: serverStatus });
          if (ticket !== latest.current) return;
          found.push(...res.items.filter(keep));
          hasMore = res.items.length > 0 && res.page * res.pageSize < res.total;
          if (!hasMore || found.length > 0) break;
          page++;
        }
      } catch (err) {
        if (ticket !== latest.current) return;
        const message = err instanceof ApiError ? err.message : messageFor('INTERNAL');
        setState((s) => ({ ...s, loading: false, error: message }));
        return;
      }
      setState((s) => {
        const previous = replace ? [] : s.items;
        const seen = new Set(previous.map((o) => o.id));
        return {
          items: [...previous, ...found.filter((o) => !seen.has(o.id))],
          page,
          hasMore,
          loading: false,
          error: null,
        };
      });
    },
    [tab],
  );

  useEffect(() => {
    setState(EMPTY);
    void load(1, true);
  }, [load]);

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (s.loading || s.error || !s.hasMore) return;
    void load(s.page + 1, false);
  }, [load]);

  const refresh = useCallback(() => load(1, true), [load]);
  const retry = useCallback(() => {
    const s = stateRef.current;
    void load(s.page + 1, s.page === 0);
  }, [load]);

  /**
   * A pushed change: the card shows the new status (and loses 去支付) at once; a one-page list is
   * then fetched again so the order moves between tabs (a longer one keeps its place until refresh).
   */
  const applyUpdate = useCallback(
    (e: OrderUpdatedEvent) => {
      const s = stateRef.current;
      if (!s.items.some((o) => o.id === e.orderId)) return;
      setState((c) => ({ ...c, items: c.items.map((o) => withUpdate(o, e)) }));
      if (s.page <= 1 && !s.loading) void load(1, true);
    },
    [load],
  );

  return { ...state, loadMore, refresh, retry, applyUpdate };
}
