import type { LatLng } from '@omni/shared-types';
import { fitProjection, type BoxPx, type PointPx } from '../../utils/geo';
import type { RouteMapProps, RouteMapStop } from './types';

/** A stop pin placed on the drawing. */
export interface StopPin extends PointPx {
  stop: RouteMapStop;
}

/** Everything the SVG map draws, in pixels of `box`. */
export interface RouteDrawing {
  /** SVG path data of the polyline (`M x y L x y …`); '' without one. */
  pathD: string;
  store: PointPx;
  pins: StopPin[];
  metresPerPx: number;
}

/** The middle of the bounding box of `points` (degrees; fine at city scale). */
export function boundsCenter(points: LatLng[]): LatLng {
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  return {
    lat: (Math.min(...lats) + Math.max(...lats)) / 2,
    lng: (Math.min(...lngs) + Math.max(...lngs)) / 2,
  };
}

/**
 * Projects a route onto `box` (equirectangular, north up, same scale on both axes) so that the
 * store, every stop and the whole polyline fit inside the padding.
 */
export function routeDrawing(
  { store, stops, polyline }: Pick<RouteMapProps, 'store' | 'stops' | 'polyline'>,
  box: BoxPx,
): RouteDrawing {
  const all: LatLng[] = [store, ...stops, ...polyline];
  const projection = fitProjection(boundsCenter(all), all, box);
  const fmt = (p: PointPx) => `${p.xPx.toFixed(1)} ${p.yPx.toFixed(1)}`;
  const line = polyline.length >= 2 ? polyline : [store, ...stops, ...(stops.length ? [store] : [])];
  const pathD =
    line.length >= 2 ? line.map((p, i) => `${i ? 'L' : 'M'}${fmt(projection.project(p))}`).join(' ') : '';
  return {
    pathD,
    store: projection.project(store),
    pins: stops.map((stop) => ({ stop, ...projection.project(stop) })),
    metresPerPx: projection.metresPerPx,
  };
}
