import Taro from '@tarojs/taro';
import { ClientEventId, type CourierStop, type StopActionResponse } from '@omni/shared-types';
import { saveCourierSession, sendStopAction, type StopAction } from './courier';
import {
  OfflineQueue,
  newClientEventId,
  startAutoFlush,
  taroStorage,
  type QueueStorage,
} from './offline-queue';
import { ApiError } from './request';

const mockRequest = Taro.request as unknown as jest.Mock;

function stop(stopId: number, status: CourierStop['status'] = 'delivered'): CourierStop {
  return {
    stopId,
    seq: 1,
    orderId: 100 + stopId,
    orderNo: `D${stopId}`,
    orderStatus: 'delivered',
    customerName: '王小美',
    phoneMasked: '138****8000',
    address: '静安寺',
    lat: 31.22,
    lng: 121.45,
    windowStart: '2026-11-26T06:00:00.000Z',
    windowEnd: '2026-11-26T08:00:00.000Z',
    etaAt: '2026-11-26T06:20:00.000Z',
    parcels: 1,
    volumeL: 2,
    status,
    arrivedAt: null,
    doneAt: null,
    failReason: null,
  };
}

const ok = (stopId: number, replayed = false) => ({
  statusCode: 200,
  data: { stop: stop(stopId), replayed },
  header: {},
  errMsg: 'request:ok',
});
const offline = () => Promise.reject({ errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' });
const refused = (status: number, code: string) => ({
  statusCode: status,
  data: { error: { code, message: 'x' } },
  header: {},
  errMsg: 'request:ok',
});

/** The client event ids of the stop actions sent so far, in order. */
function sentIds(): string[] {
  return mockRequest.mock.calls.map(
    ([opts]) => (opts as { data: { clientEventId: string } }).data.clientEventId,
  );
}

function memoryStorage(): QueueStorage {
  const map = new Map<string, unknown>();
  return { get: (k) => map.get(k), set: (k, v) => map.set(k, v) };
}

function queueWith(send: (a: StopAction) => Promise<StopActionResponse>, storage = memoryStorage()) {
  const onRejected = jest.fn();
  const queue = new OfflineQueue({ key: 'q', storage, send, onRejected });
  return { queue, onRejected, storage };
}

let seq = 0;
const arrive = (stopId: number): StopAction => ({
  kind: 'arrive',
  stopId,
  clientEventId: `evt-arrive-${stopId}-${++seq}`,
});
const deliver = (stopId: number): StopAction => ({
  kind: 'deliver',
  stopId,
  clientEventId: `evt-deliver-${stopId}-${++seq}`,
  proof: { type: 'code', code: '1234' },
});

beforeEach(() => {
  mockRequest.mockReset();
  saveCourierSession({
    token: 'courier-token',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user: {
      id: 9,
      role: 'courier',
      nickname: '张伟',
      avatarUrl: null,
      storeId: 1,
      courierId: 1,
      createdAt: '2026-11-25T00:00:00.000Z',
    },
  });
});

describe('offline stop-action queue', () => {
  it('keeps an action sent without network and delivers it exactly once when the network is back', async () => {
    const { queue } = queueWith(sendStopAction, taroStorage);
    const action = deliver(7);
    mockRequest.mockImplementationOnce(offline);

    await expect(queue.submit(action)).resolves.toEqual({ status: 'queued' });
    expect(queue.size()).toBe(1);

    mockRequest.mockResolvedValueOnce(ok(7));
    await expect(queue.flush()).resolves.toBe(0);
    await queue.flush();

    expect(sentIds()).toEqual([action.clientEventId, action.clientEventId]);
    expect(mockRequest.mock.calls[1][0]).toMatchObject({
      url: '/api/v1/courier/stops/7/deliver',
      method: 'POST',
      data: { clientEventId: action.clientEventId, proof: { type: 'code', code: '1234' } },
      header: { Authorization: 'Bearer courier-token' },
    });
    expect(queue.size()).toBe(0);
  });

  it('answers a sent action with the BFF result and leaves nothing queued', async () => {
    const { queue } = queueWith(sendStopAction);
    mockRequest.mockResolvedValueOnce(ok(3));
    const outcome = await queue.submit(arrive(3));
    expect(outcome).toMatchObject({ status: 'sent', response: { stop: { stopId: 3 } } });
    expect(queue.size()).toBe(0);
  });

  it('sends queued actions in the order they were tapped, and later ones never overtake', async () => {
    const { queue } = queueWith(sendStopAction);
    const actions = [arrive(1), deliver(1), arrive(2), deliver(2)];
    mockRequest.mockImplementation(offline);
    for (const a of actions) await expect(queue.submit(a)).resolves.toEqual({ status: 'queued' });
    // Each submit tried the head again, and only the head.
    expect(new Set(sentIds())).toEqual(new Set([actions[0].clientEventId]));
    expect(queue.pending().map((a) => a.clientEventId)).toEqual(actions.map((a) => a.clientEventId));

    mockRequest.mockReset();
    mockRequest.mockImplementation((opts: { url: string }) =>
      Promise.resolve(ok(Number(/stops\/(\d+)/.exec(opts.url)?.[1]))),
    );
    await queue.flush();
    expect(sentIds()).toEqual(actions.map((a) => a.clientEventId));
  });

  it('stops at the first network failure mid-way and resumes from there', async () => {
    const { queue } = queueWith(sendStopAction);
    const actions = [arrive(1), deliver(1), deliver(2)];
    mockRequest.mockImplementation(offline);
    for (const a of actions) await queue.submit(a);
    mockRequest.mockReset();
    mockRequest.mockResolvedValueOnce(ok(1)).mockImplementationOnce(offline);
    await expect(queue.flush()).resolves.toBe(2);
    mockRequest.mockResolvedValue(ok(1));
    await expect(queue.flush()).resolves.toBe(0);
    expect(sentIds()).toEqual([
      actions[0].clientEventId,
      actions[1].clientEventId,
      actions[1].clientEventId,
      actions[2].clientEventId,
    ]);
  });

  it('drops an action the BFF refuses with a 4xx, reports the error and sends the next one', async () => {
    const { queue, onRejected } = queueWith(sendStopAction);
    const wrong = deliver(4);
    const next = arrive(5);
    mockRequest.mockImplementation(offline);
    await queue.submit(wrong);
    await queue.submit(next);

    mockRequest.mockReset();
    mockRequest.mockResolvedValueOnce(refused(422, 'DELIVERY_CODE_INVALID')).mockResolvedValueOnce(ok(5));
    await expect(queue.flush()).resolves.toBe(0);
    expect(onRejected).toHaveBeenCalledTimes(1);
    expect(onRejected.mock.calls[0][0]).toMatchObject({ clientEventId: wrong.clientEventId });
    expect(onRejected.mock.calls[0][1]).toMatchObject({ code: 'DELIVERY_CODE_INVALID', status: 422 });
    expect(sentIds()).toEqual([wrong.clientEventId, next.clientEventId]);
  });

  it('tells the tapping page when its action is refused', async () => {
    const { queue } = queueWith(sendStopAction);
    mockRequest.mockResolvedValueOnce(refused(404, 'STOP_NOT_FOUND'));
    const outcome = await queue.submit(arrive(99));
    expect(outcome).toMatchObject({ status: 'rejected', error: { code: 'STOP_NOT_FOUND' } });
    expect(queue.size()).toBe(0);
  });

  it.each([
    ['a server error', 503, 'INTERNAL'],
    ['rate limiting', 429, 'RATE_LIMITED'],
    ['an expired token', 401, 'TOKEN_EXPIRED'],
  ])('keeps the action after %s', async (_what, status, code) => {
    const { queue, onRejected } = queueWith(sendStopAction);
    mockRequest.mockResolvedValueOnce(refused(status, code));
    await expect(queue.submit(arrive(1))).resolves.toEqual({ status: 'queued' });
    expect(queue.size()).toBe(1);
    expect(onRejected).not.toHaveBeenCalled();
  });

  it('keeps queued actions across an app restart and sends them with the same ids', async () => {
    const storage = memoryStorage();
    const first = queueWith(
      jest.fn(() => Promise.reject(new ApiError('NETWORK_ERROR', '', 0))),
      storage,
    );
    const action = deliver(8);
    await first.queue.submit(action);

    const send = jest.fn((a: StopAction) => Promise.resolve({ stop: stop(a.stopId), replayed: false }));
    const second = queueWith(send, storage);
    expect(second.queue.size()).toBe(1);
    await second.queue.flush();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0]).toEqual({
      kind: 'deliver',
      stopId: 8,
      clientEventId: action.clientEventId,
      proof: { type: 'code', code: '1234' },
    });
  });

  it('never sends an action twice when flushes overlap', async () => {
    let release: () => void = () => undefined;
    const send = jest.fn(
      (a: StopAction) =>
        new Promise<StopActionResponse>((resolve) => {
          release = () => resolve({ stop: stop(a.stopId), replayed: false });
        }),
    );
    const { queue } = queueWith(send);
    const submitted = queue.submit(arrive(1));
    const again = [queue.flush(), queue.flush()];
    await Promise.resolve();
    release();
    await Promise.all([submitted, ...again]);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('tells subscribers how many actions wait (the 待同步 badge)', async () => {
    const { queue } = queueWith(sendStopAction);
    const sizes: number[] = [];
    const unsubscribe = queue.subscribe((items) => sizes.push(items.length));
    mockRequest.mockImplementationOnce(offline);
    await queue.submit(arrive(1));
    mockRequest.mockResolvedValueOnce(ok(1));
    await queue.flush();
    unsubscribe();
    expect(sizes).toEqual([1, 0]);
  });

  it('makes client event ids the BFF accepts, a new one per tap', () => {
    const ids = Array.from({ length: 200 }, () => newClientEventId());
    for (const id of ids) expect(ClientEventId.safeParse(id).success).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('automatic replay', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('replays on a timer while actions wait, and on reconnect', async () => {
    jest.useFakeTimers();
    const handlers: Array<(r: { isConnected: boolean }) => void> = [];
    Object.assign(Taro, {
      onNetworkStatusChange: jest.fn((h: (r: { isConnected: boolean }) => void) => handlers.push(h)),
      offNetworkStatusChange: jest.fn(),
    });
    const send = jest.fn(() => Promise.reject(new ApiError('NETWORK_ERROR', '', 0)));
    const { queue } = queueWith(send);
    await queue.submit(arrive(1));
    expect(send).toHaveBeenCalledTimes(1);

    const stop = startAutoFlush(queue, 1000);
    await jest.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(3);

    handlers.forEach((h) => h({ isConnected: true }));
    await jest.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(4);

    stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(send).toHaveBeenCalledTimes(4);
    expect(Taro.offNetworkStatusChange).toHaveBeenCalled();
  });
});
