import { useEffect, useRef, useState } from 'react';
import type { LatLng, ProductDetail } from '@omni/shared-types';
import type { CartLine } from '../../services/cart';
import { ApiError, messageFor } from '../../services/request';
import { pickupStores, type PickupStore } from '../../services/stores';

/** Pickup stores for the lines, loaded while `active` (the 到店自提 tab is shown). */
export function usePickupStores(
  active: boolean,
  products: ProductDetail[],
  lines: CartLine[],
  position: LatLng | null,
) {
  const [state, setState] = useState<{ stores: PickupStore[]; loading: boolean; error: string | null }>({
    stores: [],
    loading: false,
    error: null,
  });
  const latest = useRef(0);

  useEffect(() => {
    if (!active || products.length === 0) return;
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    pickupStores(products, lines, position).then(
      (stores) => {
        if (ticket === latest.current) setState({ stores, loading: false, error: null });
      },
      (err: unknown) => {
        if (ticket !== latest.current) return;
        setState({
          stores: [],
          loading: false,
          error: err instanceof ApiError ? err.message : messageFor('INTERNAL'),
        });
      },
    );
  }, [active, products, lines, position]);

  return state;
}
