// Calls `refresh` every `everyMs` while the browser tab is visible (and once when it becomes visible
// again); nothing while hidden or while `paused`.
import { useEffect, useRef } from 'react';

export function useAutoRefresh(refresh: () => void, everyMs: number, paused = false): void {
  const fn = useRef(refresh);
  fn.current = refresh;
  useEffect(() => {
    if (paused) return;
    let timer: ReturnType<typeof setInterval> | null = null;
    const start = () => {
      if (timer === null) timer = setInterval(() => fn.current(), everyMs);
    };
    const stop = () => {
      if (timer !== null) clearInterval(timer);
      timer = null;
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') return stop();
      fn.current();
      start();
    };
    if (document.visibilityState !== 'hidden') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [everyMs, paused]);
}
