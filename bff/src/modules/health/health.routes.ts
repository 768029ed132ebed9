import Router from '@koa/router';
import type { DataSource } from 'typeorm';
import type { Health } from '@omni/shared-types';
import type { AppState } from '../../http/context';
import type { DbKind } from '../../db/data-source';

/** `GET /healthz`: answers ok only when the database answers. */
export function healthRoutes(deps: {
  db: DataSource;
  dbKind: DbKind;
  redisReady: () => boolean;
}): Router<AppState> {
  const r = new Router<AppState>();
  r.get('/healthz', async (ctx) => {
    try {
      await deps.db.query('SELECT 1');
    } catch {
      ctx.status = 503;
      ctx.body = { status: 'down', db: deps.dbKind, redis: deps.redisReady() };
      return;
    }
    ctx.body = { status: 'ok', db: deps.dbKind, redis: deps.redisReady() } satisfies Health;
  });
  return r;
}
