import Taro from '@tarojs/taro';
import { installRouteGuard, routeOfHash, showsRoute } from './h5-route-guard';

const mockCurrent = Taro.getCurrentInstance as unknown as jest.Mock;
const mockReLaunch = Taro.reLaunch as unknown as jest.Mock;

describe('the H5 route guard', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    document.body.innerHTML = '';
  });
  afterEach(() => jest.useRealTimers());

  const page = (display: string) => {
    const el = document.createElement('div');
    el.className = 'taro_page';
    el.style.display = display;
    document.body.appendChild(el);
  };
  const hashTo = (hash: string) => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  };

  it('reads the page and query an address names', () => {
    expect(routeOfHash('#/pages/order-detail/index?id=5')).toEqual({
      path: '/pages/order-detail/index',
      query: { id: '5' },
    });
    expect(routeOfHash('')).toBeNull();
    const route = routeOfHash('#/pages/order-detail/index?id=5')!;
    expect(showsRoute({ path: '/pages/order-detail/index?id=5&stamp=1', params: { id: '5' } }, route)).toBe(
      true,
    );
    expect(showsRoute({ path: '/pages/order-detail/index', params: { id: '4' } }, route)).toBe(false);
    expect(showsRoute({ path: '/pages/chat/index', params: {} }, route)).toBe(false);
  });

  it('reloads at the address when the page shown is another order, once', () => {
    const stop = installRouteGuard(window, 100);
    page('block');
    mockCurrent.mockReturnValue({ router: { path: '/pages/order-detail/index', params: { id: '4' } } });
    hashTo('#/pages/order-detail/index?id=5');
    jest.advanceTimersByTime(150);
    expect(mockReLaunch).toHaveBeenCalledWith({ url: '/pages/order-detail/index?id=5' });
    hashTo('#/pages/order-detail/index?id=5');
    jest.advanceTimersByTime(150);
    expect(mockReLaunch).toHaveBeenCalledTimes(1);
    stop();
  });

  it('reloads when no page is visible, and leaves a page that matches alone', () => {
    const stop = installRouteGuard(window, 100);
    page('none');
    mockCurrent.mockReturnValue({ router: { path: '/pages/order-detail/index', params: { id: '7' } } });
    hashTo('#/pages/order-detail/index?id=7');
    jest.advanceTimersByTime(150);
    expect(mockReLaunch).toHaveBeenCalledTimes(1);
    document.body.innerHTML = '';
    page('block');
    mockCurrent.mockReturnValue({ router: { path: '/pages/me/index', params: {} } });
    hashTo('#/pages/me/index');
    jest.advanceTimersByTime(150);
    expect(mockReLaunch).toHaveBeenCalledTimes(1);
    stop();
  });
});
