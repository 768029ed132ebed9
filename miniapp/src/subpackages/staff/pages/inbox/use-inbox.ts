import Taro from '@tarojs/taro';
import { useCallback, useEffect, useReducer, useState } from 'react';
import type { LbsEvent } from '@omni/shared-types';
import { lbsErrorMessage } from '../../../../services/lbs';
import { ApiError } from '../../../../services/request';
import { connectRealtime } from '../../../../services/socket';
import { alertNewEvent } from '../../services/alert';
import { claimEvent, listEvents, resolveEvent } from '../../services/staff-api';
import type { StaffSession } from '../../services/staff-session';
import { EMPTY_INBOX, inboxReducer } from './inbox-reducer';

/**
 * The store's live inbox: loads the events, then follows `lbs:event` / `lbs:event-updated` pushes
 * (reloading on every reconnect so nothing missed while offline stays missing); claim and resolve.
 */
export function useInbox(session: StaffSession) {
  const [state, dispatch] = useReducer(inboxReducer, EMPTY_INBOX);
  const [online, setOnline] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Per-event messages such as 已被同事认领. */
  const [notices, setNotices] = useState<Record<number, string>>({});
  const [busyId, setBusyId] = useState<number | null>(null);

  const reload = useCallback(() => {
    listEvents(undefined).then(
      (events) => {
        setError(null);
        dispatch({ type: 'loaded', events });
      },
      (err: unknown) => setError(lbsErrorMessage(err)),
    );
  }, []);

  useEffect(() => {
    const socket = connectRealtime(session.token);
    const onNew = (event: LbsEvent) => {
      dispatch({ type: 'received', event });
      alertNewEvent();
    };
    const onUpdated = (event: LbsEvent) => dispatch({ type: 'updated', event });
    socket.on('connect', () => {
      setOnline(true);
      reload();
    });
    socket.on('disconnect', () => setOnline(false));
    socket.on('connect_error', () => setOnline(false));
    socket.on('lbs:event', onNew);
    socket.on('lbs:event-updated', onUpdated);
    reload();
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [session.token, reload]);

  const act = useCallback(
    async (id: number, run: () => Promise<LbsEvent>) => {
      setBusyId(id);
      setNotices(({ [id]: _, ...rest }) => rest);
      try {
        dispatch({ type: 'updated', event: await run() });
      } catch (err) {
        const message = lbsErrorMessage(err);
        setNotices((n) => ({ ...n, [id]: message }));
        void Taro.showToast({ title: message, icon: 'none' });
        if (err instanceof ApiError && err.status === 409) reload();
      } finally {
        setBusyId(null);
      }
    },
    [reload],
  );

  const claim = useCallback((id: number) => act(id, () => claimEvent(id)), [act]);
  const resolve = useCallback((id: number, note: string) => act(id, () => resolveEvent(id, note)), [act]);
  const markSeen = useCallback(() => dispatch({ type: 'seen' }), []);

  return { ...state, online, error, notices, busyId, reload, claim, resolve, markSeen };
}
