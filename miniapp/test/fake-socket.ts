import type { ServerToClientEvents } from '@omni/shared-types';
import type { RealtimeSocket } from '../src/services/socket';

/** A stand-in for `connectRealtime()`'s socket: `push` delivers a server event to its listeners. */
export function fakeSocket() {
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const socket: {
    connected: boolean;
    on: jest.Mock;
    off: jest.Mock;
    removeAllListeners: jest.Mock;
    disconnect: jest.Mock;
  } = {
    connected: true,
    on: jest.fn((event: string, handler: (payload: unknown) => void) => {
      if (!handlers.has(event)) handlers.set(event, new Set());
      handlers.get(event)!.add(handler);
      return socket;
    }),
    off: jest.fn((event: string, handler?: (payload: unknown) => void) => {
      if (handler) handlers.get(event)?.delete(handler);
      else handlers.delete(event);
      return socket;
    }),
    removeAllListeners: jest.fn(() => {
      handlers.clear();
      return socket;
    }),
    disconnect: jest.fn(() => socket),
  };
  return {
    socket: socket as unknown as RealtimeSocket,
    /** Delivers `payload` as the server's `event`. */
    push<E extends keyof ServerToClientEvents>(event: E, payload: Parameters<ServerToClientEvents[E]>[0]) {
      handlers.get(event)?.forEach((h) => h(payload));
    },
    /** How many listeners `event` has now. */
    listeners: (event: string) => handlers.get(event)?.size ?? 0,
  };
}
