import { solve } from '../../algorithms/vrp';
import { buildDispatchProblem, type DispatchInput } from './dispatch.problem';

/** Places on a line, 100 s (and 100 m) apart per unit: store 0, courier 7's position, two parcels. */
function line(xs: number[]): number[][] {
  return xs.map((a) => xs.map((b) => Math.abs(a - b) * 100));
}

describe('buildDispatchProblem', () => {
  const base = (): DispatchInput => {
    const m = line([0, 5, 6, 1]); // 0 store, 1 courier 7 on the road, 2 its parcel, 3 a new order
    return {
      durationS: m,
      distanceM: m,
      serviceS: 60,
      vehicles: [
        { courierId: 7, capacityL: 50, startIndex: 1, startS: 0, shiftEndS: 10_000 },
        { courierId: 8, capacityL: 50, startIndex: 0, startS: 0, shiftEndS: 10_000 },
      ],
      jobs: [
        { orderId: 1, index: 2, demandL: 1, windowS: [0, 10_000], boundTo: 7 },
        { orderId: 2, index: 3, demandL: 1, windowS: [0, 10_000], boundTo: null },
      ],
      ownerOf: new Map([
        [1, 7],
        [2, 7],
      ]),
    };
  };

  it('lets only the courier carrying a parcel deliver it, and sends new orders to couriers at the store', () => {
    const s = solve(buildDispatchProblem(base(), 0), { timeLimitMs: 50, seed: 1 });
    expect(s.unassigned).toEqual([]);
    const jobsOf = (v: number) => s.routes.find((r) => r.vehicle === v)?.jobs ?? [];
    expect(jobsOf(0)).toEqual([0]);
    expect(jobsOf(1)).toEqual([1]);
  });

  it('cannot give a carried parcel to another courier even when that courier is closer', () => {
    const input = base();
    input.vehicles = [input.vehicles[1]]; // only courier 8, who does not hold the parcel
    const s = solve(buildDispatchProblem(input, 0), { timeLimitMs: 50, seed: 1 });
    expect(s.unassigned.map((u) => u.job)).toEqual([0]);
  });

  it('widens a window that can no longer be met to the end of the last shift', () => {
    const input = base();
    input.jobs[1].windowS = [0, 300];
    const p = buildDispatchProblem(input, 1000);
    expect(p.jobs[1].timeWindowS).toEqual([0, 10_000]);
    expect(p.jobs[0].timeWindowS).toEqual([0, 10_000]);
  });
});
