import { evaluateFence, type FenceConfig, type FenceEvent, type FenceState } from './geofence';

const FENCE: FenceConfig = { radiusM: 300, hysteresisM: 50, dwellS: 120, cooldownS: 600, staleS: 3600 };
const T0 = Date.parse('2026-11-25T02:00:00Z');

/** Feeds [secondsAfterT0, distanceM] reports through the fence and collects the events with their times. */
function run(
  reports: Array<[number, number]>,
  fence: FenceConfig = FENCE,
): { events: Array<[number, FenceEvent]>; state: FenceState | null } {
  let state: FenceState | null = null;
  const events: Array<[number, FenceEvent]> = [];
  for (const [s, distanceM] of reports) {
    const out = evaluateFence(state, distanceM, fence, new Date(T0 + s * 1000));
    state = out.state;
    for (const e of out.events) events.push([s, e]);
  }
  return { events, state };
}

describe('evaluateFence', () => {
  it('raises enter once when a customer walks in from afar', () => {
    const approach: Array<[number, number]> = [1200, 900, 600, 400, 310, 290, 200, 100].map((d, i) => [
      i * 10,
      d,
    ]);
    expect(run(approach).events).toEqual([[50, 'enter']]);
  });

  it('counts exactly the radius as inside', () => {
    expect(run([[0, 300]]).events).toEqual([[0, 'enter']]);
    expect(run([[0, 300.01]]).events).toEqual([]);
  });

  it('raises a single enter for a position jittering ±20 m around the 300 m boundary', () => {
    const alternating: Array<[number, number]> = Array.from({ length: 20 }, (_, i) => [
      i * 5,
      i % 2 ? 280 : 320,
    ]);
    expect(run(alternating).events).toEqual([[5, 'enter']]);
    const offsetsM = [18, -3, 20, -20, 7, 12, -15, 20, -9, 1, 19, -20, 4, -1, 16, -12, 20, -6, 11, -17];
    const irregular = offsetsM.map((o, i): [number, number] => [i * 5, 300 + o]);
    expect(run(irregular).events).toEqual([[5, 'enter']]);
  });

  it('stays inside within the hysteresis band and leaves beyond it', () => {
    expect(
      run([
        [0, 250],
        [10, 349],
        [20, 350],
        [30, 351],
      ]).events,
    ).toEqual([
      [0, 'enter'],
      [30, 'exit'],
    ]);
  });

  it('raises dwell once after staying dwellS seconds without a break', () => {
    const staying: Array<[number, number]> = Array.from({ length: 10 }, (_, i) => [i * 30, 100]);
    expect(run(staying).events).toEqual([
      [0, 'enter'],
      [120, 'dwell'],
    ]);
  });

  it('raises enter and dwell together when dwellS is zero', () => {
    expect(run([[0, 10]], { ...FENCE, dwellS: 0 }).events).toEqual([
      [0, 'enter'],
      [0, 'dwell'],
    ]);
  });

  it('resumes a visit silently when the customer comes back within the cool-down', () => {
    expect(
      run([
        [0, 100],
        [60, 500],
        [120, 100],
        [180, 500],
        [240, 100],
      ]).events,
    ).toEqual([
      [0, 'enter'],
      [60, 'exit'],
    ]);
  });

  it('raises dwell in a resumed visit once the customer stays long enough', () => {
    expect(
      run([
        [0, 100],
        [60, 500],
        [120, 100],
        [200, 100],
        [240, 100],
      ]).events,
    ).toEqual([
      [0, 'enter'],
      [60, 'exit'],
      [240, 'dwell'],
    ]);
  });

  it('raises enter again when the customer comes back after the cool-down', () => {
    expect(
      run([
        [0, 100],
        [60, 500],
        [60 + 601, 100],
      ]).events,
    ).toEqual([
      [0, 'enter'],
      [60, 'exit'],
      [661, 'enter'],
    ]);
  });

  it('measures the cool-down from the last exit, so repeated wide swings stay quiet', () => {
    const swings: Array<[number, number]> = Array.from({ length: 12 }, (_, i) => [
      i * 120,
      i % 2 ? 500 : 100,
    ]);
    expect(run(swings).events).toEqual([
      [0, 'enter'],
      [120, 'exit'],
    ]);
  });

  it('ignores a report older than the last one', () => {
    const { state } = run([
      [100, 100],
      [50, 900],
    ]);
    expect(state).toMatchObject({ inside: true, lastAt: new Date(T0 + 100_000).toISOString() });
  });

  it('forgets a state older than staleS, so the next day raises enter again', () => {
    expect(
      run([
        [0, 100],
        [86_400, 100],
      ]).events,
    ).toEqual([
      [0, 'enter'],
      [86_400, 'enter'],
    ]);
  });

  it('keeps a state that survives a JSON round trip', () => {
    const first = evaluateFence(null, 100, FENCE, new Date(T0));
    const stored = JSON.parse(JSON.stringify(first.state)) as FenceState;
    expect(evaluateFence(stored, 100, FENCE, new Date(T0 + 121_000)).events).toEqual(['dwell']);
  });
});
