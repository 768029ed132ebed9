import { checkSolution } from '../../../bff/src/algorithms/vrp/check-solution';
import { solve } from '../../../bff/src/algorithms/vrp/solve';
import { familyOf, signedPercent, summarise } from './report';
import { parseSolomon, solomonToProblem } from './solomon';

const FILE = `C999

VEHICLE
NUMBER     CAPACITY
  2         10

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

    0      0          0          0          0        100          0
    1      3          4          6          0         50          5
    2      6          8          6         20         60          5
`;

describe('Solomon files', () => {
  it('reads fleet and customers, and keeps Euclidean travel in double precision', () => {
    const instance = parseSolomon(FILE);
    expect(instance).toMatchObject({ name: 'C999', vehicles: 2, capacity: 10 });
    expect(instance.rows.map((r) => r.id)).toEqual([0, 1, 2]);
    const problem = solomonToProblem(instance);
    expect(problem.vehicles).toHaveLength(2);
    expect(problem.jobs[1]).toEqual({ location: 2, demand: 6, serviceS: 5, timeWindowS: [20, 60] });
    expect((problem.durationS as Float64Array)[0 * 3 + 2]).toBe(10);
  });

  it('is solved with one route per job when capacity allows only one each', () => {
    const problem = solomonToProblem(parseSolomon(FILE));
    const solution = solve(problem, { timeLimitMs: 50, maxIterations: 5 });
    expect(solution.routes).toHaveLength(2);
    expect(solution.distanceM).toBeCloseTo(10 + 20, 9);
    expect(checkSolution(problem, solution)).toEqual([]);
  });

  it('rejects text that is not a Solomon file', () => {
    expect(() => parseSolomon('hello\n1 2 3')).toThrow(/not a Solomon file/);
  });
});

describe('benchmark report', () => {
  it('groups instances by family and summarises gaps', () => {
    expect(['c101', 'c208', 'r112', 'r211', 'rc101', 'rc208', 'x1'].map(familyOf)).toEqual([
      'C1',
      'C2',
      'R1',
      'R2',
      'RC1',
      'RC2',
      null,
    ]);
    expect(signedPercent(-0.001)).toBe('+0.00%');
    const result = (instance: string, distance: number) => ({
      instance,
      vehicles: 1,
      distance,
      seconds: 1,
      unassigned: 0,
      iterations: 1,
      routes: [],
      violations: [],
    });
    const best = new Map([
      ['c101', 100],
      ['r101', 100],
      ['r102', 100],
    ]);
    const lines = summarise([result('c101', 100), result('r101', 102), result('r102', 104)], best, 3);
    expect(lines[1]).toContain('mean +2.00%, median +2.00%, worst +4.00% (r102)');
    expect(lines[1]).toContain('C1 +0.00%, R1 +3.00%');
  });
});
