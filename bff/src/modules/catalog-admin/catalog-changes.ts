import type { DataSource } from 'typeorm';
import type { RedisConnection } from '../../adapters/redis';
import type { Logger } from '../../logger';
import { ProductEntity } from '../catalog/catalog.entity';

const CHANNEL = 'omni:catalog:changed';
/** Without Redis, how long one database signature read is trusted. */
const SIGNATURE_TTL_MS = 1000;

/**
 * Tells in-process caches of the catalogue (product names, the bot's product facts) that an admin
 * changed it, on every instance: through Redis pub/sub when configured; otherwise `stamp()` reads a
 * signature of the products table (count, highest id, sum of versions — every admin write bumps a
 * version) at most once a second, so another instance's write is seen within about a second.
 */
export class CatalogChanges {
  private local = 0;
  private readonly listeners = new Set<() => void>();
  private signature: { at: number; value: string } | null = null;
  private sub: RedisConnection['sub'] | null = null;

  constructor(private readonly deps: { db: DataSource; redis: RedisConnection | null; log: Logger }) {}

  /** Subscribes to other instances' changes on a client of its own (a no-op without Redis). */
  async start(): Promise<void> {
    if (!this.deps.redis || this.sub) return;
    // Not the shared subscriber: the socket.io adapter owns that one's channels.
    const sub = this.deps.redis.pub.duplicate();
    sub.on('error', (err: Error) => this.deps.log.warn({ err: err.message }, 'catalog subscriber error'));
    await sub.connect();
    await sub.subscribe(CHANNEL, () => this.bump());
    this.sub = sub as RedisConnection['sub'];
  }

  /** Drops the subscription (at shutdown). */
  async close(): Promise<void> {
    const sub = this.sub;
    this.sub = null;
    if (sub) await Promise.allSettled([sub.quit()]);
  }

  /** Calls `fn` after every change seen by this instance (its own or, with Redis, another's). */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Announces a committed change: local caches now, other instances through Redis. */
  async changed(): Promise<void> {
    this.bump();
    if (!this.deps.redis) return;
    try {
      await this.deps.redis.pub.publish(CHANNEL, String(Date.now()));
    } catch (err) {
      this.deps.log.warn({ err: (err as Error).message }, 'catalog change not published');
    }
  }

  /**
   * A value that differs after any catalogue change: compare it with the one a cache was built
   * under. With Redis it is a counter; without, the products table's signature (read ≤ 1/s).
   */
  async stamp(): Promise<string> {
    if (this.deps.redis) return `r${this.local}`;
    const now = Date.now();
    if (!this.signature || now - this.signature.at >= SIGNATURE_TTL_MS) {
      const row = await this.deps.db
        .getRepository(ProductEntity)
        .createQueryBuilder('p')
        .select('COUNT(*)', 'n')
        .addSelect('MAX(p.id)', 'maxId')
        .addSelect('SUM(p.version)', 'versions')
        .getRawOne<{ n: unknown; maxId: unknown; versions: unknown }>();
      this.signature = { at: now, value: `${Number(row?.n)}:${Number(row?.maxId)}:${Number(row?.versions)}` };
    }
    return `${this.local}/${this.signature.value}`;
  }

  private bump(): void {
    this.local++;
    this.signature = null;
    for (const fn of this.listeners) {
      try {
        fn();
      } catch (err) {
        this.deps.log.warn({ err: (err as Error).message }, 'catalog change listener failed');
      }
    }
  }
}
