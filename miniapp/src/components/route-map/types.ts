import type { LatLng, StopStatus } from '@omni/shared-types';

/** A stop pin: GCJ-02 degrees, its number on the route and what the courier did there. */
export interface RouteMapStop extends LatLng {
  stopId: number;
  seq: number;
  status: StopStatus;
}

/** What both map renderings take: the store (start and end), the stops in order, the road polyline. */
export interface RouteMapProps {
  store: LatLng & { name: string };
  stops: RouteMapStop[];
  polyline: LatLng[];
  selectedId?: number | null;
  onSelect?: (stopId: number) => void;
}
