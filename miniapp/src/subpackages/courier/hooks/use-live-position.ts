import { useEffect } from 'react';
import { watchFix } from '../../../services/device-location';
import { reportCourierPosition } from '../../../services/courier';

/** Seconds between two position reports while the courier has stops to go. */
export const POSITION_EVERY_S = 15;

/**
 * While `active` (the courier has stops still to come), watches the device position and reports
 * it at most every POSITION_EVERY_S seconds, so waiting customers see where the courier is.
 */
export function useLivePosition(active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    let last = 0;
    const stop = watchFix(
      (fix) => {
        const now = Date.now();
        if (now - last < POSITION_EVERY_S * 1000) return;
        last = now;
        void reportCourierPosition(fix).catch(() => undefined); // a missed report is replaced by the next
      },
      () => undefined,
    );
    return stop;
  }, [active]);
}
