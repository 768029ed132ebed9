import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { AftersalesCase, CaseStatus } from '@omni/shared-types';
import { connectRealtime } from '../../../../services/socket';
import { listEvents, listStoreOrders } from '../../services/staff-api';
import type { StaffSession } from '../../services/staff-session';
import { listQueue, storeCases } from '../../services/support-staff';

/** What waits for the store: the badges of 门店工作台. */
export interface StaffCounts {
  events: number;
  pickups: number;
  waitingChats: number;
  openCases: number;
}

/** Case states that still need a person at the store. */
export const OPEN_CASE_STATES: CaseStatus[] = ['submitted', 'approved', 'in_progress'];

/** Open cases among `cases`. */
export function openCaseCount(cases: AftersalesCase[]): number {
  return cases.filter((c) => OPEN_CASE_STATES.includes(c.status)).length;
}

/**
 * The counts, loaded on show and again whenever the store's socket room says something changed
 * (an event, an order, the support queue); a failed count shows as 0 rather than blocking the page.
 */
export function useStaffCounts(session: StaffSession) {
  const [counts, setCounts] = useState<StaffCounts | null>(null);
  const ticket = useRef(0);

  const load = useCallback(() => {
    const mine = ++ticket.current;
    const safe = <T>(p: Promise<T[]>) => p.catch((): T[] => []);
    const pickupsIn = (status: 'paid' | 'ready_for_pickup') =>
      safe(listStoreOrders(status).then((res) => res.items.filter((o) => o.type === 'pickup')));
    void Promise.all([
      safe(listEvents('open')),
      pickupsIn('paid'),
      pickupsIn('ready_for_pickup'),
      safe(listQueue('waiting')),
      safe(storeCases()),
    ]).then(([events, paid, ready, waiting, cases]) => {
      if (mine !== ticket.current) return;
      const pickups = paid.length + ready.length;
      setCounts({
        events: events.length,
        pickups,
        waitingChats: waiting.length,
        openCases: openCaseCount(cases),
      });
    });
  }, []);

  useEffect(load, [load]);
  useDidShow(load);

  useEffect(() => {
    const socket = connectRealtime(session.token);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(load, 300);
    };
    for (const name of ['lbs:event', 'lbs:event-updated', 'order:updated', 'support:queue'] as const) {
      socket.on(name, soon);
    }
    return () => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [session.token, load]);

  return { counts, reload: load };
}
