import { createClient, type RedisClientType } from 'redis';
import type { Logger } from '../logger';

/** A command client and a subscriber client for the socket.io adapter and shared limits. */
export interface RedisConnection {
  pub: RedisClientType;
  sub: RedisClientType;
  ready(): boolean;
  close(): Promise<void>;
}

/** Connects both clients to `url`; rejects when Redis does not answer in time. */
export async function connectRedis(url: string, log: Logger): Promise<RedisConnection> {
  const pub = createClient({
    url,
    socket: { connectTimeout: 5000, reconnectStrategy: (n) => Math.min(n * 200, 3000) },
  }) as RedisClientType;
  const sub = pub.duplicate() as RedisClientType;
  for (const [name, c] of [
    ['pub', pub],
    ['sub', sub],
  ] as const) {
    c.on('error', (err: Error) => log.warn({ err: err.message, client: name }, 'redis error'));
  }
  await Promise.all([pub.connect(), sub.connect()]);
  return {
    pub,
    sub,
    ready: () => pub.isReady && sub.isReady,
    close: async () => {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
