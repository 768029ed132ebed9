import type { LatLng } from '@omni/shared-types';

/** A store pin: GCJ-02 degrees, as the BFF answers. */
export interface MapStore extends LatLng {
  id: number;
  name: string;
  openNow: boolean;
}

/** What both map renderings take: the user's GCJ-02 position, the pins, the highlighted one. */
export interface StoreMapProps {
  center: LatLng;
  stores: MapStore[];
  selectedId: number | null;
  onSelect: (id: number) => void;
}
