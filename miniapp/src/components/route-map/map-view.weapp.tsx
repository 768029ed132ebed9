import { Map } from '@tarojs/components';
import type { StopStatus } from '@omni/shared-types';
import { boundsCenter } from './drawing';
import type { RouteMapProps } from './types';

// Marker icons must be files inside the package; the tab icon doubles as the pin.
const PIN = '/assets/tab/stores-active.png';
const STORE_MARKER_ID = 0;

const LABEL_COLOR: Record<StopStatus, string> = {
  pending: '#1e88e5',
  arrived: '#fb8c00',
  delivered: '#43a047',
  failed: '#e53935',
};

/** The mini-program map: WeChat's native Map with the road polyline and a numbered marker per stop. */
export function MapView({ store, stops, polyline, selectedId, onSelect }: RouteMapProps) {
  const points = [store, ...stops, ...polyline];
  const center = boundsCenter(points);
  const line = polyline.length >= 2 ? polyline : [store, ...stops, store];
  return (
    <Map
      className="route-map route-map--native"
      latitude={center.lat}
      longitude={center.lng}
      scale={13}
      showLocation
      includePoints={points.map((p) => ({ latitude: p.lat, longitude: p.lng }))}
      polyline={[
        {
          points: line.map((p) => ({ latitude: p.lat, longitude: p.lng })),
          color: '#c2185bcc',
          width: 6,
          arrowLine: true,
        },
      ]}
      markers={[
        {
          id: STORE_MARKER_ID,
          latitude: store.lat,
          longitude: store.lng,
          title: store.name,
          iconPath: PIN,
          width: 30,
          height: 30,
        },
        ...stops.map((s) => ({
          id: s.stopId,
          latitude: s.lat,
          longitude: s.lng,
          title: `第 ${s.seq} 站`,
          iconPath: PIN,
          width: s.stopId === selectedId ? 34 : 26,
          height: s.stopId === selectedId ? 34 : 26,
          label: {
            content: String(s.seq),
            color: '#ffffff',
            fontSize: 12,
            anchorX: -6,
            anchorY: -40,
            borderWidth: 0,
            borderColor: LABEL_COLOR[s.status],
            borderRadius: 10,
            bgColor: LABEL_COLOR[s.status],
            padding: 3,
            textAlign: 'center' as const,
          },
        })),
      ]}
      onMarkerTap={(e) => {
        const id = Number(e.detail.markerId);
        if (id !== STORE_MARKER_ID) onSelect?.(id);
      }}
      // A map that fails to load leaves the stop list below usable.
      onError={() => undefined}
    />
  );
}
