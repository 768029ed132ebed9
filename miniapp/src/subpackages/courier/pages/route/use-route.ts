import { useCallback, useEffect, useRef, useState } from 'react';
import { CourierRoute } from '@omni/shared-types';
import {
  cacheRoute,
  cachedRoute,
  courierErrorMessage,
  fetchRoute,
  type CourierSession,
} from '../../../../services/courier';
import { ApiError } from '../../../../services/request';
import { connectRealtime } from '../../../../services/socket';

/** What the route page shows: the route, or why there is none. */
export interface RouteState {
  route: CourierRoute | null;
  loading: boolean;
  /** No plan for that day yet (`planned: false`, or ROUTE_NOT_PLANNED from an older BFF). */
  notPlanned: boolean;
  /** The store to call when there is no route (from the unplanned answer or ROUTE_NOT_PLANNED's details). */
  store: { name: string; phone: string } | null;
  error: string | null;
  /** The route shown is the copy kept on the device (the BFF could not be reached). */
  fromCache: boolean;
}

/**
 * The courier's route of `date`: fetched (falling back to the device's copy when offline), then
 * replaced by every `route:updated` push of that day, and reloaded when the socket reconnects.
 */
export function useRoute(session: CourierSession, date: string) {
  const courierId = session.user.courierId ?? 0;
  const [state, setState] = useState<RouteState>(() => {
    const cached = cachedRoute(courierId, date);
    return {
      route: cached,
      loading: true,
      notPlanned: false,
      error: null,
      fromCache: cached !== null,
      store: null,
    };
  });
  const latestDate = useRef(date);
  latestDate.current = date;

  const reload = useCallback(async () => {
    setState((s) => ({ ...s, loading: true }));
    try {
      const route = await fetchRoute(date);
      if (latestDate.current !== date) return;
      if (!route.planned) {
        const store = route.store.phone ? { name: route.store.name, phone: route.store.phone } : null;
        setState({ route: null, loading: false, notPlanned: true, error: null, fromCache: false, store });
        return;
      }
      setState({ route, loading: false, notPlanned: false, error: null, fromCache: false, store: null });
    } catch (err) {
      if (latestDate.current !== date) return;
      const notPlanned = err instanceof ApiError && err.code === 'ROUTE_NOT_PLANNED';
      const cached = notPlanned ? null : cachedRoute(courierId, date);
      setState({
        route: cached,
        loading: false,
        notPlanned,
        store: notPlanned ? storeOfDetails(err.details) : null,
        error: notPlanned ? null : courierErrorMessage(err),
        fromCache: cached !== null,
      });
    }
  }, [courierId, date]);

  useEffect(() => {
    const cached = cachedRoute(courierId, date);
    setState({
      route: cached,
      loading: true,
      notPlanned: false,
      error: null,
      fromCache: cached !== null,
      store: null,
    });
    void reload();
  }, [courierId, date, reload]);

  useEffect(() => {
    const socket = connectRealtime(session.token);
    socket.on('route:updated', (payload) => {
      const parsed = CourierRoute.safeParse(payload);
      if (!parsed.success || parsed.data.date !== latestDate.current) return;
      cacheRoute(parsed.data);
      setState({
        route: parsed.data,
        loading: false,
        notPlanned: false,
        error: null,
        fromCache: false,
        store: null,
      });
    });
    // A push missed while disconnected is caught up by reloading on every reconnect.
    let connectedBefore = false;
    socket.on('connect', () => {
      if (connectedBefore) void reload();
      connectedBefore = true;
    });
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [session.token, reload]);

  return { ...state, reload };
}

/** The store named in ROUTE_NOT_PLANNED's details, if the BFF sent it. */
function storeOfDetails(details: unknown): { name: string; phone: string } | null {
  const store = (details as { store?: { name?: unknown; phone?: unknown } } | undefined)?.store;
  return store && typeof store.name === 'string' && typeof store.phone === 'string'
    ? { name: store.name, phone: store.phone }
    : null;
}
