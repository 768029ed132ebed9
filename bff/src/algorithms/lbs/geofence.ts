/** A circular fence around a store: radii in metres, durations in seconds. */
export interface FenceConfig {
  /** Inside when the distance is at most this many metres. */
  radiusM: number;
  /** Only outside again beyond radiusM + hysteresisM metres, so boundary jitter is ignored. */
  hysteresisM: number;
  /** `dwell` fires once per visit after this many seconds inside without a break. */
  dwellS: number;
  /** A re-entry within this many seconds of an exit resumes the visit silently. */
  cooldownS: number;
  /** A previous state older than this many seconds is forgotten (the app stopped reporting). */
  staleS: number;
}

/** Fence state of one user and one store fence, plain JSON (ISO-8601 instants) for the database. */
export interface FenceState {
  inside: boolean;
  /** When the user last came inside; dwell counts from here. */
  enteredAt: string | null;
  /** Last time the user went outside. */
  exitedAt: string | null;
  dwellFired: boolean;
  /** Whether this visit's exit was already announced, so a resumed visit leaves silently. */
  exitFired: boolean;
  /** Instant of the last report evaluated. */
  lastAt: string;
}

/** What a fence can raise for one report. */
export type FenceEvent = 'enter' | 'dwell' | 'exit';

/** Fence defaults for a pickup arrival: 300 m radius, 50 m hysteresis, 2 min dwell, 10 min cool-down, 1 h stale. */
export const PICKUP_FENCE: FenceConfig = {
  radiusM: 300,
  hysteresisM: 50,
  dwellS: 120,
  cooldownS: 600,
  staleS: 3600,
};

const msOf = (iso: string | null): number => (iso === null ? NaN : Date.parse(iso));

/**
 * Next fence state and the events raised by one report `distanceM` metres from the store at `at`;
 * a report older than the state's last one changes nothing.
 */
export function evaluateFence(
  prev: FenceState | null,
  distanceM: number,
  fence: FenceConfig,
  at: Date,
): { state: FenceState; events: FenceEvent[] } {
  const atMs = at.getTime();
  const lastAt = at.toISOString();
  if (prev && atMs < msOf(prev.lastAt)) return { state: prev, events: [] };
  const known = prev && atMs - msOf(prev.lastAt) <= fence.staleS * 1000 ? prev : null;
  const events: FenceEvent[] = [];
  let state: FenceState = known
    ? { ...known, lastAt }
    : { inside: false, enteredAt: null, exitedAt: null, dwellFired: false, exitFired: false, lastAt };

  if (!state.inside && distanceM <= fence.radiusM) {
    const sinceExitMs = atMs - msOf(state.exitedAt);
    if (sinceExitMs < fence.cooldownS * 1000) {
      // Back soon after leaving: the same visit, already announced; the dwell clock restarts.
      state = { ...state, inside: true, enteredAt: lastAt };
    } else {
      state = { ...state, inside: true, enteredAt: lastAt, dwellFired: false, exitFired: false };
      events.push('enter');
    }
  } else if (state.inside && distanceM > fence.radiusM + fence.hysteresisM) {
    if (!state.exitFired) events.push('exit');
    state = { ...state, inside: false, exitedAt: lastAt, exitFired: true };
  }

  if (state.inside && !state.dwellFired && atMs - msOf(state.enteredAt) >= fence.dwellS * 1000) {
    state = { ...state, dwellFired: true };
    events.push('dwell');
  }
  return { state, events };
}
