import { randomUUID } from 'node:crypto';
import type { RedisConnection } from '../../adapters/redis';
import type { Logger } from '../../logger';

const CHANNEL = 'omni:ops-data:changed';

/**
 * "Stores or zones changed": tells this process's caches at once (the nearest-store index) and,
 * through Redis pub/sub when configured, every other instance. Without Redis the store index
 * notices by its own version check (StoresService compares a stamp of the stores table every 2 s).
 */
export class OpsDataChanges {
  private readonly listeners = new Set<() => void>();
  private readonly origin = randomUUID();
  private subscribed = false;

  constructor(private readonly deps: { redis: RedisConnection | null; log: Logger }) {}

  /** Subscribes to the other instances' changes (a no-op without Redis). */
  async start(): Promise<void> {
    if (!this.deps.redis || this.subscribed) return;
    this.subscribed = true;
    await this.deps.redis.sub.subscribe(CHANNEL, (message: string) => {
      if (message !== this.origin) this.fire();
    });
  }

  /** Calls `fn` after every change, this instance's or (with Redis) another's. */
  onChange(fn: () => void): void {
    this.listeners.add(fn);
  }

  /** Announces a committed change; a failed publish only delays the others to their version check. */
  changed(): void {
    this.fire();
    const redis = this.deps.redis;
    if (redis?.ready())
      redis.pub
        .publish(CHANNEL, this.origin)
        .catch((err: unknown) => this.deps.log.warn({ err }, 'ops-data change not published'));
  }

  private fire(): void {
    for (const fn of this.listeners) {
      try {
        fn();
      } catch (err) {
        this.deps.log.warn({ err: (err as Error).message }, 'ops-data change listener failed');
      }
    }
  }
}
