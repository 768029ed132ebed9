// A stand-in for @tarojs/taro under jest: API calls are jest.fn with sensible answers, storage is
// an in-memory map, and page hooks are real React hooks that tests can fire.
import { useEffect, useRef } from 'react';

const storage = new Map<string, unknown>();
const reachBottom = new Set<() => void>();
const pullDownRefresh = new Set<() => void>();
let routerParams: Record<string, string> = {};

const Taro = {
  request: jest.fn(),
  showToast: jest.fn(() => Promise.resolve({ errMsg: 'showToast:ok' })),
  showLoading: jest.fn(() => Promise.resolve({ errMsg: 'showLoading:ok' })),
  hideLoading: jest.fn(() => Promise.resolve({ errMsg: 'hideLoading:ok' })),
  navigateTo: jest.fn(() => Promise.resolve({ errMsg: 'navigateTo:ok' })),
  switchTab: jest.fn(() => Promise.resolve({ errMsg: 'switchTab:ok' })),
  redirectTo: jest.fn(() => Promise.resolve({ errMsg: 'redirectTo:ok' })),
  reLaunch: jest.fn(() => Promise.resolve({ errMsg: 'reLaunch:ok' })),
  makePhoneCall: jest.fn(() => Promise.resolve({ errMsg: 'makePhoneCall:ok' })),
  getCurrentInstance: jest.fn(() => ({ router: null })),
  getCurrentPages: jest.fn((): Array<{ route?: string }> => []),
  navigateBack: jest.fn(() => Promise.resolve({ errMsg: 'navigateBack:ok' })),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false, errMsg: 'showModal:ok' })),
  chooseLocation: jest.fn(() => Promise.reject({ errMsg: 'chooseLocation:fail cancel' })),
  requestPayment: jest.fn(() => Promise.resolve({ errMsg: 'requestPayment:ok' })),
  stopPullDownRefresh: jest.fn(),
  setNavigationBarTitle: jest.fn(() => Promise.resolve({ errMsg: 'setNavigationBarTitle:ok' })),
  login: jest.fn(() => Promise.resolve({ code: 'test-login-code', errMsg: 'login:ok' })),
  getSetting: jest.fn(() => Promise.resolve({ authSetting: {}, errMsg: 'getSetting:ok' })),
  openSetting: jest.fn(() => Promise.resolve({ authSetting: {}, errMsg: 'openSetting:ok' })),
  requestSubscribeMessage: jest.fn(() =>
    Promise.reject({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail main switch is off' }),
  ),
  getLocation: jest.fn(() => Promise.reject({ errMsg: 'getLocation:fail auth deny' })),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
};

/** Runs `callback` (always the latest one) when the test calls `fireReachBottom()`. */
export function useReachBottom(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const handler = () => latest.current();
    reachBottom.add(handler);
    return () => {
      reachBottom.delete(handler);
    };
  }, []);
}

/** Runs `callback` (always the latest one) when the test calls `firePullDownRefresh()`. */
export function usePullDownRefresh(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const handler = () => latest.current();
    pullDownRefresh.add(handler);
    return () => {
      pullDownRefresh.delete(handler);
    };
  }, []);
}

/** Runs `callback` once after mount, as when the page is first shown. */
export function useDidShow(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    latest.current();
  }, []);
}

/** The current page's query parameters, set by `setRouterParams`. */
export function useRouter() {
  return { params: routerParams, path: '' };
}

/** Test helper: scrolls the page to the bottom. */
export function fireReachBottom(): void {
  reachBottom.forEach((handler) => handler());
}

/** Test helper: the user pulls the page down. */
export function firePullDownRefresh(): void {
  pullDownRefresh.forEach((handler) => handler());
}

/** Test helper: the query of the page about to render. */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

/** Test helper: forgets storage, router params and page handlers between tests. */
export function resetTaroMock(): void {
  storage.clear();
  reachBottom.clear();
  pullDownRefresh.clear();
  routerParams = {};
}

export default Taro;
