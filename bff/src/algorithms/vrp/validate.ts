import { matrixSize } from './matrix';
import type { VrpFieldError, VrpMatrix, VrpProblem } from './types';

/**
 * Checks a problem before solving and lists every field error (empty list = valid): windows
 * ending before they start, negative or non-finite demands, service times, capacities, bad
 * location indices, and matrices that are not square, negative or NaN. Infinity in a matrix is
 * allowed and means "unreachable".
 */
export function validateProblem(problem: VrpProblem): VrpFieldError[] {
  const errors: VrpFieldError[] = [];
  const add = (field: string, message: string): void => {
    errors.push({ field, message });
  };
  const size = checkMatrix(problem.durationS, 'durationS', add);
  if (problem.distanceM !== undefined) {
    const distanceSize = checkMatrix(problem.distanceM, 'distanceM', add);
    if (size >= 0 && distanceSize >= 0 && distanceSize !== size) {
      add('distanceM', `must have the same size as durationS (${size}), got ${distanceSize}`);
    }
  }
  const checkLocation = (field: string, value: number): void => {
    if (!Number.isInteger(value) || value < 0 || (size >= 0 && value >= size)) {
      add(field, `must be an integer location index in [0, ${size})`);
    }
  };
  const checkNonNegative = (field: string, value: number): void => {
    if (!Number.isFinite(value) || value < 0) add(field, 'must be a finite number >= 0');
  };
  const checkWindow = (field: string, window: [number, number]): void => {
    if (!Array.isArray(window) || window.length !== 2 || window.some((t) => Number.isNaN(t))) {
      add(field, 'must be [start, end] numbers');
    } else if (window[1] < window[0]) {
      add(field, 'end must not be before start');
    }
  };

  if (!Array.isArray(problem.jobs)) add('jobs', 'must be an array');
  if (!Array.isArray(problem.vehicles) || problem.vehicles.length === 0) {
    add('vehicles', 'must be a non-empty array');
  }
  (problem.jobs ?? []).forEach((job, i) => {
    checkLocation(`jobs.${i}.location`, job.location);
    checkNonNegative(`jobs.${i}.demand`, job.demand);
    checkNonNegative(`jobs.${i}.serviceS`, job.serviceS);
    checkWindow(`jobs.${i}.timeWindowS`, job.timeWindowS);
  });
  (problem.vehicles ?? []).forEach((vehicle, i) => {
    checkNonNegative(`vehicles.${i}.capacity`, vehicle.capacity);
    checkLocation(`vehicles.${i}.startLocation`, vehicle.startLocation);
    checkLocation(`vehicles.${i}.endLocation`, vehicle.endLocation);
    checkWindow(`vehicles.${i}.shiftS`, vehicle.shiftS);
    if (vehicle.maxDurationS !== undefined)
      checkNonNegative(`vehicles.${i}.maxDurationS`, vehicle.maxDurationS);
    if (vehicle.fixedCost !== undefined) checkNonNegative(`vehicles.${i}.fixedCost`, vehicle.fixedCost);
  });
  return errors;
}

function checkMatrix(
  matrix: VrpMatrix,
  field: string,
  add: (field: string, message: string) => void,
): number {
  if (!(matrix instanceof Float64Array) && !Array.isArray(matrix)) {
    add(field, 'must be a square matrix');
    return -1;
  }
  const size = matrixSize(matrix);
  if (size < 0) {
    add(field, 'must be square');
    return -1;
  }
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const value = matrix instanceof Float64Array ? matrix[i * size + j] : matrix[i][j];
      if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
        add(`${field}.${i}.${j}`, 'must be a number >= 0 (Infinity means unreachable)');
        return size;
      }
    }
  }
  return size;
}

/** Thrown by `solve` for an invalid problem; `errors` lists every offending field. */
export class VrpValidationError extends Error {
  constructor(readonly errors: VrpFieldError[]) {
    super(`invalid routing problem: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
    this.name = 'VrpValidationError';
  }
}
