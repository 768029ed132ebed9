// Loading / error / data of one GET, reloaded when its key changes; `reload()` after a write.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: ApiError | Error | null;
  reload(): void;
  /** Replaces the data without a request (after a write that answered the new record). */
  set(data: T): void;
}

/** Runs `load` now and whenever `deps` change (pass `null` as the first dep to skip). */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const skip = deps.length > 0 && deps[0] === null;

  useEffect(() => {
    if (skip) {
      setLoading(false);
      return;
    }
    const ctl = new AbortController();
    setLoading(true);
    setError(null);
    loadRef.current(ctl.signal).then(
      (d) => {
        if (!ctl.signal.aborted) {
          setData(d);
          setLoading(false);
        }
      },
      (e: Error) => {
        if (!ctl.signal.aborted && e.name !== 'AbortError') {
          setError(e);
          setLoading(false);
        }
      },
    );
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick, skip]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, loading, error, reload, set: setData };
}
