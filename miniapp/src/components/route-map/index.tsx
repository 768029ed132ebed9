import { MapView } from './map-view';
import type { RouteMapProps } from './types';
import './index.scss';

export type { RouteMapProps, RouteMapStop } from './types';

/** A courier's route: the native map in the mini-program, an offline SVG in H5. */
export function RouteMap(props: RouteMapProps) {
  return <MapView {...props} />;
}
