import Taro from '@tarojs/taro';
import { fireEvent, render, waitFor } from '@testing-library/react';
import { setRouterParams } from '../../../../../test/__mocks__/taro';
import * as socketService from '../../../../services/socket';
import { courierRoute, courierSession, courierStop } from '../../test-fixtures';
import RoutePage from '.';

// The mini-program build: 接收路线通知 opens WeChat's sheet for the courier template.
jest.mock('../../../../config', () => ({ ...jest.requireActual('../../../../config'), IS_H5: false }));
jest.mock('../../../../services/socket');

const mockRequest = Taro.request as unknown as jest.Mock;
const subscribe = Taro.requestSubscribeMessage as unknown as jest.Mock;
type Call = { url: string; method: string; data?: unknown; header: Record<string, string> };

beforeEach(() => {
  const socket: { on: jest.Mock; removeAllListeners: jest.Mock; disconnect: jest.Mock } = {
    on: jest.fn(() => socket),
    removeAllListeners: jest.fn(),
    disconnect: jest.fn(),
  };
  jest
    .mocked(socketService.connectRealtime)
    .mockReturnValue(socket as unknown as socketService.RealtimeSocket);
  setRouterParams({ date: '2026-11-26' });
  Taro.setStorageSync('omni.courier-session', courierSession(1));
  mockRequest.mockImplementation((call: Call) => {
    if (call.url.includes('/notifications/templates'))
      return Promise.resolve({
        statusCode: 200,
        data: {
          items: [{ templateId: 'T-route', event: 'courier_route_published', title: '配送路线已发布' }],
        },
      });
    if (call.url.endsWith('/notifications/consents'))
      return Promise.resolve({ statusCode: 200, data: { accepted: 1, ignored: [], allowances: [] } });
    if (call.url.includes('/courier/route'))
      return Promise.resolve({ statusCode: 200, data: courierRoute([courierStop({ stopId: 21 })]) });
    return Promise.resolve({ statusCode: 404, data: {} });
  });
});

describe('今日路线: 接收路线通知', () => {
  it('asks for the courier template with the courier token', async () => {
    subscribe.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'T-route': 'accept' });
    const { findByText } = render(<RoutePage />);

    fireEvent.click(await findByText('接收路线通知'));

    expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['T-route'] });
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已开启路线通知' })),
    );
    const consent = mockRequest.mock.calls
      .map(([c]) => c as Call)
      .find((c) => c.url.endsWith('/notifications/consents'))!;
    expect(consent.header.Authorization).toBe('Bearer courier-token-1');
    expect(consent.data).toEqual({ scene: 'courier', results: { 'T-route': 'accept' } });
  });
});
