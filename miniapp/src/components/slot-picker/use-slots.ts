import { useEffect, useRef, useState } from 'react';
import type { LatLng, SlotsResponse } from '@omni/shared-types';
import { ApiError, messageFor, type ApiErrorCode } from '../../services/request';
import { getSlots } from '../../services/slots';

interface SlotsState {
  data: SlotsResponse | null;
  loading: boolean;
  error: { code: ApiErrorCode; message: string } | null;
}

/** The slots of the zone covering `point` on `date`; reloads when any argument (or `reloadToken`) changes. */
export function useSlots(point: LatLng | null, date: string, reloadToken: number): SlotsState {
  const [state, setState] = useState<SlotsState>({ data: null, loading: false, error: null });
  const latest = useRef(0);
  const lat = point?.lat;
  const lng = point?.lng;

  useEffect(() => {
    if (lat === undefined || lng === undefined) {
      setState({ data: null, loading: false, error: null });
      return;
    }
    const ticket = ++latest.current;
    setState((s) => ({ data: s.data?.date === date ? s.data : null, loading: true, error: null }));
    getSlots({ lat, lng }, date).then(
      (data) => {
        if (ticket === latest.current) setState({ data, loading: false, error: null });
      },
      (err: unknown) => {
        if (ticket !== latest.current) return;
        const error =
          err instanceof ApiError
            ? { code: err.code, message: err.message }
            : { code: 'INTERNAL' as const, message: messageFor('INTERNAL') };
        setState({ data: null, loading: false, error });
      },
    );
  }, [lat, lng, date, reloadToken]);

  return state;
}
