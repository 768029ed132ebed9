import type { CourierStop } from '@omni/shared-types';
import type { QueuedAction } from '../../services/offline-queue';
import { clockTime, isLate, windowLabel, withPending } from './stop-view';
import { courierStop } from './test-fixtures';

const queued = (stopId: number, kind: QueuedAction['kind']): QueuedAction =>
  ({
    kind,
    stopId,
    clientEventId: `evt-${kind}-${stopId}`,
    queuedAtMs: 0,
    ...(kind === 'fail' ? { reason: 'x' } : {}),
    ...(kind === 'deliver' ? { proof: { type: 'code', code: '1234' } } : {}),
  }) as QueuedAction;

describe('stop view', () => {
  it('shows windows and ETAs in Shanghai time', () => {
    const stop = courierStop({
      windowStart: '2026-11-26T06:00:00.000Z',
      windowEnd: '2026-11-26T08:00:00.000Z',
    });
    expect(windowLabel(stop)).toBe('14:00-16:00');
    expect(clockTime('2026-11-26T07:05:00.000Z')).toBe('15:05');
  });

  it('flags an ETA after the window as late', () => {
    expect(isLate(courierStop({ etaAt: '2026-11-26T08:01:00.000Z' }))).toBe(true);
    expect(isLate(courierStop({ etaAt: '2026-11-26T07:59:00.000Z' }))).toBe(false);
  });

  it('applies actions still on the device over what the BFF said, and counts them', () => {
    const stops: CourierStop[] = [
      courierStop({ stopId: 1 }),
      courierStop({ stopId: 2 }),
      courierStop({ stopId: 3 }),
    ];
    const views = withPending(stops, [queued(1, 'arrive'), queued(1, 'deliver'), queued(2, 'arrive')]);
    expect(views.map((v) => [v.status, v.unsynced])).toEqual([
      ['delivered', 2],
      ['arrived', 1],
      ['pending', 0],
    ]);
  });

  it('never reopens a stop the BFF already finished', () => {
    const [view] = withPending([courierStop({ stopId: 1, status: 'delivered' })], [queued(1, 'fail')]);
    expect(view.status).toBe('delivered');
  });
});
