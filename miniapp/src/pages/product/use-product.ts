import { useCallback, useEffect, useRef, useState } from 'react';
import type { LatLng, ProductDetail } from '@omni/shared-types';
import { getProduct } from '../../services/catalog';
import { ApiError, messageFor, type ApiErrorCode } from '../../services/request';

interface ProductState {
  product: ProductDetail | null;
  loading: boolean;
  error: { code: ApiErrorCode; message: string } | null;
}

/** Loads a product; reloads when the id or the position changes. `ready` false holds the request back. */
export function useProduct(id: number | null, position: LatLng | null, ready: boolean) {
  const [state, setState] = useState<ProductState>({ product: null, loading: true, error: null });
  const latest = useRef(0);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (id === null) {
      setState({
        product: null,
        loading: false,
        error: { code: 'PRODUCT_NOT_FOUND', message: messageFor('PRODUCT_NOT_FOUND') },
      });
      return;
    }
    if (!ready) return;
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    getProduct(id, position).then(
      (product) => {
        if (ticket === latest.current) setState({ product, loading: false, error: null });
      },
      (err: unknown) => {
        if (ticket !== latest.current) return;
        const error =
          err instanceof ApiError
            ? { code: err.code, message: err.message }
            : { code: 'INTERNAL' as const, message: messageFor('INTERNAL') };
        setState((s) => ({ ...s, loading: false, error }));
      },
    );
  }, [id, position, ready, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
