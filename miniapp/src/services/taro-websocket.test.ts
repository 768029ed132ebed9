import Taro from '@tarojs/taro';
import { io, type Socket } from 'socket.io-client';
import { taroWebSocketTransport } from './taro-websocket';

// socket.io-client's CommonJS build (what jest loads) replaces its exports with `io` and drops the
// re-exported transports; the ESM build the bundler uses has them. Restore the one we extend.
jest.mock('socket.io-client', () => {
  const actual = jest.requireActual('socket.io-client');
  return Object.assign(actual, { WebSocket: jest.requireActual('engine.io-client').WebSocket });
});

/** A WeChat SocketTask double that plays the engine.io server's side. */
class FakeTask {
  sent: string[] = [];
  closed = false;
  private handlers: Record<string, (arg?: unknown) => void> = {};
  onOpen = (cb: () => void) => (this.handlers.open = cb);
  onMessage = (cb: (m: { data: string }) => void) => (this.handlers.message = cb as (arg?: unknown) => void);
  onClose = (cb: (e: unknown) => void) => (this.handlers.close = cb);
  onError = (cb: (e: unknown) => void) => (this.handlers.error = cb);
  send = jest.fn(({ data }: { data: string }) => this.sent.push(data));
  close = jest.fn(() => {
    this.closed = true;
    this.handlers.close?.({ code: 1000, reason: '' });
  });
  open() {
    this.handlers.open?.();
  }
  serverSends(data: string) {
    this.handlers.message?.({ data });
  }
}

const mockedTaro = Taro as unknown as { connectSocket: jest.Mock };
let tasks: FakeTask[];
let socket: Socket | null;

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const HANDSHAKE =
  '0{"sid":"eio1","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}';

beforeEach(() => {
  tasks = [];
  mockedTaro.connectSocket = jest.fn(() => {
    const task = new FakeTask();
    tasks.push(task);
    return Promise.resolve(task);
  });
});
afterEach(() => {
  socket?.disconnect();
  socket = null;
});

function connect(): Socket {
  socket = io('http://192.168.1.5:3000', {
    path: '/socket.io',
    auth: { token: 'jwt-123' },
    transports: [taroWebSocketTransport()],
    reconnection: false,
  });
  return socket;
}

describe('TaroWebSocket transport', () => {
  it('opens a WeChat socket to the engine.io websocket URL', async () => {
    connect();
    await flush();
    expect(mockedTaro.connectSocket).toHaveBeenCalledTimes(1);
    const { url } = mockedTaro.connectSocket.mock.calls[0][0] as { url: string };
    expect(url).toMatch(/^ws:\/\/192\.168\.1\.5:3000\/socket\.io\/\?EIO=4&transport=websocket/);
  });

  it('sends the token in the socket.io handshake and delivers server events', async () => {
    const s = connect();
    const updates: unknown[] = [];
    s.on('order:updated' as never, (e: unknown) => {
      updates.push(e);
    });
    await flush();
    const task = tasks[0];
    task.open();
    task.serverSends(HANDSHAKE);
    await flush();
    expect(task.sent).toEqual(['40{"token":"jwt-123"}']);

    task.serverSends('40{"sid":"sio1"}');
    task.serverSends('42["order:updated",{"orderId":7,"staffAcknowledged":true}]');
    await flush();
    expect(s.connected).toBe(true);
    expect(updates).toEqual([{ orderId: 7, staffAcknowledged: true }]);
  });

  it('answers the server ping so the connection stays up', async () => {
    connect();
    await flush();
    const task = tasks[0];
    task.open();
    task.serverSends(HANDSHAKE);
    task.serverSends('40{"sid":"sio1"}');
    task.serverSends('2');
    await flush();
    expect(task.sent).toContain('3');
  });

  it('closes the WeChat socket on disconnect', async () => {
    const s = connect();
    await flush();
    const task = tasks[0];
    task.open();
    task.serverSends(HANDSHAKE);
    task.serverSends('40{"sid":"sio1"}');
    await flush();
    s.disconnect();
    await flush();
    expect(task.sent).toContain('41');
    expect(task.closed).toBe(true);
  });

  it('closes a socket that was still being created when the client gave up', async () => {
    let resolveTask: (t: FakeTask) => void = () => undefined;
    mockedTaro.connectSocket = jest.fn(() => new Promise<FakeTask>((resolve) => (resolveTask = resolve)));
    const s = connect();
    s.disconnect();
    const late = new FakeTask();
    resolveTask(late);
    await flush();
    expect(late.close).toHaveBeenCalled();
  });
});
