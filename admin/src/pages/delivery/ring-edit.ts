// The zone editor's ring operations, pure: vertices are added while drawing, dragged, inserted on an
// edge and removed; a ring never drops below three vertices once drawn.
import type { LngLat } from '../../map/projection';

export type EditMode = 'draw' | 'edit';

export interface RingEdit {
  mode: EditMode;
  /** Open ring (no closing copy), GCJ-02 [lng, lat]. */
  ring: LngLat[];
  selected: number | null;
}

/** While drawing: a click adds a vertex, unless it lands on the last one (the clicks of a double-click). */
export function addVertex(e: RingEdit, p: LngLat, samePx: (a: LngLat, b: LngLat) => boolean): RingEdit {
  const last = e.ring[e.ring.length - 1];
  if (last && samePx(last, p)) return e;
  return { ...e, ring: [...e.ring, p], selected: e.ring.length };
}

/** Ends drawing when there are at least three vertices; otherwise nothing changes. */
export function finishDrawing(e: RingEdit): RingEdit {
  return e.mode === 'draw' && e.ring.length >= 3 ? { ...e, mode: 'edit', selected: null } : e;
}

export function moveVertex(e: RingEdit, i: number, p: LngLat): RingEdit {
  return { ...e, ring: e.ring.map((q, k) => (k === i ? p : q)), selected: i };
}

/** Puts a vertex after vertex `i` (on edge i), answering the edit with it selected. */
export function insertVertex(e: RingEdit, i: number, p: LngLat): RingEdit {
  const ring = [...e.ring.slice(0, i + 1), p, ...e.ring.slice(i + 1)];
  return { ...e, ring, selected: i + 1 };
}

/** Removes vertex `i`; a drawn ring keeps at least three. */
export function removeVertex(e: RingEdit, i: number): RingEdit {
  if (i < 0 || i >= e.ring.length || (e.mode === 'edit' && e.ring.length <= 3)) return e;
  return { ...e, ring: e.ring.filter((_, k) => k !== i), selected: null };
}

/** The midpoint of edge i (vertex i to i+1, the last back to 0). */
export function midpoint(ring: readonly LngLat[], i: number): LngLat {
  const a = ring[i];
  const b = ring[(i + 1) % ring.length];
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}
