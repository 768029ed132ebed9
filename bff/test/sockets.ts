import { io, type Socket } from 'socket.io-client';

/** A real socket.io client connected with a token; resolves once connected. */
export async function connectSocket(base: string, token: string): Promise<Socket> {
  const socket = io(base, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((ok, fail) => {
    socket.once('connect', () => ok());
    socket.once('connect_error', (err) => fail(err));
  });
  return socket;
}

/** Resolves with the next `event` payload on `socket` (rejects after `timeoutMs`). */
export function nextEvent<T>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      ok(payload);
    });
  });
}

/** Collects every `event` payload on `socket`. */
export function collect<T>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}
