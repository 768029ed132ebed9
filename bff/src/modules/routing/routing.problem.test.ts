import type { OptimizeRequest } from '@omni/shared-types';
import { distinctPoints, flatten, matrixSize, toVrpProblem } from './routing.problem';

describe('toVrpProblem', () => {
  const req: OptimizeRequest = {
    vehicles: [
      { id: 'closed', start: 0, end: 0, capacity: 5, shift: [100, 900] },
      { id: 'open', start: 1 },
    ],
    jobs: [
      { id: 'a', location: 1, demand: 2, serviceS: 30, window: [200, 400] },
      { id: 'b', location: 2, demand: 3 },
    ],
    matrix: {
      durationS: [
        [0, 10, 20],
        [10, 0, 10],
        [20, 10, 0],
      ],
    },
  };

  it('ends an open route at a spare place every place reaches for free', () => {
    const size = matrixSize(req, 3);
    expect(size).toBe(4);
    const p = toVrpProblem(
      req,
      {
        size,
        durationS: flatten(req.matrix!.durationS, size),
        distanceM: flatten(req.matrix!.durationS, size),
      },
      (l) => l as number,
    );
    expect(p.vehicles[1].endLocation).toBe(3);
    expect(p.vehicles[0].endLocation).toBe(0);
    for (let i = 0; i < 4; i++) expect((p.durationS as Float64Array)[i * 4 + 3]).toBe(0);
  });

  it('fills missing windows, shifts and capacity so they never bind', () => {
    const size = matrixSize(req, 3);
    const m = flatten(req.matrix!.durationS, size);
    const p = toVrpProblem(req, { size, durationS: m, distanceM: m }, (l) => l as number);
    const horizon = p.jobs[1].timeWindowS[1];
    expect(horizon).toBeGreaterThan(900 + 30 + 20 * 3);
    expect(p.jobs[1]).toMatchObject({ demand: 3, serviceS: 0, timeWindowS: [0, horizon] });
    expect(p.vehicles[1]).toMatchObject({ capacity: 5, shiftS: [0, horizon] });
    expect(p.vehicles[0]).toMatchObject({ capacity: 5, shiftS: [100, 900] });
  });

  it('numbers each distinct coordinate once', () => {
    const here = { lat: 31.2, lng: 121.4 };
    const { points, indexOf } = distinctPoints({
      vehicles: [{ id: 1, start: here, end: here }],
      jobs: [
        { id: 2, location: { lat: 31.21, lng: 121.4 } },
        { id: 3, location: here },
      ],
    });
    expect(points).toHaveLength(2);
    expect(indexOf(here)).toBe(0);
  });
});
