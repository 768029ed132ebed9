import { renderHook } from '@testing-library/react';
import { useLivePosition } from './use-live-position';

const mockWatchers: Array<(fix: { lat: number; lng: number; coord: 'gcj02' }) => void> = [];
const mockStopWatching = jest.fn();
jest.mock('../../../services/device-location', () => ({
  watchFix: (onFix: (fix: { lat: number; lng: number; coord: 'gcj02' }) => void) => {
    mockWatchers.push(onFix);
    return mockStopWatching;
  },
}));
const mockReport = jest.fn((_fix: unknown) => Promise.resolve({ customersTold: 1 }));
jest.mock('../../../services/courier', () => ({ reportCourierPosition: (f: unknown) => mockReport(f) }));

describe('useLivePosition', () => {
  beforeEach(() => {
    mockWatchers.length = 0;
    mockReport.mockClear();
    mockStopWatching.mockClear();
  });

  it('reports the first fix at once and then at most every 15 s, and stops on unmount', () => {
    jest.useFakeTimers();
    const { unmount } = renderHook(() => useLivePosition(true));
    mockWatchers[0]({ lat: 31.2, lng: 121.4, coord: 'gcj02' });
    mockWatchers[0]({ lat: 31.21, lng: 121.4, coord: 'gcj02' });
    expect(mockReport).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(15_000);
    mockWatchers[0]({ lat: 31.22, lng: 121.4, coord: 'gcj02' });
    expect(mockReport).toHaveBeenCalledTimes(2);
    unmount();
    expect(mockStopWatching).toHaveBeenCalled();
    jest.useRealTimers();
  });

  it('does not watch while the courier has nothing to deliver', () => {
    renderHook(() => useLivePosition(false));
    expect(mockWatchers).toHaveLength(0);
  });
});
