import Taro from '@tarojs/taro';
import type { StopActionResponse } from '@omni/shared-types';
import { ApiError } from './request';
import type { StopAction } from './courier';

/** A stop action waiting on the device, with when it was tapped (ms since epoch). */
export type QueuedAction = StopAction & { queuedAtMs: number };

/** What became of one submitted action. */
export type SubmitOutcome =
  | { status: 'sent'; response: StopActionResponse }
  /** No connection (or the BFF is down): kept on the device, sent later with the same id. */
  | { status: 'queued' }
  /** The BFF refused it (4xx): dropped from the queue; `error` says why. */
  | { status: 'rejected'; error: ApiError };

/** A key-value store for the queue (Taro storage on the device). */
export interface QueueStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** Taro's synchronous storage. */
export const taroStorage: QueueStorage = {
  get: (key) => Taro.getStorageSync(key),
  set: (key, value) => Taro.setStorageSync(key, value),
};

/**
 * Whether a failed send may succeed later unchanged: no answer at all, the BFF down or busy, or the
 * token expired (the courier signs in again and the action still goes out). Any other 4xx is final.
 */
export function isRetryable(err: unknown): boolean {
  if (!(err instanceof ApiError)) return true;
  if (err.status === 0 || err.status >= 500 || err.status === 429) return true;
  return err.code === 'UNAUTHENTICATED' || err.code === 'TOKEN_EXPIRED' || err.code === 'TOKEN_INVALID';
}

/** A client event id: 8–64 characters of `[A-Za-z0-9_-]`, unique per tap. */
export function newClientEventId(nowMs: number = Date.now()): string {
  const random = Array.from({ length: 3 }, () =>
    Math.floor(Math.random() * 36 ** 6)
      .toString(36)
      .padStart(6, '0'),
  ).join('');
  return `ce_${nowMs.toString(36)}_${random}`;
}

type Listener = (pending: QueuedAction[]) => void;

/**
 * Stop actions of one courier on the device: each is stored before it is sent, sent one at a
 * time in tap order, and removed only when the BFF answered it (done, or refused with a 4xx).
 * A send that fails for lack of network stops the drain, so later actions never overtake it;
 * the next `flush()` resends the same `clientEventId`, which the BFF answers without acting twice.
 */
export class OfflineQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<Listener>();
  /** Outcomes of actions whose `submit()` still waits, by client event id. */
  private readonly outcomes = new Map<string, SubmitOutcome | null>();

  constructor(
    private readonly deps: {
      /** Storage key of this courier's queue. */
      key: string;
      storage: QueueStorage;
      send: (action: StopAction) => Promise<StopActionResponse>;
      /** Called for a refused action (already off the queue), e.g. to show the error. */
      onRejected?: (action: QueuedAction, error: ApiError) => void;
      /** Called for each action the BFF accepted, first send or replay. */
      onSent?: (action: QueuedAction, response: StopActionResponse) => void;
      nowMs?: () => number;
    },
  ) {}

  /** The actions still on the device, oldest first. */
  pending(): QueuedAction[] {
    let raw: unknown;
    try {
      raw = this.deps.storage.get(this.deps.key);
    } catch {
      return [];
    }
    return Array.isArray(raw) ? (raw as QueuedAction[]) : [];
  }

  /** How many actions wait to be synced (the 待同步 badge). */
  size(): number {
    return this.pending().length;
  }

  /** Calls `listener` with the queue whenever it changes; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private write(items: QueuedAction[]): void {
    this.deps.storage.set(this.deps.key, items);
    this.listeners.forEach((l) => l(items));
  }

  /** Stores `action` on the device, then tries to send everything queued; says what became of it. */
  async submit(action: StopAction): Promise<SubmitOutcome> {
    const queued: QueuedAction = { ...action, queuedAtMs: (this.deps.nowMs ?? Date.now)() };
    this.outcomes.set(action.clientEventId, null);
    this.write([...this.pending(), queued]);
    try {
      await this.flush();
      return this.outcomes.get(action.clientEventId) ?? { status: 'queued' };
    } finally {
      this.outcomes.delete(action.clientEventId);
    }
  }

  /**
   * Sends the queued actions in order until the queue is empty or the network fails; resolves to
   * how many are left. Calls never overlap: a second call runs after the first.
   */
  flush(): Promise<number> {
    const run = this.tail.then(() => this.drain());
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async drain(): Promise<number> {
    for (;;) {
      const head = this.pending()[0];
      if (!head) return 0;
      try {
        const { queuedAtMs: _, ...action } = head;
        const response = await this.deps.send(action as StopAction);
        this.remove(head.clientEventId);
        this.settle(head.clientEventId, { status: 'sent', response });
        this.deps.onSent?.(head, response);
      } catch (err) {
        if (isRetryable(err)) return this.size();
        const error = err as ApiError;
        this.remove(head.clientEventId);
        this.settle(head.clientEventId, { status: 'rejected', error });
        this.deps.onRejected?.(head, error);
      }
    }
  }

  private settle(clientEventId: string, outcome: SubmitOutcome): void {
    if (this.outcomes.has(clientEventId)) this.outcomes.set(clientEventId, outcome);
  }

  private remove(clientEventId: string): void {
    this.write(this.pending().filter((a) => a.clientEventId !== clientEventId));
  }
}

/** How often a non-empty queue is retried while the app is open, in milliseconds. */
export const RETRY_INTERVAL_MS = 15_000;

/**
 * Replays `queue` when the network comes back, when the app is shown again, and every
 * `intervalMs` while something waits. Returns the function that stops all three.
 */
export function startAutoFlush(queue: OfflineQueue, intervalMs = RETRY_INTERVAL_MS): () => void {
  const flush = () => {
    if (queue.size() > 0) void queue.flush();
  };
  const onNetwork = (res: { isConnected: boolean }) => {
    if (res.isConnected) flush();
  };
  const onShow = () => flush();
  // Not every platform (or the test stand-in) has these; the timer alone still replays.
  if (typeof Taro.onNetworkStatusChange === 'function') Taro.onNetworkStatusChange(onNetwork);
  if (typeof Taro.onAppShow === 'function') Taro.onAppShow(onShow);
  const timer = setInterval(flush, intervalMs);
  flush();
  return () => {
    clearInterval(timer);
    if (typeof Taro.offNetworkStatusChange === 'function') Taro.offNetworkStatusChange(onNetwork);
    if (typeof Taro.offAppShow === 'function') Taro.offAppShow(onShow);
  };
}
