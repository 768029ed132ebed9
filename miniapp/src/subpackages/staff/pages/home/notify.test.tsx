import Taro from '@tarojs/taro';
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { fakeSocket } from '../../../../../test/fake-socket';
import * as socketService from '../../../../services/socket';
import * as staffApi from '../../services/staff-api';
import * as supportStaff from '../../services/support-staff';
import { signInStaff } from '../test-session';
import StaffHomePage from '.';

// The mini-program build: 开启新事件提醒 opens WeChat's sheet for the staff templates.
jest.mock('../../../../config', () => ({ ...jest.requireActual('../../../../config'), IS_H5: false }));
jest.mock('../../../../services/socket');
jest.mock('../../services/staff-api');
jest.mock('../../services/support-staff');

const mockRequest = Taro.request as unknown as jest.Mock;
const subscribe = Taro.requestSubscribeMessage as unknown as jest.Mock;
type Call = { url: string; method: string; data?: unknown; header: Record<string, string> };

function serve(items: unknown[]) {
  mockRequest.mockImplementation((call: Call) => {
    if (call.url.includes('/notifications/templates'))
      return Promise.resolve({ statusCode: 200, data: { items } });
    if (call.url.endsWith('/notifications/consents'))
      return Promise.resolve({ statusCode: 200, data: { accepted: 1, ignored: [], allowances: [] } });
    return Promise.resolve({ statusCode: 404, data: {} });
  });
}

beforeEach(() => {
  signInStaff();
  jest.mocked(socketService.connectRealtime).mockReturnValue(fakeSocket().socket);
  jest.mocked(staffApi.listEvents).mockResolvedValue([]);
  jest.mocked(staffApi.listStoreOrders).mockResolvedValue({ items: [], total: 0, page: 1, pageSize: 50 });
  jest.mocked(supportStaff.listQueue).mockResolvedValue([]);
  jest.mocked(supportStaff.storeCaseCount).mockResolvedValue(0);
});

describe('门店工作台: 开启新事件提醒', () => {
  it('asks for the staff templates with the staff token and confirms', async () => {
    serve([{ templateId: 'T-lbs', event: 'staff_lbs_event', title: '门店新事件' }]);
    subscribe.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'T-lbs': 'accept' });
    const { container, findByText } = render(<StaffHomePage />);

    fireEvent.click(await findByText('开启新事件提醒'));

    expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['T-lbs'] });
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已开启新事件提醒' })),
    );
    const calls = mockRequest.mock.calls.map(([c]) => c as Call);
    expect(calls[0].url).toBe('/api/v1/notifications/templates?scene=staff');
    const consent = calls.find((c) => c.url.endsWith('/notifications/consents'))!;
    expect(consent.header.Authorization).toBe('Bearer staff-token');
    expect(consent.data).toEqual({ scene: 'staff', results: { 'T-lbs': 'accept' } });
    expect(container.querySelector('.staff-logout')).not.toBeNull();
  });

  it('offers nothing when the brand configured no staff template', async () => {
    serve([]);
    const { container } = render(<StaffHomePage />);
    await waitFor(() => expect(mockRequest).toHaveBeenCalled());
    await act(() => new Promise((resolve) => setTimeout(resolve, 0))); // the offer is taken in
    expect(container.querySelector('.staff-notify')).toBeNull();
    expect(container.querySelector('.staff-logout')).not.toBeNull();
  });
});
