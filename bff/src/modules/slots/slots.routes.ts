import Router from '@koa/router';
import { SlotsQuery } from '@omni/shared-types';
import { toGcj02 } from '../../algorithms/geo';
import { requireRole } from '../../http/auth';
import type { AppState } from '../../http/context';
import { parse, singleQuery } from '../../http/validate';
import type { SlotsService } from './slots.service';

/** `GET /slots?lat=&lng=&date=`. */
export function slotsRoutes(slots: SlotsService): Router<AppState> {
  const r = new Router<AppState>();
  r.get('/slots', requireRole(), async (ctx) => {
    const q = parse(SlotsQuery, singleQuery(ctx.query), '查询参数');
    ctx.body = await slots.forPoint(toGcj02({ lat: q.lat, lng: q.lng }, q.coord ?? 'gcj02'), q.date);
  });
  return r;
}
