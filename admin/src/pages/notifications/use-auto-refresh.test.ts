import { act, renderHook } from '@testing-library/react';
import { useAutoRefresh } from './use-auto-refresh';

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('useAutoRefresh', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    jest.useRealTimers();
    setVisibility('visible');
  });

  it('refreshes every interval while visible, not while hidden, and at once when shown again', () => {
    const refresh = jest.fn();
    const { unmount } = renderHook(() => useAutoRefresh(refresh, 10_000));
    act(() => jest.advanceTimersByTime(25_000));
    expect(refresh).toHaveBeenCalledTimes(2);

    act(() => setVisibility('hidden'));
    act(() => jest.advanceTimersByTime(60_000));
    expect(refresh).toHaveBeenCalledTimes(2);

    act(() => setVisibility('visible'));
    expect(refresh).toHaveBeenCalledTimes(3);
    act(() => jest.advanceTimersByTime(10_000));
    expect(refresh).toHaveBeenCalledTimes(4);

    unmount();
    act(() => jest.advanceTimersByTime(60_000));
    expect(refresh).toHaveBeenCalledTimes(4);
  });
});
