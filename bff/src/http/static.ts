import { existsSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
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

/** A year: Vite names every built asset by its content hash, so a changed file is a new URL. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * A single-page app under `prefix` (the back-office console at `/admin/`): files of its build as
 * they are — hashed `assets/` cached for a year, the rest revalidated — and `index.html` for every
 * other GET path under the prefix (client-side routes such as `/admin/products/42`), never cached
 * so a deploy is seen at once. `/admin` redirects to `/admin/` so relative asset URLs resolve.
 */
export function serveSpa(prefix: string, root: string): Middleware<AppState> {
  const available = () => existsSync(join(root, 'index.html'));
  return async (ctx, next) => {
    if (
      (ctx.method !== 'GET' && ctx.method !== 'HEAD') ||
      !(ctx.path === prefix || ctx.path.startsWith(`${prefix}/`))
    ) {
      return next();
    }
    if (!available()) return next();
    if (ctx.path === prefix) {
      ctx.redirect(`${prefix}/${ctx.querystring ? `?${ctx.querystring}` : ''}`);
      return;
    }
    const rel = ctx.path.slice(prefix.length);
    if (rel !== '/' && rel !== '/index.html') {
      let served: string | undefined;
      try {
        served = await send(ctx, rel, {
          root,
          hidden: false,
          setHeaders: (res, path) => {
            res.setHeader('Cache-Control', path.includes(`${sep}assets${sep}`) ? IMMUTABLE : 'no-cache');
          },
        });
      } catch (err) {
        const status = (err as { status?: number }).status;
        if (status !== 404 && status !== 400 && status !== 403) throw err;
      }
      if (served) return;
      // A missing hashed asset is a 404, not the page: a stale tab must not parse HTML as script.
      if (rel.startsWith('/assets/') || extname(rel) !== '') {
        ctx.status = 404;
        ctx.body = 'Not Found';
        return;
      }
    }
    await send(ctx, 'index.html', {
      root,
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    });
  };
}
