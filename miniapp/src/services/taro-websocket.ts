import Taro from '@tarojs/taro';
import { WebSocket as WebSocketTransport } from 'socket.io-client';

type Handler<E> = ((event: E) => void) | null;

/**
 * The slice of the browser WebSocket that engine.io's websocket transport uses, over a WeChat
 * SocketTask (`Taro.connectSocket`): the mini-program has no global WebSocket.
 */
export class TaroSocketShim {
  binaryType = 'arraybuffer';
  onopen: Handler<void> = null;
  onclose: Handler<{ code?: number; reason?: string }> = null;
  onmessage: Handler<{ data: string | ArrayBuffer }> = null;
  onerror: Handler<unknown> = null;
  private task: Taro.SocketTask | null = null;
  private closed = false;

  constructor(url: string, protocols?: string | string[]) {
    Taro.connectSocket({
      url,
      protocols: typeof protocols === 'string' ? [protocols] : protocols,
      // The API base may be a LAN address during development; the task only answers on callbacks.
      fail: (err) => this.onerror?.(err),
    }).then(
      (task) => {
        this.task = task;
        task.onOpen(() => this.onopen?.());
        task.onMessage((m: { data: string | ArrayBuffer }) => this.onmessage?.({ data: m.data }));
        task.onError((err) => this.onerror?.(err));
        task.onClose((e: { code?: number; reason?: string }) => this.onclose?.(e));
        // Closed while the task was being created: end it now that there is one.
        if (this.closed) task.close({});
      },
      (err: unknown) => this.onerror?.(err),
    );
  }

  /** Sends one engine.io frame (text or binary). */
  send(data: string | ArrayBuffer): void {
    if (!this.task) throw new Error('socket not open');
    this.task.send({ data });
  }

  /** Closes the task, or the task still being created. */
  close(): void {
    this.closed = true;
    this.task?.close({});
  }
}

let transport: typeof WebSocketTransport | null = null;

/**
 * engine.io's websocket transport with the socket swapped for `TaroSocketShim`; pass it as
 * `transports: [taroWebSocketTransport()]` to socket.io-client in the mini-program. Built on first
 * use, so importing this module never needs the transport (socket.io-client's CommonJS build,
 * loaded under jest, does not re-export it).
 */
export function taroWebSocketTransport(): typeof WebSocketTransport {
  transport ??= class TaroWebSocket extends WebSocketTransport {
    override createSocket(uri: string, protocols: string | string[] | undefined): TaroSocketShim {
      return new TaroSocketShim(uri, protocols);
    }
  };
  return transport;
}
