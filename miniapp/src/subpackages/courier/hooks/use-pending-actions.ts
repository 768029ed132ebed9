import { useEffect, useState } from 'react';
import type { QueuedAction } from '../../../services/offline-queue';
import { courierQueue } from '../services/courier-queue';

/** The courier's stop actions still waiting on the device (待同步), live. */
export function usePendingActions(courierId: number): QueuedAction[] {
  const [pending, setPending] = useState<QueuedAction[]>(() => courierQueue(courierId).pending());
  useEffect(() => {
    const queue = courierQueue(courierId);
    setPending(queue.pending());
    return queue.subscribe(setPending);
  }, [courierId]);
  return pending;
}
