import { randomUUID } from 'node:crypto';
import type { RedisConnection } from '../../adapters/redis';
import type { Logger } from '../../logger';

/** The Redis channel on which every instance hears that the bot's knowledge changed. */
export const KNOWLEDGE_CHANNEL = 'omni:knowledge:changed';

/**
 * "The bot's knowledge changed": fired in this process at once and published on Redis (when
 * configured) so every other instance rebuilds on its next message instead of at its next version check.
 */
export class KnowledgeSignal {
  private readonly listeners = new Set<() => void>();
  private readonly origin = randomUUID();
  private sub: RedisConnection['sub'] | null = null;

  constructor(private readonly deps: { redis: RedisConnection | null; log: Logger }) {}

  /** Subscribes to the other instances' changes (a no-op without Redis). */
  async start(): Promise<void> {
    if (!this.deps.redis || this.sub) return;
    // A client of its own: the socket.io adapter owns the shared subscriber's channels.
    const sub = this.deps.redis.pub.duplicate();
    sub.on('error', (err: Error) => this.deps.log.warn({ err: err.message }, 'knowledge subscriber error'));
    await sub.connect();
    await sub.subscribe(KNOWLEDGE_CHANNEL, (message: string) => {
      if (message !== this.origin) this.fire();
    });
    this.sub = sub as RedisConnection['sub'];
  }

  /** Calls `fn` whenever the knowledge changed here or on another instance. */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Announces a committed change; publishing failures only delay the others to their version check. */
  changed(): void {
    this.fire();
    const redis = this.deps.redis;
    if (redis?.ready())
      redis.pub
        .publish(KNOWLEDGE_CHANNEL, this.origin)
        .catch((err: unknown) => this.deps.log.warn({ err }, 'knowledge publish failed'));
  }

  /** A change another source already announced everywhere (a catalogue write): tell this instance only. */
  heard(): void {
    this.fire();
  }

  async close(): Promise<void> {
    const sub = this.sub;
    this.sub = null;
    if (sub) await sub.quit().catch(() => undefined);
  }

  private fire(): void {
    for (const fn of this.listeners) fn();
  }
}
