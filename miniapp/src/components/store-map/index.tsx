import { MapView } from './map-view';
import type { StoreMapProps } from './types';
import './index.scss';

export type { MapStore, StoreMapProps } from './types';

/** Stores around the user: the native map in the mini-program, an offline SVG in H5. */
export function StoreMap(props: StoreMapProps) {
  return <MapView {...props} />;
}
