import type { LngLat } from '../../map/projection';
import {
  addVertex,
  finishDrawing,
  insertVertex,
  midpoint,
  moveVertex,
  removeVertex,
  type RingEdit,
} from './ring-edit';

const same = (a: LngLat, b: LngLat) => Math.hypot(a[0] - b[0], a[1] - b[1]) < 0.001;
const tri: LngLat[] = [
  [0, 0],
  [1, 0],
  [0, 1],
];

describe('the zone ring editor', () => {
  it('adds clicked vertices while drawing, ignoring the second click of a double-click', () => {
    let e: RingEdit = { mode: 'draw', ring: [], selected: null };
    e = addVertex(e, [0, 0], same);
    e = addVertex(e, [1, 0], same);
    e = addVertex(e, [1.0001, 0], same);
    expect(e.ring).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it('closes a drawing of three or more vertices only', () => {
    const two: RingEdit = { mode: 'draw', ring: tri.slice(0, 2), selected: 1 };
    expect(finishDrawing(two)).toBe(two);
    expect(finishDrawing({ ...two, ring: tri })).toEqual({ mode: 'edit', ring: tri, selected: null });
  });

  it('moves, inserts on an edge and removes vertices, keeping three once drawn', () => {
    const e: RingEdit = { mode: 'edit', ring: tri, selected: null };
    expect(moveVertex(e, 1, [2, 0]).ring[1]).toEqual([2, 0]);
    const four = insertVertex(e, 0, midpoint(tri, 0));
    expect(four.ring).toEqual([
      [0, 0],
      [0.5, 0],
      [1, 0],
      [0, 1],
    ]);
    expect(four.selected).toBe(1);
    expect(removeVertex(four, 1).ring).toEqual(tri);
    expect(removeVertex(e, 0)).toBe(e);
    expect(midpoint(tri, 2)).toEqual([0, 0.5]);
  });
});
