import { View } from '@tarojs/components';
import { fitProjection } from '../../utils/geo';
import type { StoreMapProps } from './types';

const BOX = { widthPx: 700, heightPx: 420, paddingPx: 40 };
/** The view fits the nearest few stores; farther ones show when they fall inside it. */
const FIT_NEAREST = 5;
const RING_STEPS_M = [500, 1000, 2000, 5000, 10_000, 20_000];

/** The selected pin's caption: the store name without the trailing 店. */
function caption(name: string): string {
  return name.replace(/店$/, '');
}

/**
 * The H5 map: an offline SVG of the stores around the user (equirectangular, north up), pins
 * numbered in list order (`stores` come nearest first), a distance ring and the user's dot. Taro's
 * H5 Map would load Baidu's script from the internet.
 */
export function MapView({ center, stores, selectedId, onSelect }: StoreMapProps) {
  const projection = fitProjection(center, stores.slice(0, FIT_NEAREST), BOX);
  const me = projection.project(center);
  const maxRadiusPx = Math.min(BOX.widthPx, BOX.heightPx) / 2 - 8;
  const ringM = [...RING_STEPS_M].reverse().find((m) => m / projection.metresPerPx <= maxRadiusPx) ?? 500;
  const ringPx = ringM / projection.metresPerPx;
  return (
    <View className="store-map store-map--svg">
      <svg
        className="store-map__svg"
        viewBox={`0 0 ${BOX.widthPx} ${BOX.heightPx}`}
        width="100%"
        role="img"
        aria-label="附近门店地图"
      >
        <rect x={0} y={0} width={BOX.widthPx} height={BOX.heightPx} fill="#eef2f5" />
        <circle
          className="distance-ring"
          cx={me.xPx}
          cy={me.yPx}
          r={ringPx}
          fill="none"
          stroke="#b0bec5"
          strokeDasharray="6 6"
        />
        <text x={me.xPx + ringPx * 0.71 + 4} y={me.yPx - ringPx * 0.71} fontSize={18} fill="#78909c">
          {ringM >= 1000 ? `${ringM / 1000} km` : `${ringM} m`}
        </text>
        {stores.map((s, i) => {
          const p = projection.project(s);
          const selected = s.id === selectedId;
          if (!selected && (p.xPx < 0 || p.xPx > BOX.widthPx || p.yPx < 0 || p.yPx > BOX.heightPx))
            return null;
          return (
            <g
              key={s.id}
              className={`store-marker${selected ? ' store-marker--selected' : ''}`}
              data-id={s.id}
              transform={`translate(${p.xPx.toFixed(1)} ${p.yPx.toFixed(1)})`}
              onClick={() => onSelect(s.id)}
              style={{ cursor: 'pointer' }}
            >
              <path
                d="M0 0 L-11 -18 A13 13 0 1 1 11 -18 Z"
                fill={selected ? '#c2185b' : s.openNow ? '#e57399' : '#9e9e9e'}
                stroke="#fff"
                strokeWidth={2}
              />
              <text y={-19} textAnchor="middle" fontSize={15} fontWeight={600} fill="#fff">
                {i + 1}
              </text>
              {selected && (
                <text y={-40} textAnchor="middle" fontSize={20} fontWeight={600} fill="#37474f">
                  {caption(s.name)}
                </text>
              )}
            </g>
          );
        })}
        <circle
          className="user-dot"
          cx={me.xPx}
          cy={me.yPx}
          r={10}
          fill="#1e88e5"
          stroke="#fff"
          strokeWidth={4}
        />
      </svg>
    </View>
  );
}
