// The SLA countdown of an after-sales case: how long is left, or how long it has been overdue,
// in words a store manager reads at a glance (剩余 3小时12分 / 已超时 25分).
import { useEffect, useState } from 'react';

/** `1天2小时` / `3小时12分` / `25分` / `40秒` for a non-negative number of seconds. */
export function spanZh(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return h > 0 ? `${d}天${h}小时` : `${d}天`;
  if (h > 0) return m > 0 ? `${h}小时${m}分` : `${h}小时`;
  if (m > 0) return `${m}分`;
  return `${s}秒`;
}

export interface SlaView {
  text: string;
  /** Past the deadline. */
  breached: boolean;
  /** Less than an hour left. */
  soon: boolean;
}

/**
 * The countdown of `remainingS` seconds (the API's `slaRemainingS`, negative once overdue) read
 * `elapsedS` seconds later; null for a closed case (no SLA any more).
 */
export function slaView(remainingS: number | null, elapsedS = 0): SlaView | null {
  if (remainingS === null) return null;
  const left = remainingS - elapsedS;
  if (left < 0) return { text: `已超时 ${spanZh(-left)}`, breached: true, soon: false };
  return { text: `剩余 ${spanZh(left)}`, breached: false, soon: left < 3600 };
}

/** Milliseconds since the hook mounted (or `since` changed), ticking every `everyMs`. */
export function useElapsed(since: unknown, everyMs = 1000): number {
  const [start, setStart] = useState(() => Date.now());
  const [now, setNow] = useState(start);
  useEffect(() => {
    const t0 = Date.now();
    setStart(t0);
    setNow(t0);
    const h = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(h);
  }, [since, everyMs]);
  return Math.max(0, now - start);
}
