import { useCallback, useRef, useState } from 'react';
import type { CreateOrderBody, Order } from '@omni/shared-types';
import { createOrder, newIdempotencyKey } from '../../services/orders';

/**
 * Submits orders with an `Idempotency-Key`: the same key while the body is unchanged (so tapping
 * 提交订单 again after a network error can only ever create one order), a new key once it changes.
 */
export function useSubmitOrder() {
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef(false);

  const submit = useCallback(async (body: CreateOrderBody): Promise<Order | null> => {
    if (busy.current) return null;
    const json = JSON.stringify(body);
    if (!attempt.current || attempt.current.body !== json) {
      attempt.current = { key: newIdempotencyKey(), body: json };
    }
    busy.current = true;
    setSubmitting(true);
    try {
      const order = await createOrder(body, attempt.current.key);
      attempt.current = null;
      return order;
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  }, []);

  return { submit, submitting };
}
