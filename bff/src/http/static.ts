import { existsSync } from 'node:fs';
import type { Middleware } from 'koa';
import send from 'koa-send';
import type { AppState } from './context';

/** Serves files under `root` for GET/HEAD paths starting with `prefix`; `index` for the bare prefix. */
export function serveDir(
  prefix: string,
  root: string,
  opts: { index?: string; maxAgeMs?: number } = {},
): Middleware<AppState> {
  const available = existsSync(root);
  return async (ctx, next) => {
    if (!available || (ctx.method !== 'GET' && ctx.method !== 'HEAD') || !ctx.path.startsWith(prefix)) {
      return next();
    }
    const rel = ctx.path.slice(prefix.length) || '/';
    let served: string | undefined;
    try {
      served = await send(ctx, rel, {
        root,
        index: opts.index,
        maxage: opts.maxAgeMs ?? 0,
        hidden: false,
      });
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status !== 404 && status !== 400 && status !== 403) throw err;
    }
    if (!served) await next();
  };
}
