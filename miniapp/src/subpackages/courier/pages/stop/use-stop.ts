import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { CourierStop, DeliveryProof } from '@omni/shared-types';
import {
  cachedRoute,
  codeAttemptsLeftOf,
  courierErrorMessage,
  storePhoneOf,
  fetchRoute,
  type CourierSession,
  type StopAction,
} from '../../../../services/courier';
import { newClientEventId } from '../../../../services/offline-queue';
import { usePendingActions } from '../../hooks/use-pending-actions';
import { courierQueue } from '../../services/courier-queue';
import { withPending, type StopView } from '../../stop-view';

type Kind = 'arrive' | 'deliver' | 'fail';

const DONE_TEXT: Record<Kind, string> = { arrive: '已到达', deliver: '已送达', fail: '已记录配送失败' };

/**
 * One stop of the courier's route (`date`): shown from the device's copy at once, refreshed from
 * the BFF; arrive / deliver / fail go through the offline queue with a fresh client event id.
 */
export function useStop(session: CourierSession, stopId: number, date: string) {
  const courierId = session.user.courierId ?? 0;
  const find = (stops: CourierStop[] | undefined) => stops?.find((s) => s.stopId === stopId) ?? null;
  const [stop, setStop] = useState<CourierStop | null>(() => find(cachedRoute(courierId, date)?.stops));
  const [storePhone, setStorePhone] = useState<string | null>(
    () => cachedRoute(courierId, date)?.store.phone ?? null,
  );
  const [error, setError] = useState<string | null>(null);
  // A refused delivery code is shown beside the code field, not as a page error.
  const [codeError, setCodeError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<Kind | null>(null);
  const pending = usePendingActions(courierId);

  const reload = useCallback(async () => {
    try {
      const route = await fetchRoute(date);
      const found = route.stops.find((s) => s.stopId === stopId) ?? null;
      setStop(found);
      if (route.store.phone) setStorePhone(route.store.phone);
      setError(found ? null : '该站点不在你的路线上');
    } catch (err) {
      // Offline: the device's copy (if any) stays on screen.
      setError((current) => current ?? courierErrorMessage(err));
    }
  }, [date, stopId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const run = useCallback(
    async (kind: Kind, extra: { proof: DeliveryProof } | { reason: string } | Record<string, never>) => {
      if (busy) return false;
      setBusy(kind);
      setNotice(null);
      setError(null);
      setCodeError(null);
      try {
        const action = { kind, stopId, clientEventId: newClientEventId(), ...extra } as StopAction;
        const outcome = await courierQueue(courierId).submit(action);
        if (outcome.status === 'sent') {
          setStop(outcome.response.stop);
          void Taro.showToast({ title: DONE_TEXT[kind], icon: 'success' });
          return true;
        }
        if (outcome.status === 'queued') {
          setNotice('网络不给力，已保存在本机，恢复网络后自动同步');
          return true;
        }
        const left = codeAttemptsLeftOf(outcome.error);
        if (left !== null) {
          // The BFF counts wrong codes; the field shows what is left and locks at 0.
          setStop((s) => (s ? { ...s, codeAttemptsLeft: left } : s));
          const phone = storePhoneOf(outcome.error);
          if (phone) setStorePhone(phone);
          setCodeError(left > 0 ? courierErrorMessage(outcome.error) : null);
        } else setError(courierErrorMessage(outcome.error));
        return false;
      } finally {
        setBusy(null);
      }
    },
    [busy, courierId, stopId],
  );

  const view: StopView | null = stop ? withPending([stop], pending)[0] : null;
  return {
    stop: view,
    /** The store's phone (for 已锁定，请联系门店). */
    storePhone,
    error,
    codeError,
    /** Shows a problem of the proof step (e.g. a photo that is not an image) as a page error. */
    setError,
    notice,
    busy,
    reload,
    arrive: () => run('arrive', {}),
    deliver: (proof: DeliveryProof) => run('deliver', { proof }),
    fail: (reason: string) => run('fail', { reason }),
  };
}
