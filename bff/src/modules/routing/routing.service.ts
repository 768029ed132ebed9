import {
  OptimizeRequest,
  ROUTING_MAX_JOBS,
  ROUTING_MAX_TIME_LIMIT_S,
  ROUTING_MAX_VEHICLES,
  type LatLng,
  type OptimizeResponse,
  type RoutingLocation,
} from '@omni/shared-types';
import type { z } from 'zod';
import {
  VrpValidationError,
  type VrpProblem,
  type VrpSolution,
  type VrpSolveOptions,
} from '../../algorithms/vrp';
import type { GeoProvider } from '../../adapters/geo';
import { UnprocessableError, ValidationError } from '../../http/errors';
import { toFieldIssues } from '../../http/validate';
import type { Logger } from '../../logger';
import {
  distinctPoints,
  flatten,
  matrixSize,
  toOptimizeResponse,
  toVrpProblem,
  type PlaceMatrix,
} from './routing.problem';
import type { SolverPool } from './solver-pool';

const LIMIT_PATHS = new Set(['jobs', 'vehicles', 'options.timeLimitS']);
/** Largest caller matrix: every job and both ends of every vehicle at distinct places. */
const MAX_MATRIX = ROUTING_MAX_JOBS + 2 * ROUTING_MAX_VEHICLES;

/** Parses a `POST /routing/optimize` body: 422 ROUTING_LIMIT_EXCEEDED over the limits, else 400 ROUTING_INPUT_INVALID. */
export function parseOptimizeRequest(body: unknown): OptimizeRequest {
  const r = OptimizeRequest.safeParse(body);
  if (r.success) {
    const n = r.data.matrix?.durationS.length ?? 0;
    if (n > MAX_MATRIX) {
      throw new UnprocessableError('ROUTING_LIMIT_EXCEEDED', `矩阵最多 ${MAX_MATRIX} 行`, {
        fields: [{ path: 'matrix.durationS', message: `at most ${MAX_MATRIX} rows` }],
      });
    }
    return r.data;
  }
  const limit = r.error.issues.filter((i) => i.code === 'too_big' && LIMIT_PATHS.has(i.path.join('.')));
  if (limit.length) {
    throw new UnprocessableError(
      'ROUTING_LIMIT_EXCEEDED',
      `超出规划上限：最多 ${ROUTING_MAX_JOBS} 个任务、${ROUTING_MAX_VEHICLES} 辆车、${ROUTING_MAX_TIME_LIMIT_S} 秒`,
      { fields: toFieldIssues({ issues: limit } as z.ZodError) },
    );
  }
  const fields = toFieldIssues(r.error);
  throw new ValidationError(
    `路线规划参数无效: ${fields.map((f) => f.path).join(', ')}`,
    fields,
    'ROUTING_INPUT_INVALID',
  );
}

/** Generic VRPTW solving: coordinates become an e-bike matrix from the geo provider; solves run in the worker. */
export class RoutingService {
  constructor(private readonly deps: { geo: GeoProvider; pool: SolverPool; log: Logger }) {}

  /** Solves a parsed request (see `parseOptimizeRequest`); times in the request's seconds, distances in metres. */
  async optimize(req: OptimizeRequest): Promise<OptimizeResponse> {
    const started = performance.now();
    let matrix: PlaceMatrix;
    let points: LatLng[] | null = null;
    let indexOf: (l: RoutingLocation) => number = (l) => l as number;
    if (req.matrix) {
      const size = matrixSize(req, req.matrix.durationS.length);
      matrix = {
        size,
        durationS: flatten(req.matrix.durationS, size),
        distanceM: flatten(req.matrix.distanceM ?? req.matrix.durationS, size),
      };
    } else {
      const d = distinctPoints(req);
      points = d.points;
      indexOf = d.indexOf;
      matrix = await this.travel(points, matrixSize(req, points.length));
    }
    const solution = await this.solve(
      toVrpProblem(req, matrix, indexOf),
      {
        timeLimitMs: Math.round((req.options?.timeLimitS ?? 5) * 1000),
        seed: req.options?.seed,
        objective: req.options?.objective,
      },
      true,
    );
    return toOptimizeResponse(req, solution, points, indexOf, performance.now() - started);
  }

  /**
   * E-bike travel between `points` from the geo provider, a block of origins at a time with a
   * yield in between, so thousands of places never hold the event loop for long.
   */
  private async travel(points: LatLng[], size: number): Promise<PlaceMatrix> {
    const durationS = new Float64Array(size * size);
    const distanceM = new Float64Array(size * size);
    const block = Math.max(1, Math.floor(200_000 / Math.max(1, points.length)));
    for (let from = 0; from < points.length; from += block) {
      const m = await this.deps.geo.matrix(points.slice(from, from + block), points, 'ebike');
      m.durationS.forEach((row, i) => durationS.set(row, (from + i) * size));
      m.distanceM.forEach((row, i) => distanceM.set(row, (from + i) * size));
      await new Promise((ok) => setImmediate(ok));
    }
    return { size, durationS, distanceM };
  }

  /** Whether the solver is busy and how many solves wait (for health and tests). */
  stats(): { running: boolean; queued: number } {
    return this.deps.pool.stats();
  }

  /**
   * Solves a solver-level problem off the event loop; invalid input becomes 400 ROUTING_INPUT_INVALID.
   * With `handOver`, flat matrices move to the worker without a copy (the caller must not reuse them).
   */
  async solve(
    problem: VrpProblem,
    options: Omit<VrpSolveOptions, 'now'>,
    handOver = false,
  ): Promise<VrpSolution> {
    try {
      return await this.deps.pool.solve(problem, options, handOver);
    } catch (err) {
      if (!(err instanceof VrpValidationError)) throw err;
      throw new ValidationError(
        '路线规划参数无效',
        err.errors.map((e) => ({ path: e.field, message: e.message })),
        'ROUTING_INPUT_INVALID',
      );
    }
  }
}
