import { haversineM, outOfChina } from '../geo';

/** A position report: degrees and the instant the device took it. */
export interface PositionFix {
  lat: number;
  lng: number;
  at: Date;
}

/** Limits of a plausible report: speed in km/h, times in seconds, GPS slack in metres. */
export interface ReportCheckOptions {
  maxSpeedKmh?: number;
  maxFutureS?: number;
  maxAgeS?: number;
  /** Movement up to this many metres is never judged too fast: it is within GPS noise. */
  gpsSlackM?: number;
}

/** Why a report is not plausible. */
export type ReportFlag = 'FUTURE' | 'OUT_OF_ORDER' | 'STALE' | 'TOO_FAST' | 'OUT_OF_CHINA';

/** Verdict on one report. */
export type ReportCheck = { ok: true } | { ok: false; reason: ReportFlag };

const DEFAULTS: Required<ReportCheckOptions> = {
  maxSpeedKmh: 200,
  maxFutureS: 30,
  maxAgeS: 300,
  gpsSlackM: 50,
};

/**
 * Plausibility of report `next` received at `now`, after the user's previous accepted report `prev`:
 * not in the future (beyond maxFutureS seconds), not stale, not older than `prev`, not faster than
 * maxSpeedKmh km/h from it, and inside China.
 */
export function checkReport(
  prev: PositionFix | null,
  next: PositionFix,
  now: Date,
  opts: ReportCheckOptions = {},
): ReportCheck {
  const o = { ...DEFAULTS, ...opts };
  if (!Number.isFinite(next.lat) || !Number.isFinite(next.lng) || outOfChina(next)) {
    return { ok: false, reason: 'OUT_OF_CHINA' };
  }
  const ageS = (now.getTime() - next.at.getTime()) / 1000;
  if (ageS < -o.maxFutureS) return { ok: false, reason: 'FUTURE' };
  // An unreadable instant is as useless as an old one.
  if (!(ageS <= o.maxAgeS)) return { ok: false, reason: 'STALE' };
  if (!prev) return { ok: true };

  const dtS = (next.at.getTime() - prev.at.getTime()) / 1000;
  if (dtS < 0) return { ok: false, reason: 'OUT_OF_ORDER' };
  const movedM = haversineM(prev, next) - o.gpsSlackM;
  if (movedM <= 0) return { ok: true };
  // Same instant but clearly elsewhere is an infinite speed.
  const speedKmh = dtS === 0 ? Infinity : (movedM / dtS) * 3.6;
  return speedKmh > o.maxSpeedKmh ? { ok: false, reason: 'TOO_FAST' } : { ok: true };
}
