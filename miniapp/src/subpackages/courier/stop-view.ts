import type { CourierStop, StopStatus } from '@omni/shared-types';
import type { QueuedAction } from '../../services/offline-queue';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as Shanghai `HH:mm`. */
export function clockTime(iso: string): string {
  const d = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A delivery window as `14:00-16:00` (Shanghai). */
export function windowLabel(stop: Pick<CourierStop, 'windowStart' | 'windowEnd'>): string {
  return `${clockTime(stop.windowStart)}-${clockTime(stop.windowEnd)}`;
}

/** Chinese labels of stop states. */
export const STOP_STATUS_TEXT: Record<StopStatus, string> = {
  pending: '待配送',
  arrived: '已到达',
  delivered: '已送达',
  failed: '配送失败',
};

/** A stop as the courier should see it now: the BFF's state with the taps still on the device applied. */
export interface StopView extends CourierStop {
  /** Actions of this stop not yet synced. */
  unsynced: number;
}

const AFTER: Record<QueuedAction['kind'], StopStatus> = {
  arrive: 'arrived',
  deliver: 'delivered',
  fail: 'failed',
};

/** Applies queued actions over the BFF's stops (a finished stop stays finished). */
export function withPending(stops: CourierStop[], pending: QueuedAction[]): StopView[] {
  return stops.map((stop) => {
    const mine = pending.filter((a) => a.stopId === stop.stopId);
    let status = stop.status;
    for (const a of mine) {
      if (status === 'delivered' || status === 'failed') break;
      status = AFTER[a.kind];
    }
    return { ...stop, status, unsynced: mine.length };
  });
}

/** Whether the ETA falls after the window's end (the courier will be late). */
export function isLate(stop: Pick<CourierStop, 'etaAt' | 'windowEnd'>): boolean {
  return Date.parse(stop.etaAt) > Date.parse(stop.windowEnd);
}
