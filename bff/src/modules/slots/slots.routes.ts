import Router from '@koa/router';
import { SlotsQuery } from '@omni/shared-types';
import { toGcj02 } from '../../algorithms/geo';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import type { SlotsService } from './slots.service';

/** Who may call each route of `slotsRoutes` (see permission-table.ts). */
export const slotsPermissions: Permission[] = [{ method: 'GET', path: '/slots', roles: [] }];

/** `GET /slots?lat=&lng=&date=`. */
export function slotsRoutes(slots: SlotsService): Router<AppState> {
  const r = new Router<AppState>();
  r.get('/slots', async (ctx) => {
    const q = parse(SlotsQuery, singleQuery(ctx.query), '查询参数');
    ctx.body = await slots.forPoint(toGcj02({ lat: q.lat, lng: q.lng }, q.coord ?? 'gcj02'), q.date);
  });
  return r;
}
