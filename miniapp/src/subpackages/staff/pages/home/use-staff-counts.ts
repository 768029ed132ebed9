import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { CaseStatus } from '@omni/shared-types';
import { connectRealtime } from '../../../../services/socket';
import { listEvents, listStoreOrders } from '../../services/staff-api';
import type { StaffSession } from '../../services/staff-session';
import { listQueue, storeCaseCount } from '../../services/support-staff';
import { EMPTY_QUEUE, queueReducer } from '../console/queue-reducer';

/** What waits for the store: the badges of 门店工作台. */
export interface StaffCounts {
  events: number;
  pickups: number;
  waitingChats: number;
  openCases: number;
}

/** Case states that still need a person at the store (退款中 waits for WeChat Pay, not staff). */
export const OPEN_CASE_STATES: CaseStatus[] = ['submitted', 'approved', 'in_progress'];

/**
 * The counts, loaded on show. The support queue follows `support:queue` pushes as they come (the
 * console's own reducer); events, orders and cases are re-read when the store's room says something
 * changed. A count that fails to load shows as 0 rather than blocking the page.
 */
export function useStaffCounts(session: StaffSession) {
  const [rest, setRest] = useState<Omit<StaffCounts, 'waitingChats'> | null>(null);
  const [queue, dispatch] = useReducer(queueReducer, EMPTY_QUEUE);
  const ticket = useRef(0);

  const loadRest = useCallback(() => {
    const mine = ++ticket.current;
    const pickupsIn = (status: 'paid' | 'ready_for_pickup') =>
      listStoreOrders(status).then(
        (res) => res.items.filter((o) => o.type === 'pickup').length,
        () => 0,
      );
    void Promise.all([
      listEvents('open').then(
        (items) => items.length,
        () => 0,
      ),
      pickupsIn('paid'),
      pickupsIn('ready_for_pickup'),
      storeCaseCount(OPEN_CASE_STATES).catch(() => 0),
    ]).then(([events, paid, ready, openCases]) => {
      if (mine === ticket.current) setRest({ events, pickups: paid + ready, openCases });
    });
  }, []);

  const loadQueue = useCallback(() => {
    listQueue('waiting').then(
      (items) => dispatch({ type: 'loaded', items }),
      () => undefined,
    );
  }, []);

  const load = useCallback(() => {
    loadRest();
    loadQueue();
  }, [loadRest, loadQueue]);

  useEffect(load, [load]);
  useDidShow(load);

  useEffect(() => {
    const socket = connectRealtime(session.token);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(loadRest, 300);
    };
    socket.on('lbs:event', soon);
    socket.on('lbs:event-updated', soon);
    socket.on('order:updated', soon);
    socket.on('support:queue', (conversation) => dispatch({ type: 'pushed', conversation }));
    // Pushes missed while disconnected are caught up on every reconnect.
    let connectedBefore = socket.connected;
    socket.on('connect', () => {
      if (connectedBefore) load();
      connectedBefore = true;
    });
    return () => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [session.token, load, loadRest]);

  const counts: StaffCounts | null = rest && {
    ...rest,
    waitingChats: queue.items.filter((c) => c.status === 'waiting').length,
  };
  return { counts, reload: load };
}
