import Taro from '@tarojs/taro';
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { AftersalesCase } from '@omni/shared-types';
import { order, session } from '../../../../test/fixtures';
import { setRouterParams } from '../../../../test/__mocks__/taro';
import * as aftersales from '../../../services/aftersales';
import * as orders from '../../../services/orders';
import { ApiError } from '../../../services/request';
import { saveSession } from '../../../services/session';
import NewCasePage from '.';

// The mini-program build: 提交申请 asks about after-sales messages with WeChat's sheet.
jest.mock('../../../config', () => ({ ...jest.requireActual('../../../config'), IS_H5: false }));
jest.mock('../../../services/orders', () => ({
  ...jest.requireActual('../../../services/orders'),
  getOrder: jest.fn(),
}));
jest.mock('../../../services/aftersales', () => ({
  ...jest.requireActual('../../../services/aftersales'),
  createCase: jest.fn(),
}));
const createCase = jest.mocked(aftersales.createCase);
const mockRequest = Taro.request as unknown as jest.Mock;
const subscribe = Taro.requestSubscribeMessage as unknown as jest.Mock;
type Call = { url: string; method: string; data?: unknown };

beforeEach(() => {
  saveSession(session());
  setRouterParams({ orderId: '5' });
  jest.mocked(orders.getOrder).mockResolvedValue(order({ id: 5 }));
  createCase.mockResolvedValue({ id: 31 } as AftersalesCase);
  mockRequest.mockImplementation((call: Call) => {
    if (call.url.includes('/notifications/templates'))
      return Promise.resolve({
        statusCode: 200,
        data: { items: [{ templateId: 'T-case', event: 'aftersales_updated', title: '售后进度更新' }] },
      });
    if (call.url.endsWith('/notifications/consents'))
      return Promise.resolve({ statusCode: 200, data: { accepted: 1, ignored: [], allowances: [] } });
    return Promise.resolve({ statusCode: 404, data: {} });
  });
});

const consentCalls = () =>
  mockRequest.mock.calls.map(([c]) => c as Call).filter((c) => c.url.endsWith('/notifications/consents'));

async function filledForm() {
  const { container } = render(<NewCasePage />);
  await waitFor(() => expect(container.querySelector('.case-reason-input')).not.toBeNull());
  await waitFor(() =>
    expect(mockRequest.mock.calls.some(([c]) => String(c.url).includes('scene=aftersales'))).toBe(true),
  );
  await act(() => new Promise((resolve) => setTimeout(resolve, 0))); // the offer is taken in
  fireEvent.change(container.querySelector('.case-reason-input')!, { target: { value: '包装破损' } });
  return container;
}

describe('申请售后: after-sales messages', () => {
  it('asks with the aftersales scene in the 提交申请 tap and opens the case', async () => {
    subscribe.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'T-case': 'accept' });
    const container = await filledForm();

    fireEvent.click(container.querySelector('.case-submit')!);

    expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['T-case'] });
    await waitFor(() =>
      expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/aftersales/detail/index?id=31' }),
    );
    expect(subscribe.mock.invocationCallOrder[0]).toBeLessThan(createCase.mock.invocationCallOrder[0]);
    await waitFor(() => expect(consentCalls()).toHaveLength(1));
    expect(consentCalls()[0].data).toEqual({ scene: 'aftersales', results: { 'T-case': 'accept' } });
  });

  it('opens the case when the sheet fails, and still shows why a case is refused', async () => {
    createCase.mockRejectedValueOnce(new ApiError('INVALID_STATE', '订单状态已变化，请刷新后重试', 409));
    const container = await filledForm();

    fireEvent.click(container.querySelector('.case-submit')!); // the mock's sheet fails with 20004

    await waitFor(() => expect(container.querySelector('.case-error')).not.toBeNull());
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(createCase).toHaveBeenCalledTimes(1);
    expect(consentCalls()).toHaveLength(0);
  });
});
