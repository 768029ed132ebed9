import { useCallback, useEffect, useRef, useState } from 'react';
import type { Order, OrderStatus, OrderUpdatedEvent } from '@omni/shared-types';
import { getOrder } from '../../services/orders';
import { ApiError, messageFor, type ApiErrorCode } from '../../services/request';

// Which buttons a status still allows (the BFF decides the rest; see order-mapper.ts there).
const CANCELLABLE: OrderStatus[] = ['pending_payment', 'paid', 'assigned', 'ready_for_pickup'];
const RESCHEDULABLE: OrderStatus[] = ['pending_payment', 'paid', 'assigned'];

/**
 * `order` as a pushed `order:updated` says it is now: the new status at once, and only the
 * buttons that status still allows (取消订单, 改约, 去支付 disappear; none appears before a reload).
 */
export function withUpdate(order: Order, e: OrderUpdatedEvent): Order {
  if (e.orderId !== order.id) return order;
  return {
    ...order,
    status: e.status,
    statusText: e.statusText,
    staffAcknowledged: order.staffAcknowledged || e.staffAcknowledged,
    actions: {
      pay: order.actions.pay && e.status === 'pending_payment',
      cancel: order.actions.cancel && CANCELLABLE.includes(e.status),
      reschedule: order.actions.reschedule && RESCHEDULABLE.includes(e.status),
    },
  };
}

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

  /** A pushed change of this order: shown at once, then the full order (timeline…) is fetched again. */
  const applyUpdate = useCallback(
    (e: OrderUpdatedEvent) => {
      if (e.orderId !== id) return;
      latest.current++;
      setState((s) => (s.order ? { ...s, order: withUpdate(s.order, e) } : s));
      void reload();
    },
    [id, reload],
  );

  return { ...state, reload, replace, applyUpdate };
}
