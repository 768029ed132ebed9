import { MIN_GAP_MS, MOVE_THRESHOLD_M, REPORT_INTERVAL_MS, ReportThrottle } from './report-throttle';

const HERE = { lat: 31.2304, lng: 121.4737 };
/** `m` metres north of HERE. */
const north = (m: number) => ({ lat: HERE.lat + m / 111_195, lng: HERE.lng });

describe('ReportThrottle', () => {
  it('sends the first position at once', () => {
    expect(new ReportThrottle().shouldSend(HERE, 0)).toBe(true);
  });

  it.each([
    ['standing still, before the heartbeat', 0, REPORT_INTERVAL_MS - 1, false],
    ['standing still, heartbeat due', 0, REPORT_INTERVAL_MS, true],
    ['moved less than the threshold', MOVE_THRESHOLD_M - 5, 3_000, false],
    ['moved past the threshold', MOVE_THRESHOLD_M + 5, 3_000, true],
    ['moved far but within the minimum gap', 500, MIN_GAP_MS - 1, false],
    ['moved far right after the minimum gap', 500, MIN_GAP_MS, true],
  ])('after one report: %s', (_name, movedM, afterMs, expected) => {
    const t = new ReportThrottle();
    t.sent(HERE, 10_000);
    expect(t.shouldSend(north(movedM), 10_000 + afterMs)).toBe(expected);
  });

  it('stays within the BFF limit of 10 reports per 10 s for a position changing every 100 ms', () => {
    const t = new ReportThrottle();
    const sentAt: number[] = [];
    for (let ms = 0; ms < 60_000; ms += 100) {
      const p = north(ms / 10); // 10 m/s
      if (t.shouldSend(p, ms)) {
        t.sent(p, ms);
        sentAt.push(ms);
      }
    }
    for (const start of sentAt)
      expect(sentAt.filter((ms) => ms >= start && ms < start + 10_000).length).toBeLessThanOrEqual(10);
    expect(sentAt.length).toBeGreaterThan(20);
  });

  it('holds everything back during a pause after 429, then resumes', () => {
    const t = new ReportThrottle();
    t.sent(HERE, 0);
    t.pause(1_000, 10_000);
    expect(t.shouldSend(north(200), 6_000)).toBe(false);
    expect(t.shouldSend(north(200), 10_999)).toBe(false);
    expect(t.shouldSend(north(200), 11_000)).toBe(true);
  });
});
