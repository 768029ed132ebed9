/** A size-bounded least-recently-used cache whose entries expire `ttlMs` milliseconds after being set. */
export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAtMs: number }>();

  constructor(private readonly options: { maxEntries: number; ttlMs: number; now: () => number }) {
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 0) {
      throw new RangeError(`maxEntries must be an integer ≥ 0, got ${options.maxEntries}`);
    }
  }

  /** Number of entries held, expired ones included until touched. */
  get size(): number {
    return this.entries.size;
  }

  /** The live value for `key`, marking it most recently used; undefined when absent or expired. */
  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (hit.expiresAtMs <= this.options.now()) return undefined;
    // Re-inserting moves the key to the end of the Map's insertion order: the most recent end.
    this.entries.set(key, hit);
    return hit.value;
  }

  /** Stores `value`, evicting the least recently used entry when full. */
  set(key: string, value: V): void {
    if (this.options.maxEntries === 0) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAtMs: this.options.now() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries.clear();
  }
}
