import { useCallback, useEffect, useRef, useState } from 'react';
import type { Order } from '@omni/shared-types';
import { getOrder } from '../../services/orders';
import { ApiError, messageFor, type ApiErrorCode } from '../../services/request';

interface OrderState {
  order: Order | null;
  error: { code: ApiErrorCode; message: string } | null;
}

/** One order, loaded by id; `reload` fetches it again, `replace` takes a fresher copy from an action. */
export function useOrder(id: number | null) {
  const [state, setState] = useState<OrderState>({ order: null, error: null });
  const latest = useRef(0);

  /** Fetches the order again; resolves to it (null on failure). */
  const reload = useCallback(async (): Promise<Order | null> => {
    if (id === null) {
      setState({ order: null, error: { code: 'ORDER_NOT_FOUND', message: messageFor('ORDER_NOT_FOUND') } });
      return null;
    }
    const ticket = ++latest.current;
    setState((s) => ({ ...s, error: null }));
    try {
      const order = await getOrder(id);
      if (ticket === latest.current) setState({ order, error: null });
      return order;
    } catch (err) {
      if (ticket !== latest.current) return null;
      const error =
        err instanceof ApiError
          ? { code: err.code, message: err.message }
          : { code: 'INTERNAL' as const, message: messageFor('INTERNAL') };
      setState((s) => ({ ...s, error }));
      return null;
    }
  }, [id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const replace = useCallback((order: Order) => {
    latest.current++;
    setState({ order, error: null });
  }, []);

  return { ...state, reload, replace };
}
