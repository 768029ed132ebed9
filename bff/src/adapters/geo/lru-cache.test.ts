import { LruCache } from './lru-cache';

describe('LruCache', () => {
  let nowMs = 0;
  const make = (maxEntries: number, ttlMs = 1_000) =>
    new LruCache<string>({ maxEntries, ttlMs, now: () => nowMs });

  beforeEach(() => {
    nowMs = 0;
  });

  it('evicts the least recently used entry when full', () => {
    const cache = make(2);
    cache.set('a', 'A');
    cache.set('b', 'B');
    expect(cache.get('a')).toBe('A'); // a is now the most recent
    cache.set('c', 'C');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    expect(cache.get('c')).toBe('C');
    expect(cache.size).toBe(2);
  });

  it('forgets entries once their time to live has passed', () => {
    const cache = make(10, 1_000);
    cache.set('a', 'A');
    nowMs = 999;
    expect(cache.get('a')).toBe('A');
    nowMs = 1_000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('overwrites a key without growing', () => {
    const cache = make(2);
    cache.set('a', 'A');
    cache.set('a', 'A2');
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe('A2');
  });

  it('holds nothing when sized zero, and refuses a negative size', () => {
    const cache = make(0);
    cache.set('a', 'A');
    expect(cache.get('a')).toBeUndefined();
    expect(() => make(-1)).toThrow(RangeError);
  });
});
