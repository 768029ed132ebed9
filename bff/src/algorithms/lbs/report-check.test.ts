import { destinationPoint } from '../geo';
import { checkReport, type PositionFix, type ReportCheck } from './report-check';

const NOW = new Date('2026-11-25T04:00:00Z');
const PEOPLES_SQUARE = { lat: 31.2304, lng: 121.4737 };
const secondsAgo = (s: number): Date => new Date(NOW.getTime() - s * 1000);
const fix = (metresEast: number, s: number): PositionFix => ({
  ...destinationPoint(PEOPLES_SQUARE, metresEast, 90),
  at: secondsAgo(s),
});

type Case = [string, PositionFix | null, PositionFix, ReportCheck];

describe('checkReport', () => {
  it.each<Case>([
    ['accepts a first fresh report', null, fix(0, 5), { ok: true }],
    ['accepts walking pace', fix(0, 65), fix(80, 5), { ok: true }],
    ['accepts a report a few seconds ahead of the server clock', null, fix(0, -30), { ok: true }],
    ['flags a report from the future', null, fix(0, -31), { ok: false, reason: 'FUTURE' }],
    ['accepts a report exactly maxAgeS old', null, fix(0, 300), { ok: true }],
    ['flags a stale report', null, fix(0, 301), { ok: false, reason: 'STALE' }],
    [
      'flags a report older than the previous one',
      fix(0, 10),
      fix(10, 20),
      { ok: false, reason: 'OUT_OF_ORDER' },
    ],
    // 10 km in 60 s is 600 km/h.
    ['flags a jump too fast to travel', fix(0, 65), fix(10_000, 5), { ok: false, reason: 'TOO_FAST' }],
    // 3 km in 60 s is 180 km/h: a maglev, not a teleport.
    ['accepts 180 km/h', fix(0, 65), fix(3_000, 5), { ok: true }],
    ['accepts GPS noise between two reports of the same second', fix(0, 5), fix(30, 5), { ok: true }],
    ['flags being elsewhere at the same second', fix(0, 5), fix(500, 5), { ok: false, reason: 'TOO_FAST' }],
    [
      'flags a point far outside China',
      null,
      { lat: 48.8566, lng: 2.3522, at: secondsAgo(1) },
      { ok: false, reason: 'OUT_OF_CHINA' },
    ],
    [
      'flags a null-island point',
      null,
      { lat: 0, lng: 0, at: secondsAgo(1) },
      { ok: false, reason: 'OUT_OF_CHINA' },
    ],
    [
      'flags coordinates that are not numbers',
      null,
      { lat: NaN, lng: 121, at: secondsAgo(1) },
      { ok: false, reason: 'OUT_OF_CHINA' },
    ],
    [
      'flags an unreadable instant as stale',
      null,
      { ...PEOPLES_SQUARE, at: new Date(NaN) },
      { ok: false, reason: 'STALE' },
    ],
  ])('%s', (_name, prev, next, expected) => {
    expect(checkReport(prev, next, NOW)).toEqual(expected);
  });

  it('applies custom limits', () => {
    const prev = fix(0, 65);
    const next = fix(1_000, 5); // 60 km/h once the GPS slack is taken off
    expect(checkReport(prev, next, NOW, { maxSpeedKmh: 40 })).toEqual({ ok: false, reason: 'TOO_FAST' });
    expect(checkReport(null, fix(0, 100), NOW, { maxAgeS: 60 })).toEqual({ ok: false, reason: 'STALE' });
    expect(checkReport(null, fix(0, -10), NOW, { maxFutureS: 5 })).toEqual({ ok: false, reason: 'FUTURE' });
  });
});
