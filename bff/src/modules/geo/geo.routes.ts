import Router from '@koa/router';
import { z } from 'zod';
import { CoordSystem, GeocodeQuery, QueryNumber } from '@omni/shared-types';
import { toGcj02 } from '../../algorithms/geo';
import type { GeoProvider } from '../../adapters/geo';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { NotFoundError } from '../../http/errors';
import { parse, singleQuery } from '../../http/validate';

/** `GET /geo/regeo` query: a position in any supported coordinate system. */
export const RegeoQuery = z.strictObject({
  lat: QueryNumber.pipe(z.number().min(-90).max(90)),
  lng: QueryNumber.pipe(z.number().min(-180).max(180)),
  coord: CoordSystem.optional(),
});

/** Who may call each route of `geoRoutes` (see permission-table.ts). */
export const geoPermissions: Permission[] = [
  { method: 'GET', path: '/geo/geocode', roles: 'public' },
  { method: 'GET', path: '/geo/regeo', roles: 'public' },
];

/** `GET /geo/geocode?address=` and `GET /geo/regeo?lat=&lng=`: the checkout's address step (GCJ-02). */
export function geoRoutes(geo: GeoProvider): Router<AppState> {
  const r = new Router<AppState>();
  r.get('/geo/geocode', async (ctx) => {
    const q = parse(GeocodeQuery, singleQuery(ctx.query), '查询参数');
    const hit = await geo.geocode(q.address, q.city ?? '上海');
    if (!hit)
      throw new NotFoundError('ADDRESS_NOT_FOUND', '没有找到这个地址，请写得更具体些（区、路名、门牌号）');
    ctx.body = {
      lat: hit.lat,
      lng: hit.lng,
      formattedAddress: hit.formattedAddress,
      district: hit.district ?? null,
    };
  });
  r.get('/geo/regeo', async (ctx) => {
    const q = parse(RegeoQuery, singleQuery(ctx.query), '查询参数');
    const p = toGcj02({ lat: q.lat, lng: q.lng }, q.coord ?? 'gcj02');
    const hit = await geo.reverseGeocode(p);
    ctx.body = {
      ...p,
      formattedAddress: hit.formattedAddress,
      district: hit.district ?? null,
      poiName: hit.poiName ?? null,
    };
  });
  return r;
}
