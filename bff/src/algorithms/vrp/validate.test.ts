import { solve } from './solve';
import { planeProblem } from './test-helpers';
import type { VrpProblem } from './types';
import { validateProblem, VrpValidationError } from './validate';

const valid = planeProblem(
  [
    { x: 0, y: 0 },
    { x: 3, y: 4 },
  ],
  [{ demand: 1 }],
  [{}],
);

const fieldsOf = (p: VrpProblem): string[] => validateProblem(p).map((e) => e.field);

describe('validateProblem', () => {
  it('accepts a well-formed problem', () => {
    expect(validateProblem(valid)).toEqual([]);
  });

  it.each<[string, (p: VrpProblem) => VrpProblem, string]>([
    [
      'window ending before it starts',
      (p) => ({ ...p, jobs: [{ ...p.jobs[0], timeWindowS: [10, 5] }] }),
      'jobs.0.timeWindowS',
    ],
    ['negative demand', (p) => ({ ...p, jobs: [{ ...p.jobs[0], demand: -1 }] }), 'jobs.0.demand'],
    ['negative service time', (p) => ({ ...p, jobs: [{ ...p.jobs[0], serviceS: -5 }] }), 'jobs.0.serviceS'],
    ['NaN demand', (p) => ({ ...p, jobs: [{ ...p.jobs[0], demand: NaN }] }), 'jobs.0.demand'],
    [
      'location outside the matrix',
      (p) => ({ ...p, jobs: [{ ...p.jobs[0], location: 7 }] }),
      'jobs.0.location',
    ],
    [
      'shift ending before it starts',
      (p) => ({ ...p, vehicles: [{ ...p.vehicles[0], shiftS: [9, 1] }] }),
      'vehicles.0.shiftS',
    ],
    ['no vehicles', (p) => ({ ...p, vehicles: [] }), 'vehicles'],
    ['non-square matrix', (p) => ({ ...p, durationS: [[0, 1], [1]] }), 'durationS'],
    [
      'negative matrix entry',
      (p) => ({
        ...p,
        durationS: [
          [0, -1],
          [1, 0],
        ],
      }),
      'durationS.0.1',
    ],
    [
      'NaN matrix entry',
      (p) => ({
        ...p,
        durationS: [
          [0, 1],
          [NaN, 0],
        ],
      }),
      'durationS.1.0',
    ],
    ['distance matrix of another size', (p) => ({ ...p, distanceM: [[0]] }), 'distanceM'],
  ])('reports %s', (_, mutate, field) => {
    expect(fieldsOf(mutate(valid))).toContain(field);
  });

  it('lets solve throw a VrpValidationError listing the fields', () => {
    const bad = { ...valid, jobs: [{ ...valid.jobs[0], demand: -1, serviceS: -1 }] };
    expect(() => solve(bad, { timeLimitMs: 10 })).toThrow(VrpValidationError);
    try {
      solve(bad, { timeLimitMs: 10 });
    } catch (error) {
      expect((error as VrpValidationError).errors.map((e) => e.field)).toEqual([
        'jobs.0.demand',
        'jobs.0.serviceS',
      ]);
    }
  });
});
