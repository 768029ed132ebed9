import { useEffect, useRef } from 'react';
import type { OrderUpdatedEvent } from '@omni/shared-types';
import { connectRealtime } from '../services/socket';
import { useSession } from './use-session';

/**
 * Calls `onUpdate` (always the latest one) for every `order:updated` the BFF pushes to the signed-in
 * shopper's room, over one socket.io connection kept while the page is mounted and signed in.
 */
export function useOrderUpdates(onUpdate: (e: OrderUpdatedEvent) => void): void {
  const session = useSession();
  const token = session?.token ?? null;
  const latest = useRef(onUpdate);
  latest.current = onUpdate;
  useEffect(() => {
    if (!token) return;
    const socket = connectRealtime(token);
    const handler = (e: OrderUpdatedEvent) => latest.current(e);
    socket.on('order:updated', handler);
    return () => {
      socket.off('order:updated', handler);
      socket.disconnect();
    };
  }, [token]);
}
