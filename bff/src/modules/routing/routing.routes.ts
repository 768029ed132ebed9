import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import type { Middleware } from 'koa';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parseOptimizeRequest, type RoutingService } from './routing.service';

const OPTIMIZE_PATH = '/api/v1/routing/optimize';

/**
 * JSON body parser for `POST /routing/optimize` only, with a limit that fits 5,000 jobs (or a
 * caller matrix); install it before the app-wide parser, which then leaves the parsed body alone.
 */
export function optimizeBodyParser(limitMb = 16): Middleware<AppState> {
  const parser = bodyParser({ enableTypes: ['json'], jsonLimit: `${limitMb}mb`, encoding: 'utf-8' });
  return async (ctx, next) => {
    if (ctx.method === 'POST' && ctx.path === OPTIMIZE_PATH) return parser(ctx, next);
    return next();
  };
}

/** Who may call each route of `routingRoutes` (see permission-table.ts). */
export const routingPermissions: Permission[] = [
  { method: 'POST', path: '/routing/optimize', roles: ['staff', 'admin'] },
];

/** `POST /routing/optimize` (staff, admin): a VROOM-like generic VRPTW solve. */
export function routingRoutes(routing: RoutingService): Router<AppState> {
  const r = new Router<AppState>();
  r.post('/routing/optimize', async (ctx) => {
    ctx.body = await routing.optimize(parseOptimizeRequest(ctx.request.body));
  });
  return r;
}
