import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { saveSession } from '../../services/session';
import { getCourierSession } from '../../services/courier';
import MePage from '.';

// The mini-program build: the role switch signs in through WeChat, never the dev login.
jest.mock('../../config', () => ({ ...jest.requireActual('../../config'), IS_H5: false }));

const mockRequest = Taro.request as unknown as jest.Mock;

const user = {
  id: 7,
  role: 'consumer' as const,
  nickname: '小王',
  avatarUrl: null,
  storeId: null,
  courierId: null,
  createdAt: '2026-11-25T00:00:00.000Z',
};
const expiresAt = () => new Date(Date.now() + 3_600_000).toISOString();

describe('我的 role switch (mini-program build)', () => {
  beforeEach(() => saveSession({ token: 'tok-consumer', expiresAt: expiresAt(), user }));

  it('signs the bound courier role in with a WeChat login code and opens the route', async () => {
    mockRequest.mockResolvedValueOnce({
      statusCode: 200,
      header: {},
      data: {
        token: 'tok-courier',
        expiresAt: expiresAt(),
        user: { ...user, role: 'courier', storeId: 2, courierId: 11 },
        roles: [
          {
            id: 5,
            role: 'courier',
            storeId: 2,
            storeName: '静安店',
            courierId: 11,
            displayName: '小王',
            disabled: false,
          },
        ],
      },
    });
    render(<MePage />);

    fireEvent.click(screen.getByText('骑手端'));

    await waitFor(() =>
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/courier/pages/route/index' }),
    );
    expect(mockRequest.mock.calls[0][0]).toMatchObject({
      url: '/api/v1/auth/wechat',
      method: 'POST',
      data: { code: 'test-login-code', role: 'courier' },
    });
    expect(getCourierSession()?.token).toBe('tok-courier');
  });

  it('tells an identity without the role to bind first and opens nothing', async () => {
    mockRequest.mockResolvedValueOnce({
      statusCode: 403,
      header: {},
      data: { error: { code: 'ROLE_NOT_BOUND', message: 'not bound' } },
    });
    render(<MePage />);

    fireEvent.click(screen.getByText('门店工作台（店员）'));

    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '该微信账号未绑定此身份' }),
      ),
    );
    expect(mockRequest.mock.calls[0][0]).toMatchObject({ data: { role: 'staff' } });
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('opens 员工/骑手绑定 from 我的', () => {
    render(<MePage />);
    fireEvent.click(screen.getByText('员工/骑手绑定'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/member-bind/index' });
  });
});
