import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfigOrExit } from './config';
import { createLogger } from './logger';
import { createContainer } from './container';
import { createApp } from './app';

/** Starts the BFF: config → container → listen; SIGTERM/SIGINT drain and close. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger(config.logLevel);
  if (config.jwt.secretWasGenerated)
    log.warn('JWT_SECRET not set: using a random secret, tokens end with this process');
  if (config.env === 'production' && config.geo.provider === 'offline')
    log.warn('GEO_PROVIDER=offline: addresses are placed at district centres, not at the door');
  const container = await createContainer(config, log, {
    progress: (step) => log.info(`正在写入演示数据: ${step}`),
  });
  const app = createApp(container);
  const server = createServer(app.callback());
  server.keepAliveTimeout = 65_000;
  container.realtime.attach(server);
  await new Promise<void>((ok) => server.listen(config.port, config.host, ok));
  const { port } = server.address() as AddressInfo;
  log.info({ port, db: container.dbKind }, 'BFF listening');
  process.stdout.write(
    [
      '',
      `  小程序 H5:   http://localhost:${port}/`,
      `  后台管理:    http://localhost:${port}/admin/  (首个管理员: npm run admin:create -- --username U --password P)`,
      `  API:         http://localhost:${port}/api/v1  (OpenAPI: /api/v1/openapi.json)`,
      `  健康检查:    http://localhost:${port}/healthz`,
      `  数据库:      ${container.dbKind}${config.database.kind === 'sqlite' ? ` (${config.database.path})` : ''}`,
      '',
    ].join('\n') + '\n',
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    const force = setTimeout(() => {
      log.warn('in-flight requests did not finish in 10 s; closing anyway');
      server.closeAllConnections();
    }, 10_000);
    force.unref();
    void container.realtime.close();
    server.close(async () => {
      await container.close();
      log.info('bye');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(
    `start-up failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
