/**
 * Time-window data of a route segment (Vidal et al. 2013, "A hybrid genetic algorithm with
 * adaptive diversity management for a large class of vehicle routing problems with
 * time-windows"): minimum duration, unavoidable time warp (lateness that would have to be
 * "warped" away), and the earliest/latest start of the first service for that minimum duration.
 * Two segments concatenate in O(1), which makes every move evaluation O(1) once the route keeps
 * prefix and suffix segments. All values are in seconds.
 */
export interface TwSegment {
  durationS: number;
  timeWarpS: number;
  earliestS: number;
  latestS: number;
}

/** Segment of a single stop: service time and window [readyS, dueS], seconds. */
export function stopSegment(serviceS: number, readyS: number, dueS: number): TwSegment {
  return { durationS: serviceS, timeWarpS: 0, earliestS: readyS, latestS: dueS };
}

/** Segment `a` followed by segment `b`, with `travelS` from the last stop of `a` to the first of `b`. */
export function concatSegments(a: TwSegment, travelS: number, b: TwSegment): TwSegment {
  const delta = a.durationS - a.timeWarpS + travelS;
  const waitS = Math.max(b.earliestS - delta - a.latestS, 0);
  const warpS = Math.max(a.earliestS + delta - b.latestS, 0);
  return {
    durationS: a.durationS + b.durationS + travelS + waitS,
    timeWarpS: a.timeWarpS + b.timeWarpS + warpS,
    earliestS: Math.max(b.earliestS - delta, a.earliestS) - waitS,
    latestS: Math.min(b.latestS - delta, a.latestS) + warpS,
  };
}
