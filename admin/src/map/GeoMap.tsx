// The console's map: stores, zones, routes and couriers drawn as SVG from stored GCJ-02 coordinates
// (no online map script). Wheel zooms, drag pans, a click reports its lng/lat.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button, Space } from 'antd';
import { CompressOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import {
  boundsOf,
  fitView,
  metresPerPixel,
  panBy,
  project,
  unproject,
  zoomAt,
  type LngLat,
  type View,
} from './projection';

export interface MapPoint {
  id: string | number;
  at: LngLat;
  color?: string;
  /** Text inside the marker (a stop number); otherwise a dot. */
  badge?: string;
  /** Shown beside the marker. */
  label?: string;
  title?: string;
  shape?: 'circle' | 'square' | 'pin';
  size?: number;
  onClick?(): void;
}

export interface MapPolygon {
  id: string | number;
  /** Outer ring then holes, each a list of [lng, lat] (closing point optional). */
  rings: LngLat[][];
  color?: string;
  label?: string;
  dashed?: boolean;
  selected?: boolean;
  onClick?(): void;
}

export interface MapLine {
  id: string | number;
  path: LngLat[];
  color?: string;
  width?: number;
  dashed?: boolean;
}

export interface GeoMapProps {
  points?: MapPoint[];
  polygons?: MapPolygon[];
  lines?: MapLine[];
  height?: number;
  onMapClick?(at: LngLat): void;
  /** Extra SVG drawn in map space, given the projection (the zone editor's handles). */
  overlay?(project: (p: LngLat) => [number, number], view: View): ReactNode;
  /** Refits when this changes (e.g. another store picked). */
  fitKey?: string | number;
  cursor?: string;
  ariaLabel?: string;
}

export function GeoMap(props: GeoMapProps) {
  const height = props.height ?? 480;
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [view, setView] = useState<View | null>(null);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);

  const all = useMemo<LngLat[]>(
    () => [
      ...(props.points ?? []).map((p) => p.at),
      ...(props.polygons ?? []).flatMap((p) => p.rings.flat()),
      ...(props.lines ?? []).flatMap((l) => l.path),
    ],
    [props.points, props.polygons, props.lines],
  );

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => setWidth(el.clientWidth || 800));
    ro?.observe(el);
    setWidth(el.clientWidth || 800);
    return () => ro?.disconnect();
  }, []);

  const fit = () => setView(fitView(boundsOf(all), width, height));
  // Fit on first data, on a new fitKey and on resize; not on every data change (keeps the user's zoom).
  const fitted = useRef<string | null>(null);
  useEffect(() => {
    const key = `${props.fitKey ?? ''}|${width}|${all.length > 0}`;
    if (fitted.current !== key) {
      fitted.current = key;
      fit();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.fitKey, width, all.length > 0]);

  const v = view ?? fitView(boundsOf(all), width, height);
  const P = (p: LngLat) => project(v, p);
  const local = (e: { clientX: number; clientY: number }): [number, number] => {
    const r = box.current!.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };

  const scaleBar = useMemo(() => {
    const mpp = metresPerPixel(v);
    const nice = [50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000].find((m) => m / mpp >= 60) ?? 20000;
    return { px: nice / mpp, label: nice >= 1000 ? `${nice / 1000} 公里` : `${nice} 米` };
  }, [v]);

  return (
    <div
      ref={box}
      aria-label={props.ariaLabel ?? '地图'}
      style={{
        position: 'relative',
        height,
        background: '#f3f6f9',
        border: '1px solid #e5e7eb',
        borderRadius: 8,
        overflow: 'hidden',
        userSelect: 'none',
      }}
    >
      <svg
        width="100%"
        height={height}
        style={{ cursor: props.cursor ?? (props.onMapClick ? 'crosshair' : 'grab'), display: 'block' }}
        onWheel={(e) => setView(zoomAt(v, e.deltaY < 0 ? 1.25 : 0.8, local(e)))}
        onMouseDown={(e) => {
          drag.current = { x: e.clientX, y: e.clientY, moved: false };
        }}
        onMouseMove={(e) => {
          const d = drag.current;
          if (!d || e.buttons !== 1) return;
          const dx = e.clientX - d.x;
          const dy = e.clientY - d.y;
          if (!d.moved && Math.hypot(dx, dy) < 4) return;
          d.moved = true;
          d.x = e.clientX;
          d.y = e.clientY;
          setView(panBy(v, [dx, dy]));
        }}
        onMouseUp={(e) => {
          const d = drag.current;
          drag.current = null;
          if (d && !d.moved && props.onMapClick && e.target === e.currentTarget)
            props.onMapClick(unproject(v, local(e)));
        }}
      >
        <Grid view={v} />
        {(props.polygons ?? []).map((pg) => (
          <g key={pg.id} onClick={pg.onClick} style={pg.onClick ? { cursor: 'pointer' } : undefined}>
            <path
              d={pg.rings.map((ring) => `M${ring.map((p) => P(p).join(',')).join('L')}Z`).join('')}
              fill={pg.color ?? '#1677ff'}
              fillOpacity={pg.selected ? 0.28 : 0.14}
              fillRule="evenodd"
              stroke={pg.color ?? '#1677ff'}
              strokeWidth={pg.selected ? 3 : 1.5}
              strokeDasharray={pg.dashed ? '6 4' : undefined}
              pointerEvents={pg.onClick ? 'all' : 'none'}
            />
            {pg.label && pg.rings[0]?.length ? (
              <text
                {...labelAt(pg.rings[0].map(P))}
                fontSize={12}
                fill="#333"
                textAnchor="middle"
                pointerEvents="none"
              >
                {pg.label}
              </text>
            ) : null}
          </g>
        ))}
        {(props.lines ?? []).map((l) => (
          <polyline
            key={l.id}
            points={l.path.map((p) => P(p).join(',')).join(' ')}
            fill="none"
            stroke={l.color ?? '#1677ff'}
            strokeWidth={l.width ?? 3}
            strokeOpacity={0.85}
            strokeLinejoin="round"
            strokeDasharray={l.dashed ? '6 4' : undefined}
            pointerEvents="none"
          />
        ))}
        {(props.points ?? []).map((pt) => {
          const [x, y] = P(pt.at);
          const r = pt.size ?? (pt.badge ? 10 : 6);
          const color = pt.color ?? '#fa541c';
          return (
            <g
              key={pt.id}
              transform={`translate(${x},${y})`}
              onClick={pt.onClick}
              style={{ cursor: pt.onClick ? 'pointer' : 'default' }}
            >
              {pt.title && <title>{pt.title}</title>}
              {pt.shape === 'square' ? (
                <rect
                  x={-r}
                  y={-r}
                  width={2 * r}
                  height={2 * r}
                  rx={3}
                  fill={color}
                  stroke="#fff"
                  strokeWidth={2}
                />
              ) : pt.shape === 'pin' ? (
                <path
                  d={`M0,0 L${-r * 0.8},${-r * 1.6} A${r},${r} 0 1 1 ${r * 0.8},${-r * 1.6} Z`}
                  fill={color}
                  stroke="#fff"
                  strokeWidth={1.5}
                />
              ) : (
                <circle r={r} fill={color} stroke="#fff" strokeWidth={2} />
              )}
              {pt.badge && (
                <text
                  y={4}
                  fontSize={11}
                  fontWeight={600}
                  fill="#fff"
                  textAnchor="middle"
                  pointerEvents="none"
                >
                  {pt.badge}
                </text>
              )}
              {pt.label && (
                <text
                  x={r + 4}
                  y={4}
                  fontSize={12}
                  fill="#222"
                  stroke="#fff"
                  strokeWidth={3}
                  paintOrder="stroke"
                  pointerEvents="none"
                >
                  {pt.label}
                </text>
              )}
            </g>
          );
        })}
        {props.overlay?.(P, v)}
      </svg>
      <Space.Compact orientation="vertical" style={{ position: 'absolute', right: 10, top: 10 }}>
        <Button
          size="small"
          icon={<PlusOutlined />}
          aria-label="放大"
          onClick={() => setView(zoomAt(v, 1.5, [width / 2, height / 2]))}
        />
        <Button
          size="small"
          icon={<MinusOutlined />}
          aria-label="缩小"
          onClick={() => setView(zoomAt(v, 1 / 1.5, [width / 2, height / 2]))}
        />
        <Button size="small" icon={<CompressOutlined />} aria-label="适应全部" onClick={fit} />
      </Space.Compact>
      <div style={{ position: 'absolute', left: 12, bottom: 10, fontSize: 11, color: '#555' }}>
        <div
          style={{
            width: scaleBar.px,
            borderBottom: '2px solid #555',
            borderLeft: '2px solid #555',
            borderRight: '2px solid #555',
            height: 5,
          }}
        />
        {scaleBar.label} · GCJ-02
      </div>
    </div>
  );
}

/** Light grid lines every round fraction of a degree, so distances read at a glance. */
function Grid({ view }: { view: View }) {
  const tl = unproject(view, [0, 0]);
  const br = unproject(view, [view.width, view.height]);
  const step =
    [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1].find((s) => s * view.scale >= 70) ?? 1;
  const lines: ReactNode[] = [];
  for (let lng = Math.ceil(tl[0] / step) * step; lng < br[0] && lines.length < 200; lng += step) {
    const [x] = project(view, [lng, tl[1]]);
    lines.push(<line key={`x${lng}`} x1={x} x2={x} y1={0} y2={view.height} stroke="#e2e8f0" />);
  }
  for (let lat = Math.ceil(br[1] / step) * step; lat < tl[1] && lines.length < 400; lat += step) {
    const [, y] = project(view, [tl[0], lat]);
    lines.push(<line key={`y${lat}`} x1={0} x2={view.width} y1={y} y2={y} stroke="#e2e8f0" />);
  }
  return <g pointerEvents="none">{lines}</g>;
}

function labelAt(px: [number, number][]): { x: number; y: number } {
  const x = px.reduce((a, p) => a + p[0], 0) / px.length;
  const y = px.reduce((a, p) => a + p[1], 0) / px.length;
  return { x, y };
}
