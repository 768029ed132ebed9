import { Map } from '@tarojs/components';
import type { StoreMapProps } from './types';

// The tab icon doubles as the pin: a file inside the package, as WeChat requires for markers.
const PIN = '/assets/tab/stores-active.png';

/** The mini-program map: WeChat's native Map with a marker per store and the user's position. */
export function MapView({ center, stores, selectedId, onSelect }: StoreMapProps) {
  return (
    <Map
      className="store-map store-map--native"
      latitude={center.lat}
      longitude={center.lng}
      scale={13}
      showLocation
      includePoints={[center, ...stores].map((p) => ({ latitude: p.lat, longitude: p.lng }))}
      markers={stores.map((s) => ({
        id: s.id,
        latitude: s.lat,
        longitude: s.lng,
        title: s.name,
        iconPath: PIN,
        width: s.id === selectedId ? 36 : 28,
        height: s.id === selectedId ? 36 : 28,
        callout: {
          content: s.name,
          color: '#262626',
          fontSize: 12,
          borderRadius: 6,
          bgColor: '#ffffff',
          padding: 6,
          display: s.id === selectedId ? 'ALWAYS' : 'BYCLICK',
          textAlign: 'center',
          anchorX: 0,
          anchorY: 0,
          borderWidth: 0,
          borderColor: '#ffffff',
        },
      }))}
      onMarkerTap={(e) => onSelect(Number(e.detail.markerId))}
      // A map that fails to load leaves the list below usable.
      onError={() => undefined}
    />
  );
}
