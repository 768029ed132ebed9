import { io, type Socket } from 'socket.io-client';
import type { ServerToClientEvents } from '@omni/shared-types';
import { API_BASE, PLATFORM } from '../config';
import { taroWebSocketTransport } from './taro-websocket';

/** A socket.io connection to the BFF; the server only pushes (`order:updated`, `lbs:event`…). */
export type RealtimeSocket = Socket<ServerToClientEvents, Record<string, never>>;

/** The socket.io path on the API origin. */
export const SOCKET_PATH = '/socket.io';

/**
 * Connects to the BFF's socket.io with `token` in the handshake: the standard client in H5 (same
 * origin), a `Taro.connectSocket` transport in the mini-program. Reconnects by itself; call
 * `disconnect()` when done.
 */
export function connectRealtime(token: string): RealtimeSocket {
  const options = { path: SOCKET_PATH, auth: { token } };
  if (PLATFORM === 'h5') return API_BASE ? io(API_BASE, options) : io(options);
  return io(API_BASE, { ...options, transports: [taroWebSocketTransport()] });
}
