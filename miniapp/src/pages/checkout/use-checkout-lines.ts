import { useEffect, useRef, useState } from 'react';
import type { LatLng, ProductDetail } from '@omni/shared-types';
import { getCheckoutDraft, type CartLine, type CheckoutDraft } from '../../services/cart';
import { getProduct } from '../../services/catalog';
import { ApiError, messageFor } from '../../services/request';

interface LinesState {
  /** The draft's lines with today's prices (the BFF prices the order itself). */
  lines: CartLine[];
  products: ProductDetail[];
  loading: boolean;
  error: string | null;
}

/**
 * The lines handed over by the cart or 立即购买, refreshed from the catalogue (price, limit) and
 * reloaded with distances when `position` becomes known.
 */
export function useCheckoutLines(position: LatLng | null) {
  const [draft] = useState<CheckoutDraft | null>(getCheckoutDraft);
  const [state, setState] = useState<LinesState>({
    lines: draft?.lines ?? [],
    products: [],
    loading: draft !== null,
    error: null,
  });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    if (!draft) return;
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    Promise.all(draft.lines.map((l) => getProduct(l.productId, position))).then(
      (products) => {
        if (ticket !== latest.current) return;
        const lines = draft.lines.map((l) => {
          const p = products.find((x) => x.id === l.productId);
          if (!p) return l;
          const maxPerOrder = Math.max(1, p.maxPerOrder);
          return {
            ...l,
            name: p.name,
            image: p.image,
            priceFen: p.priceFen,
            maxPerOrder,
            quantity: Math.min(l.quantity, maxPerOrder),
          };
        });
        setState({ lines, products, loading: false, error: null });
      },
      (err: unknown) => {
        if (ticket !== latest.current) return;
        const message = err instanceof ApiError ? err.message : messageFor('INTERNAL');
        setState((s) => ({ ...s, loading: false, error: message }));
      },
    );
  }, [draft, position, attempt]);

  return { draft, ...state, retry: () => setAttempt((n) => n + 1) };
}
