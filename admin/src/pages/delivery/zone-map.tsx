// The delivery map of one store: its zones coloured, and the zone being drawn or edited as SVG
// handles over the GeoMap. Drawing: click to add vertices, double-click (or click the first vertex,
// or 完成) to close. Editing: drag a vertex, drag an edge's midpoint to add one, right-click or
// Delete to remove the selected one. Crossing edges are drawn red.
import { useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import type { AdminStore, AdminZone } from '@omni/shared-types';
import { GeoMap, type MapPoint, type MapPolygon } from '../../map/GeoMap';
import { selfIntersection } from '../../map/geometry';
import { project, unproject, type LngLat, type View } from '../../map/projection';
import {
  addVertex,
  finishDrawing,
  insertVertex,
  midpoint,
  moveVertex,
  removeVertex,
  type RingEdit,
} from './ring-edit';

export const ZONE_COLOURS = ['#1677ff', '#13c2c2', '#722ed1', '#fa8c16', '#eb2f96', '#52c41a'];
const EDIT = '#fa541c';
const BAD = '#f5222d';

/** A zone's colour by its place in the store's list. */
export const zoneColour = (index: number): string => ZONE_COLOURS[index % ZONE_COLOURS.length];

/** The open outer ring of a zone's polygon. */
export function zoneRing(z: AdminZone): LngLat[] {
  const r = (z.polygon.coordinates[0] ?? []).map((p) => [p[0], p[1]] as LngLat);
  const f = r[0];
  const l = r[r.length - 1];
  return r.length > 1 && f[0] === l[0] && f[1] === l[1] ? r.slice(0, -1) : r;
}

export interface ZoneMapProps {
  store: AdminStore | null;
  zones: AdminZone[];
  selectedId: number | null;
  onSelect?(id: number): void;
  /** The zone being drawn or edited (its saved polygon is hidden meanwhile). */
  edit: (RingEdit & { zoneId: number | null }) | null;
  onEdit?(next: RingEdit): void;
  height?: number;
}

export function ZoneMap(props: ZoneMapProps) {
  const { edit, onEdit } = props;
  const view = useRef<View | null>(null);
  const editRef = useRef(edit);
  editRef.current = edit;
  const [hover, setHover] = useState<LngLat | null>(null);
  const box = useRef<HTMLDivElement>(null);

  const points = useMemo<MapPoint[]>(
    () =>
      props.store
        ? [
            {
              id: 'store',
              at: [props.store.lng, props.store.lat],
              shape: 'pin',
              size: 11,
              color: '#c2185b',
              label: props.store.name,
            },
          ]
        : [],
    [props.store],
  );
  const polygons = useMemo<MapPolygon[]>(
    () =>
      props.zones
        .map((z, i) => ({ z, i }))
        .filter(({ z }) => !(edit && edit.zoneId === z.id))
        .map(({ z, i }) => ({
          id: z.id,
          rings: [zoneRing(z)],
          color: zoneColour(i),
          label: z.name,
          dashed: !z.active,
          selected: z.id === props.selectedId,
          onClick: edit || !props.onSelect ? undefined : () => props.onSelect!(z.id),
        })),
    [props.zones, props.selectedId, props.onSelect, edit],
  );

  // Delete / Backspace removes the selected vertex (not while typing in a field).
  useEffect(() => {
    if (!edit || edit.selected === null || !onEdit) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
      if (e.key === 'Delete' || e.key === 'Backspace') {
        const cur = editRef.current;
        if (cur && cur.selected !== null) onEdit(removeVertex(cur, cur.selected));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [edit, onEdit]);

  const samePx = (a: LngLat, b: LngLat) => {
    const v = view.current;
    if (!v) return a[0] === b[0] && a[1] === b[1];
    const [ax, ay] = project(v, a);
    const [bx, by] = project(v, b);
    return Math.hypot(ax - bx, ay - by) < 6;
  };

  /** Drags vertex `index` of the current edit with the mouse until the button is released. */
  const startDrag = (e: ReactMouseEvent<SVGElement>, index: number, start: RingEdit) => {
    if (e.button !== 0 || !onEdit) return;
    e.stopPropagation();
    e.preventDefault();
    const svg = (e.currentTarget as SVGElement).ownerSVGElement;
    if (!svg) return;
    const rect = svg.getBoundingClientRect();
    let cur = start;
    onEdit(cur);
    const move = (ev: MouseEvent) => {
      const v = view.current;
      if (!v) return;
      cur = moveVertex(cur, index, unproject(v, [ev.clientX - rect.left, ev.clientY - rect.top]));
      onEdit(cur);
    };
    const up = () => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  };

  const overlay = (P: (p: LngLat) => [number, number], v: View) => {
    view.current = v;
    if (!edit) return null;
    const ring = edit.ring;
    const px = ring.map(P);
    const drawing = edit.mode === 'draw';
    const cross = drawing ? null : selfIntersection(ring);
    const colour = cross ? BAD : EDIT;
    const edgeBad = (i: number) => cross !== null && (cross[0] === i || cross[1] === i);
    return (
      <g>
        {!drawing && px.length >= 3 && (
          <path
            d={`M${px.map((p) => p.join(',')).join('L')}Z`}
            fill={colour}
            fillOpacity={0.15}
            stroke="none"
            pointerEvents="none"
          />
        )}
        {px.map((p, i) => {
          if (drawing && i === px.length - 1) return null;
          const q = px[(i + 1) % px.length];
          return (
            <line
              key={`e${i}`}
              x1={p[0]}
              y1={p[1]}
              x2={q[0]}
              y2={q[1]}
              stroke={edgeBad(i) ? BAD : EDIT}
              strokeWidth={edgeBad(i) ? 3.5 : 2}
              pointerEvents="none"
            />
          );
        })}
        {drawing && hover && px.length > 0 && (
          <line
            x1={px[px.length - 1][0]}
            y1={px[px.length - 1][1]}
            x2={P(hover)[0]}
            y2={P(hover)[1]}
            stroke={EDIT}
            strokeDasharray="5 4"
            pointerEvents="none"
          />
        )}
        {!drawing &&
          px.map((_, i) => {
            const [mx, my] = P(midpoint(ring, i));
            return (
              <circle
                key={`m${i}`}
                data-testid="edge-handle"
                cx={mx}
                cy={my}
                r={4}
                fill="#fff"
                fillOpacity={0.9}
                stroke={EDIT}
                strokeDasharray="2 2"
                style={{ cursor: 'copy' }}
                onMouseDown={(e) => startDrag(e, i + 1, insertVertex(edit, i, midpoint(ring, i)))}
              >
                <title>拖动以添加顶点</title>
              </circle>
            );
          })}
        {px.map(([x, y], i) => (
          <circle
            key={`v${i}`}
            data-testid="vertex-handle"
            cx={x}
            cy={y}
            r={drawing && i === 0 ? 8 : 6}
            fill={edit.selected === i ? colour : '#fff'}
            stroke={colour}
            strokeWidth={2}
            style={{ cursor: drawing ? 'pointer' : 'move' }}
            onMouseDown={(e) => {
              if (drawing) {
                e.stopPropagation();
                if (i === 0 && onEdit) onEdit(finishDrawing(edit));
                return;
              }
              startDrag(e, i, { ...edit, selected: i });
            }}
            onContextMenu={(e) => {
              e.preventDefault();
              if (onEdit) onEdit(removeVertex(edit, i));
            }}
          >
            <title>{drawing && i === 0 ? '点击闭合多边形' : `顶点 ${i + 1}（拖动移动，右键删除）`}</title>
          </circle>
        ))}
      </g>
    );
  };

  const drawing = edit?.mode === 'draw';
  return (
    <div
      ref={box}
      onDoubleClick={() => {
        if (drawing && edit && onEdit) onEdit(finishDrawing(edit));
      }}
      onMouseMove={(e) => {
        if (!drawing || !view.current || !box.current) return;
        const r = box.current.getBoundingClientRect();
        setHover(unproject(view.current, [e.clientX - r.left, e.clientY - r.top]));
      }}
      onMouseLeave={() => setHover(null)}
    >
      <GeoMap
        height={props.height ?? 560}
        points={points}
        polygons={polygons}
        fitKey={props.store?.id ?? 'none'}
        ariaLabel="配送区地图"
        cursor={drawing ? 'crosshair' : undefined}
        onMapClick={
          drawing && edit && onEdit
            ? (at) => onEdit(addVertex(edit, at, samePx))
            : edit && onEdit
              ? () => onEdit({ ...edit, selected: null })
              : undefined
        }
        overlay={overlay}
      />
    </div>
  );
}
