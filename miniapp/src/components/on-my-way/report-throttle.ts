import type { LatLng } from '@omni/shared-types';
import { haversineM } from '../../utils/geo';

/** A heartbeat report goes out after this many milliseconds even without movement. */
export const REPORT_INTERVAL_MS = 5_000;
/** Never two reports closer than this (the BFF allows 10 per 10 s). */
export const MIN_GAP_MS = 1_500;
/** Movement in metres that is worth a report before the heartbeat is due. */
export const MOVE_THRESHOLD_M = 30;
/** Pause after the BFF answered 429, in milliseconds. */
export const RATE_LIMIT_PAUSE_MS = 10_000;

/**
 * Decides when a position is worth sending: the first one at once, then on movement of
 * MOVE_THRESHOLD_M metres or every REPORT_INTERVAL_MS, never faster than MIN_GAP_MS, and not at
 * all during a pause after a 429. Times are epoch milliseconds passed in (no clock inside).
 */
export class ReportThrottle {
  private last: { point: LatLng; atMs: number } | null = null;
  private pausedUntilMs = 0;

  /** Whether `point`, seen at `nowMs`, should be reported now. */
  shouldSend(point: LatLng, nowMs: number): boolean {
    if (nowMs < this.pausedUntilMs) return false;
    if (!this.last) return true;
    const sinceMs = nowMs - this.last.atMs;
    if (sinceMs < MIN_GAP_MS) return false;
    if (sinceMs >= REPORT_INTERVAL_MS) return true;
    return haversineM(this.last.point, point) >= MOVE_THRESHOLD_M;
  }

  /** Records that `point` was sent at `nowMs`. */
  sent(point: LatLng, nowMs: number): void {
    this.last = { point, atMs: nowMs };
  }

  /** Holds every report back for `pauseMs` from `nowMs` (after a 429). */
  pause(nowMs: number, pauseMs = RATE_LIMIT_PAUSE_MS): void {
    this.pausedUntilMs = nowMs + pauseMs;
  }
}
