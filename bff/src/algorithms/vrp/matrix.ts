import type { VrpMatrix } from './types';

/** Number of rows of a square matrix (flat arrays: square root of the length), or -1 when not square. */
export function matrixSize(matrix: VrpMatrix): number {
  if (matrix instanceof Float64Array) {
    const n = Math.round(Math.sqrt(matrix.length));
    return n * n === matrix.length ? n : -1;
  }
  const n = matrix.length;
  for (const row of matrix) if (!Array.isArray(row) || row.length !== n) return -1;
  return n;
}

/** Copies a square matrix into a flat row-major `Float64Array` (same units as the input). */
export function toFlatMatrix(matrix: VrpMatrix): Float64Array {
  if (matrix instanceof Float64Array) return matrix;
  const n = matrix.length;
  const flat = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) flat[i * n + j] = matrix[i][j];
  return flat;
}

/** Euclidean distances between points in double precision, as a flat row-major matrix (point units). */
export function euclideanMatrix(points: ReadonlyArray<{ x: number; y: number }>): Float64Array {
  const n = points.length;
  const flat = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = Math.hypot(points[i].x - points[j].x, points[i].y - points[j].y);
      flat[i * n + j] = d;
      flat[j * n + i] = d;
    }
  }
  return flat;
}
