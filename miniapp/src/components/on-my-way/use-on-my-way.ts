import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrderUpdatedEvent } from '@omni/shared-types';
import { watchFix, type DeviceFix } from '../../services/device-location';
import { getConsent, lbsErrorMessage, reportLocation, setConsent } from '../../services/lbs';
import { ApiError } from '../../services/request';
import { getSession } from '../../services/session';
import { connectRealtime } from '../../services/socket';
import { REPORT_INTERVAL_MS, ReportThrottle } from './report-throttle';

/** Sharing stops by itself after this many milliseconds. */
export const SHARING_LIMIT_MS = 30 * 60_000;

/** Why sharing is not running: never started, finished, or could not run. */
export type OnMyWayStatus =
  'idle' | 'asking' | 'sharing' | 'picked-up' | 'timed-out' | 'stopped' | 'location-denied';

const FINAL_ORDER_STATES = new Set(['picked_up', 'cancelled', 'refunded']);

/**
 * 我在路上 for one pickup order: consent first, then throttled position reports until the user
 * stops, the order is picked up (`order:updated`), 30 minutes pass or the component unmounts.
 */
export function useOnMyWay(orderId: number, initiallyAcknowledged: boolean) {
  const [status, setStatus] = useState<OnMyWayStatus>('idle');
  const [acknowledged, setAcknowledged] = useState(initiallyAcknowledged);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const stopRef = useRef<(() => void) | null>(null);

  const stopSharing = useCallback((next: OnMyWayStatus) => {
    stopRef.current?.();
    stopRef.current = null;
    setStatus(next);
  }, []);

  // The order's pushes: staff acknowledged the arrival, or the order is done.
  useEffect(() => {
    const session = getSession();
    if (!session) return;
    const socket = connectRealtime(session.token);
    const onUpdate = (e: OrderUpdatedEvent) => {
      if (e.orderId !== orderId) return;
      if (e.staffAcknowledged) setAcknowledged(true);
      if (FINAL_ORDER_STATES.has(e.status) && stopRef.current) stopSharing('picked-up');
    };
    socket.on('order:updated', onUpdate);
    return () => {
      socket.off('order:updated', onUpdate);
      socket.disconnect();
    };
  }, [orderId, stopSharing]);

  useEffect(() => {
    if (initiallyAcknowledged) setAcknowledged(true);
  }, [initiallyAcknowledged]);

  useEffect(() => () => stopRef.current?.(), []);

  const startSharing = useCallback(() => {
    stopRef.current?.();
    const throttle = new ReportThrottle();
    let latest: DeviceFix | null = null;
    let inFlight = false;
    let stopped = false;

    const send = () => {
      const fix = latest;
      const now = Date.now();
      if (stopped || inFlight || !fix || !throttle.shouldSend(fix, now)) return;
      throttle.sent(fix, now);
      inFlight = true;
      reportLocation(fix)
        .catch((err: unknown) => {
          if (stopped || !(err instanceof ApiError)) return;
          if (err.code === 'RATE_LIMITED') throttle.pause(Date.now());
          else if (err.code === 'CONSENT_REQUIRED') {
            stopSharing('asking');
          }
        })
        .finally(() => {
          inFlight = false;
        });
    };
    const stopWatch = watchFix(
      (fix) => {
        latest = fix;
        send();
      },
      () => {
        if (!stopped) stopSharing('location-denied');
      },
    );
    // Browsers only call back on movement: the heartbeat keeps a waiting customer reported.
    const heartbeat = setInterval(send, REPORT_INTERVAL_MS);
    const limit = setTimeout(() => stopSharing('timed-out'), SHARING_LIMIT_MS);
    stopRef.current = () => {
      stopped = true;
      stopWatch();
      clearInterval(heartbeat);
      clearTimeout(limit);
    };
    setStatus('sharing');
  }, [stopSharing]);

  /** 我在路上 tapped: start at once with consent, otherwise ask. */
  const begin = useCallback(async () => {
    if (busy) return;
    if (!getSession()) {
      setNotice('请先登录');
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      const consent = await getConsent();
      if (consent.location) startSharing();
      else setStatus('asking');
    } catch (err) {
      setNotice(lbsErrorMessage(err));
    } finally {
      setBusy(false);
    }
  }, [busy, startSharing]);

  /** The user agreed in the consent dialog. */
  const accept = useCallback(async () => {
    setBusy(true);
    try {
      await setConsent(true);
      startSharing();
    } catch (err) {
      setNotice(lbsErrorMessage(err));
      setStatus('idle');
    } finally {
      setBusy(false);
    }
  }, [startSharing]);

  const decline = useCallback(() => setStatus('idle'), []);
  const stop = useCallback(() => stopSharing('stopped'), [stopSharing]);

  return { status, acknowledged, busy, notice, begin, accept, decline, stop };
}
