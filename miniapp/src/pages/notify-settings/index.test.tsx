import Taro from '@tarojs/taro';
import { fireEvent, render, waitFor } from '@testing-library/react';
import type { NotifyPreference } from '@omni/shared-types';
import { session } from '../../../test/fixtures';
import { clearSession, saveSession } from '../../services/session';
import NotifySettingsPage from '.';

// The mini-program build, where 微信通知设置 opens WeChat's own settings.
jest.mock('../../config', () => ({ ...jest.requireActual('../../config'), IS_H5: false }));

const mockRequest = Taro.request as unknown as jest.Mock;
type Call = { url: string; method: string; data?: unknown };

const rows: NotifyPreference[] = [
  { event: 'order_paid', title: '订单支付成功', enabled: true, remaining: 2, available: true },
  { event: 'delivered', title: '订单已送达', enabled: false, remaining: 0, available: true },
  { event: 'support_reply', title: '客服回复', enabled: true, remaining: 0, available: false },
];

/** The BFF: the rows, and PUT answering `put` (a status and body) for each change. */
function serve(put: (call: Call) => { statusCode: number; data: unknown }) {
  mockRequest.mockImplementation((call: Call) => {
    if (call.url.endsWith('/notifications/preferences'))
      return Promise.resolve({ statusCode: 200, data: { items: rows } });
    if (call.method === 'PUT') return Promise.resolve(put(call));
    return Promise.resolve({ statusCode: 404, data: {} });
  });
}

const row = (c: HTMLElement, event: string) => c.querySelector(`.notify-row[data-event="${event}"]`)!;
const toggle = (c: HTMLElement, event: string) => c.querySelector(`.notify-switch[data-event="${event}"]`)!;
const isOn = (c: HTMLElement, event: string) => toggle(c, event).classList.contains('notify-switch--on');

beforeEach(() => saveSession(session()));

describe('消息通知', () => {
  it('shows each event with its switch and how many messages may still come', async () => {
    serve(() => ({ statusCode: 500, data: {} }));
    const { container, findByText } = render(<NotifySettingsPage />);
    expect(await findByText('订单支付成功')).toBeTruthy();

    expect(row(container, 'order_paid').textContent).toContain('还可接收 2 条');
    expect(isOn(container, 'order_paid')).toBe(true);
    expect(row(container, 'delivered').textContent).toContain('还可接收 0 条');
    expect(isOn(container, 'delivered')).toBe(false);
    expect(row(container, 'support_reply').classList.contains('notify-row--unavailable')).toBe(true);
    expect(row(container, 'support_reply').textContent).toContain('商家未开通');
    expect(container.textContent).toContain(
      '每次同意订阅可接收一条通知；下单、转人工或申请售后时会询问你是否接收。',
    );

    fireEvent.click(toggle(container, 'support_reply'));
    expect(mockRequest.mock.calls.some(([c]) => (c as Call).method === 'PUT')).toBe(false);

    fireEvent.click(container.querySelector('.notify-wechat-settings')!);
    expect(Taro.openSetting).toHaveBeenCalledWith({ withSubscriptions: true });
  });

  it('turns an event on at once and keeps what the BFF answered', async () => {
    serve(() => ({ statusCode: 200, data: { ...rows[1], enabled: true, remaining: 1 } }));
    const { container, findByText } = render(<NotifySettingsPage />);
    await findByText('订单已送达');

    fireEvent.click(toggle(container, 'delivered'));

    expect(isOn(container, 'delivered')).toBe(true);
    await waitFor(() => expect(row(container, 'delivered').textContent).toContain('还可接收 1 条'));
    const put = mockRequest.mock.calls.map(([c]) => c as Call).find((c) => c.method === 'PUT')!;
    expect(put.url).toBe('/api/v1/notifications/preferences/delivered');
    expect(put.data).toEqual({ enabled: true });
  });

  it('puts the switch back and says so when the change fails', async () => {
    serve(() => ({ statusCode: 500, data: { error: { code: 'INTERNAL', message: 'boom' } } }));
    const { container, findByText } = render(<NotifySettingsPage />);
    await findByText('订单支付成功');

    fireEvent.click(toggle(container, 'order_paid'));

    expect(isOn(container, 'order_paid')).toBe(false);
    await waitFor(() => expect(isOn(container, 'order_paid')).toBe(true));
    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '服务开小差了，请稍后再试' }),
    );
  });

  it('sends a signed-out user to 我的 to log in', () => {
    clearSession();
    const { container } = render(<NotifySettingsPage />);
    expect(container.textContent).toContain('登录后可设置消息通知');
    fireEvent.click(container.querySelector('.login-required')!);
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
    expect(mockRequest).not.toHaveBeenCalled();
  });
});
