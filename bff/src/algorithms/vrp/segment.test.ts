import { Random } from './random';
import { concatSegments, stopSegment, type TwSegment } from './segment';

/** Straightforward simulation: depart at `start`, wait when early, warp back when late. */
function simulate(stops: { service: number; ready: number; due: number }[], travel: number[], start: number) {
  let t = Math.max(start, stops[0].ready);
  let warp = Math.max(0, t - stops[0].due);
  t = Math.min(t, stops[0].due) + stops[0].service;
  for (let i = 1; i < stops.length; i++) {
    const arrival = t + travel[i - 1];
    let begin = Math.max(arrival, stops[i].ready);
    if (begin > stops[i].due) {
      warp += begin - stops[i].due;
      begin = stops[i].due;
    }
    t = begin + stops[i].service;
  }
  return { end: t, warp };
}

describe('time-window segment concatenation', () => {
  it('adds waiting when the next window opens later', () => {
    const s = concatSegments(stopSegment(5, 0, 10), 3, stopSegment(2, 20, 30));
    expect(s).toEqual({ durationS: 5 + 3 + 2 + 2, timeWarpS: 0, earliestS: 10, latestS: 10 });
  });

  it('reports time warp when the next window is closed on arrival', () => {
    const s = concatSegments(stopSegment(5, 10, 10), 10, stopSegment(1, 0, 20));
    expect(s.timeWarpS).toBe(5);
    expect(s.durationS).toBe(16);
  });

  it('gives a latest start that keeps every window', () => {
    const s = concatSegments(stopSegment(1, 0, 100), 4, stopSegment(1, 0, 50));
    expect(s.latestS).toBe(45);
    expect(s.timeWarpS).toBe(0);
  });

  it('matches a step-by-step simulation on random routes, in any grouping', () => {
    const rng = new Random(7);
    for (let trial = 0; trial < 200; trial++) {
      const count = 2 + rng.int(6);
      const stops = Array.from({ length: count }, () => {
        const ready = rng.int(100);
        return { service: rng.int(10), ready, due: ready + rng.int(40) };
      });
      const travel = Array.from({ length: count - 1 }, () => rng.int(30));
      const segs = stops.map((s) => stopSegment(s.service, s.ready, s.due));
      let left: TwSegment = segs[0];
      for (let i = 1; i < count; i++) left = concatSegments(left, travel[i - 1], segs[i]);
      const cut = 1 + rng.int(count - 1);
      let head = segs[0];
      for (let i = 1; i < cut; i++) head = concatSegments(head, travel[i - 1], segs[i]);
      let tail = segs[cut];
      for (let i = cut + 1; i < count; i++) tail = concatSegments(tail, travel[i - 1], segs[i]);
      const grouped = concatSegments(head, travel[cut - 1], tail);
      expect(grouped.durationS).toBeCloseTo(left.durationS, 9);
      expect(grouped.timeWarpS).toBeCloseTo(left.timeWarpS, 9);
      // Starting at the earliest start of the segment reproduces its duration and warp.
      const run = simulate(stops, travel, left.earliestS);
      expect(run.warp).toBeCloseTo(left.timeWarpS, 9);
      expect(run.end - left.earliestS + run.warp).toBeCloseTo(left.durationS, 9);
    }
  });
});
