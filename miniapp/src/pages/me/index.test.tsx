import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import MePage from '.';

const mockRequest = Taro.request as unknown as jest.Mock;

const loginAnswer = {
  token: 'tok-h5',
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  user: {
    id: 3,
    role: 'consumer',
    nickname: '体验用户',
    avatarUrl: null,
    storeId: null,
    courierId: null,
    createdAt: '2026-11-25T00:00:00.000Z',
  },
};

/** GET /auth/options as a dev BFF answers it (the page asks first, on mount). */
const demoOptions = () =>
  mockRequest.mockResolvedValueOnce({
    statusCode: 200,
    data: { devLogin: true, smsLogin: true, wechatWeb: true },
    header: {},
  });

describe('我的 (H5 build)', () => {
  it('signs in as the demo consumer and shows the nickname', async () => {
    demoOptions();
    mockRequest.mockResolvedValueOnce({ statusCode: 200, data: loginAnswer, header: {} });
    const { container } = render(<MePage />);

    fireEvent.click(container.querySelector('.login-button')!);

    await waitFor(() => expect(container.querySelector('.user-nickname')?.textContent).toBe('体验用户'));
    expect(mockRequest.mock.calls[0][0]).toMatchObject({ url: '/api/v1/auth/options', method: 'GET' });
    expect(mockRequest.mock.calls[1][0]).toMatchObject({
      url: '/api/v1/auth/dev',
      method: 'POST',
      data: { role: 'consumer', openid: expect.stringMatching(/^h5-[0-9a-f]{16}$/) },
    });
    expect(Taro.login).not.toHaveBeenCalled();
  });

  it('stays signed in after a restart and signs out with 退出登录', async () => {
    demoOptions();
    mockRequest.mockResolvedValueOnce({ statusCode: 200, data: loginAnswer, header: {} });
    const first = render(<MePage />);
    fireEvent.click(first.container.querySelector('.login-button')!);
    await waitFor(() => expect(first.container.querySelector('.user-nickname')).not.toBeNull());
    first.unmount();

    const { container } = render(<MePage />);
    expect(container.querySelector('.user-nickname')?.textContent).toBe('体验用户');
    fireEvent.click(screen.getByText('退出登录'));

    expect(container.querySelector('.login-button')).not.toBeNull();
    expect(container.querySelector('.user-nickname')).toBeNull();
  });

  it('stays signed out and tells why when the BFF refuses', async () => {
    demoOptions();
    mockRequest.mockResolvedValueOnce({
      statusCode: 403,
      data: { error: { code: 'DEV_LOGIN_DISABLED', message: 'dev login is off' } },
      header: {},
    });
    const { container } = render(<MePage />);

    fireEvent.click(container.querySelector('.login-button')!);

    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '体验登录未开启' })),
    );
    expect(container.querySelector('.user-nickname')).toBeNull();
    await waitFor(() =>
      expect(container.querySelector('.login-button')?.hasAttribute('disabled')).toBe(false),
    );
  });
});
