import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import supertest from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createConnection } from 'mysql2/promise';
import { createApp } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import { createContainer, type Container } from '../src/container';
import { createLogger } from '../src/logger';
import type { Clock } from '../src/clock';
import type { CaptchaMaker } from '../src/modules/backoffice/captcha';
import type { LoginResponse, Role } from '@omni/shared-types';

/** A database the integration tests run against. */
export interface DbTarget {
  name: 'sqlite' | 'mysql';
}

/** SQLite always; MySQL/MariaDB too when TEST_DATABASE_URL is a mysql:// URL. */
export const DB_TARGETS: DbTarget[] = [
  { name: 'sqlite' },
  ...(/^(mysql|mariadb):\/\//.test(process.env.TEST_DATABASE_URL ?? '') ? [{ name: 'mysql' as const }] : []),
];

/** A running test app on a fresh database. */
export interface TestApp {
  config: Config;
  container: Container;
  http: TestAgent;
  /** Handler for `http.createServer`, for socket.io tests. */
  callback: ReturnType<ReturnType<typeof createApp>['callback']>;
  /** `http://127.0.0.1:<port>` when started with `listen: true` (socket.io tests), else ''. */
  base: string;
  login(
    role: Role,
    extra?: { storeId?: number; courierId?: number; openid?: string },
  ): Promise<LoginResponse>;
  close(): Promise<void>;
}

/** Creates a throwaway MySQL database and returns its URL and a dropper. */
export async function freshMysqlDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(process.env.TEST_DATABASE_URL!.replace(/^mariadb:/, 'mysql:'));
  const name = `omni_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection({
    host: base.hostname,
    port: Number(base.port || 3306),
    user: decodeURIComponent(base.username),
    password: decodeURIComponent(base.password),
  });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = await createConnection({
        host: base.hostname,
        port: Number(base.port || 3306),
        user: decodeURIComponent(base.username),
        password: decodeURIComponent(base.password),
      });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/** Starts createApp on a fresh database (seeded with the demo data unless `seed: false`). */
export async function startTestApp(
  target: DbTarget,
  opts: {
    env?: Record<string, string>;
    clock?: Clock;
    seed?: boolean;
    listen?: boolean;
    captcha?: CaptchaMaker;
  } = {},
): Promise<TestApp> {
  let dropDb: (() => Promise<void>) | null = null;
  let databaseUrl = 'sqlite::memory:';
  if (target.name === 'mysql') {
    const fresh = await freshMysqlDatabase();
    databaseUrl = fresh.url;
    dropDb = fresh.drop;
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'test-secret-0123456789abcdef',
    ALLOW_DEV_LOGIN: '1',
    SEED_DEMO: opts.seed === false ? '0' : '1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...opts.env,
  });
  const log = createLogger(config.logLevel);
  const container = await createContainer(config, log, { clock: opts.clock, captcha: opts.captcha });
  const app = createApp(container);
  const callback = app.callback();
  const http = supertest(callback);
  let server: Server | null = null;
  let base = '';
  if (opts.listen) {
    server = createServer(callback);
    container.realtime.attach(server);
    await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  return {
    base,
    config,
    container,
    http,
    callback,
    login: async (role, extra = {}) => {
      const res = await http.post('/api/v1/auth/dev').send({ role, ...extra });
      if (res.status !== 200) throw new Error(`dev login failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as LoginResponse;
    },
    close: async () => {
      await container.realtime.close();
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((ok) => server!.close(() => ok()));
      }
      await container.close();
      if (dropDb) await dropDb();
    },
  };
}
