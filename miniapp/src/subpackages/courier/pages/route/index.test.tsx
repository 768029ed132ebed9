import Taro from '@tarojs/taro';
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { CourierRoute } from '@omni/shared-types';
import { setRouterParams } from '../../../../../test/__mocks__/taro';
import * as socketService from '../../../../services/socket';
import { courierRoute, courierSession, courierStop } from '../../test-fixtures';
import RoutePage from '.';

jest.mock('../../../../services/socket');

const mockRequest = Taro.request as unknown as jest.Mock;
type Handler = (payload: unknown) => void;
let socketHandlers: Map<string, Handler>;

function reply(statusCode: number, data: unknown) {
  return Promise.resolve({ statusCode, data, header: {}, errMsg: 'request:ok' });
}

const route = courierRoute([
  courierStop({ stopId: 21, seq: 1 }),
  courierStop({ stopId: 22, seq: 2, customerName: '李雷' }),
]);

beforeEach(() => {
  mockRequest.mockReset();
  socketHandlers = new Map();
  const socket: { on: jest.Mock; removeAllListeners: jest.Mock; disconnect: jest.Mock } = {
    on: jest.fn((event: string, handler: Handler) => {
      socketHandlers.set(event, handler);
      return socket;
    }),
    removeAllListeners: jest.fn(),
    disconnect: jest.fn(),
  };
  jest
    .mocked(socketService.connectRealtime)
    .mockReturnValue(socket as unknown as socketService.RealtimeSocket);
  setRouterParams({ date: '2026-11-26' });
});

describe('今日路线', () => {
  it('signs a courier in with the dev login, apart from the shopper, and shows the route', async () => {
    mockRequest.mockImplementation(
      (opts: { url: string; data?: unknown; header: Record<string, string> }) => {
        if (opts.url.endsWith('/auth/dev')) return reply(200, courierSession(1));
        if (opts.url.includes('/courier/route')) return reply(200, route);
        return reply(404, {});
      },
    );
    const { container } = render(<RoutePage />);
    expect(container.querySelectorAll('.courier-option')).toHaveLength(13);
    fireEvent.click(container.querySelector('.courier-option[data-id="1"]')!);
    fireEvent.click(container.querySelector('.courier-login-button')!);

    await waitFor(() => expect(container.querySelectorAll('.courier-stop')).toHaveLength(2));
    expect(mockRequest.mock.calls[0][0]).toMatchObject({ data: { role: 'courier', courierId: 1 } });
    const routeCall = mockRequest.mock.calls.find(([o]) => String(o.url).includes('/courier/route'))![0];
    expect(routeCall.url).toBe('/api/v1/courier/route?date=2026-11-26');
    expect(routeCall.header.Authorization).toBe('Bearer courier-token-1');
    expect(Taro.getStorageSync('omni.session')).toBe('');
    expect(container.querySelector('.courier-name')?.textContent).toBe('张伟');
    expect(container.querySelectorAll('.route-pin')).toHaveLength(2);
  });

  it('says when the day is not planned yet, with the store to call', async () => {
    Taro.setStorageSync('omni.courier-session', courierSession(1));
    const store = { id: 1, name: '静安嘉里中心店', lat: 31.2245, lng: 121.4461, phone: '021-62880001' };
    mockRequest.mockImplementation(() =>
      reply(200, courierRoute([], { planned: false, planId: null, version: null, store })),
    );
    const { findByText, container } = render(<RoutePage />);
    expect(await findByText('当天路线尚未发布')).toBeTruthy();
    expect(container.querySelector('.courier-route-empty')?.textContent).toContain(
      '静安嘉里中心店 · 021-62880001',
    );
    fireEvent.click(container.querySelector('.courier-call-store')!);
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '021-62880001' });
  });

  it('still understands ROUTE_NOT_PLANNED from an older BFF', async () => {
    Taro.setStorageSync('omni.courier-session', courierSession(1));
    mockRequest.mockImplementation(() =>
      reply(404, {
        error: {
          code: 'ROUTE_NOT_PLANNED',
          message: '当天还没有排线',
          details: { date: '2026-12-08', store: { id: 1, name: '静安嘉里中心店', phone: '021-62880001' } },
        },
      }),
    );
    const { findByText, container } = render(<RoutePage />);
    expect(await findByText('当天路线尚未发布')).toBeTruthy();
    expect(container.querySelector('.courier-route-empty')?.textContent).toContain('021-62880001');
  });

  it('says there is nothing to deliver on a planned day without stops, with the store to call', async () => {
    Taro.setStorageSync('omni.courier-session', courierSession(1));
    const store = { id: 1, name: '静安嘉里中心店', lat: 31.2245, lng: 121.4461, phone: '021-62880001' };
    mockRequest.mockImplementation(() => reply(200, courierRoute([], { store })));
    const { findByText, container } = render(<RoutePage />);
    expect(await findByText('当天没有分配给你的配送任务')).toBeTruthy();
    expect(container.querySelectorAll('.courier-stop')).toHaveLength(0);
    fireEvent.click(container.querySelector('.courier-route-empty .courier-call-store')!);
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '021-62880001' });
  });

  it('replaces the route with a route:updated push of the same day', async () => {
    Taro.setStorageSync('omni.courier-session', courierSession(1));
    mockRequest.mockImplementation(() => reply(200, route));
    const { container } = render(<RoutePage />);
    await waitFor(() => expect(container.querySelectorAll('.courier-stop')).toHaveLength(2));

    const updated: CourierRoute = {
      ...route,
      version: 2,
      stops: [{ ...route.stops[0], status: 'delivered' }, route.stops[1]],
    };
    act(() => socketHandlers.get('route:updated')!(updated));
    await waitFor(() =>
      expect(container.querySelector('.courier-stop[data-id="21"] .stop-status')?.textContent).toBe('已送达'),
    );
    act(() => socketHandlers.get('route:updated')!({ ...updated, date: '2026-11-27', stops: [] }));
    expect(container.querySelectorAll('.courier-stop')).toHaveLength(2);
  });

  it('shows the saved route and 待同步 while offline', async () => {
    Taro.setStorageSync('omni.courier-session', courierSession(1));
    Taro.setStorageSync(`omni.courier-route.1.2026-11-26`, route);
    Taro.setStorageSync('omni.courier-queue.1', [
      { kind: 'arrive', stopId: 21, clientEventId: 'evt-arrive-21', queuedAtMs: 1 },
    ]);
    mockRequest.mockImplementation(() => Promise.reject({ errMsg: 'request:fail' }));
    const { container, findByText } = render(<RoutePage />);
    expect(await findByText('网络不可用，显示的是本机保存的路线')).toBeTruthy();
    expect(container.querySelector('.pending-sync')?.textContent).toBe('待同步 1');
    expect(container.querySelector('.courier-stop[data-id="21"] .stop-status')?.textContent).toBe('已到达');
    fireEvent.click(container.querySelector('.courier-stop[data-id="22"]')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: '/subpackages/courier/pages/stop/index?id=22&date=2026-11-26',
    });
  });
});
