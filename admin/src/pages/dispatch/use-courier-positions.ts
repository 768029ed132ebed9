// Live courier positions of one store: a socket.io connection to the BFF (same origin) with the
// back-office token, `dispatch:watch` on every (re)connect, `courier:position` into state and
// `dispatch:updated` to the caller; disconnected when the store changes or the page closes.
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  CourierPositionEvent,
  DispatchUpdatedEvent,
  ServerToClientEvents,
} from '@omni/shared-types';
import { tokenStore } from '../../api/client';

export type LiveStatus = 'connecting' | 'live' | 'offline';

export function useCourierPositions(
  storeId: number | null,
  onUpdated: (e: DispatchUpdatedEvent) => void,
): { positions: Record<number, CourierPositionEvent>; status: LiveStatus; error: string | null } {
  const [positions, setPositions] = useState<Record<number, CourierPositionEvent>>({});
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [error, setError] = useState<string | null>(null);
  const updated = useRef(onUpdated);
  updated.current = onUpdated;

  useEffect(() => {
    setPositions({});
    if (storeId === null) return;
    setStatus('connecting');
    setError(null);
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      auth: { token: tokenStore.get() ?? '' },
      reconnectionDelayMax: 10_000,
    });
    socket.on('connect', () => {
      socket.emit('dispatch:watch', { storeId }, (ack) => {
        if ('error' in ack) {
          setStatus('offline');
          setError(ack.error.message);
        } else {
          setStatus('live');
          setError(null);
        }
      });
    });
    socket.on('disconnect', () => setStatus('offline'));
    socket.on('connect_error', (err) => {
      setStatus('offline');
      setError(err.message);
    });
    socket.on('courier:position', (e) => {
      if (e.storeId !== storeId) return;
      setPositions((prev) => ({ ...prev, [e.courierId]: e }));
    });
    socket.on('dispatch:updated', (e) => {
      if (e.storeId === storeId) updated.current(e);
    });
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [storeId]);

  return { positions, status, error };
}
