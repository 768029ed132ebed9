import { View } from '@tarojs/components';
import type { StopStatus } from '@omni/shared-types';
import { routeDrawing } from './drawing';
import type { RouteMapProps } from './types';

const BOX = { widthPx: 700, heightPx: 440, paddingPx: 36 };

const PIN_COLOR: Record<StopStatus, string> = {
  pending: '#1e88e5',
  arrived: '#fb8c00',
  delivered: '#43a047',
  failed: '#e53935',
};

/**
 * The H5 map: an offline SVG of the route (store → stops in order → store), numbered pins coloured
 * by status. Taro's H5 Map would load Baidu's script from the internet.
 */
export function MapView({ store, stops, polyline, selectedId, onSelect }: RouteMapProps) {
  const d = routeDrawing({ store, stops, polyline }, BOX);
  return (
    <View className="route-map route-map--svg">
      <svg
        className="route-map__svg"
        viewBox={`0 0 ${BOX.widthPx} ${BOX.heightPx}`}
        width="100%"
        role="img"
        aria-label="配送路线地图"
      >
        <rect x={0} y={0} width={BOX.widthPx} height={BOX.heightPx} fill="#eef2f5" />
        {d.pathD && (
          <path
            className="route-line"
            d={d.pathD}
            fill="none"
            stroke="#c2185b"
            strokeWidth={5}
            strokeLinejoin="round"
            strokeLinecap="round"
            opacity={0.8}
          />
        )}
        <g
          className="route-store"
          transform={`translate(${d.store.xPx.toFixed(1)} ${d.store.yPx.toFixed(1)})`}
        >
          <rect x={-19} y={-19} width={38} height={38} rx={8} fill="#37474f" stroke="#fff" strokeWidth={3} />
          <text y={7} textAnchor="middle" fontSize={20} fontWeight={600} fill="#fff">
            店
          </text>
        </g>
        {d.pins.map(({ stop, xPx, yPx }) => {
          const selected = stop.stopId === selectedId;
          return (
            <g
              key={stop.stopId}
              className={`route-pin route-pin--${stop.status}${selected ? ' route-pin--selected' : ''}`}
              data-id={stop.stopId}
              transform={`translate(${xPx.toFixed(1)} ${yPx.toFixed(1)})`}
              onClick={() => onSelect?.(stop.stopId)}
              style={{ cursor: 'pointer' }}
            >
              <circle r={selected ? 24 : 20} fill={PIN_COLOR[stop.status]} stroke="#fff" strokeWidth={3} />
              <text y={7} textAnchor="middle" fontSize={20} fontWeight={600} fill="#fff">
                {stop.seq}
              </text>
            </g>
          );
        })}
      </svg>
    </View>
  );
}
