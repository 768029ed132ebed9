import Taro from '@tarojs/taro';
import { fireEvent, render, waitFor } from '@testing-library/react';
import { setRouterParams } from '../../../test/__mocks__/taro';
import { getCourierSession } from '../../services/courier';
import { knownRoles } from '../../services/members';
import MemberBindPage from '.';

// The mini-program build: the login code comes from wx.login (the H5 demo is in index.h5.test.tsx).
jest.mock('../../config', () => ({ ...jest.requireActual('../../config'), IS_H5: false }));

const mockRequest = Taro.request as unknown as jest.Mock;

const courierAnswer = {
  token: 'tok-courier',
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  user: {
    id: 7,
    role: 'courier',
    nickname: '微信用户',
    avatarUrl: null,
    storeId: 2,
    courierId: 11,
    createdAt: '2026-11-25T00:00:00.000Z',
  },
  roles: [
    {
      id: 5,
      role: 'courier',
      storeId: 2,
      storeName: '静安店',
      courierId: 11,
      displayName: '测试骑手',
      disabled: false,
    },
  ],
};

describe('员工/骑手绑定', () => {
  it('binds the code from the QR scene with a WeChat login code and opens the courier route', async () => {
    setRouterParams({ scene: encodeURIComponent('code=ABCD2345') });
    mockRequest.mockResolvedValueOnce({ statusCode: 200, data: courierAnswer, header: {} });
    const { container } = render(<MemberBindPage />);
    expect((container.querySelector('.member-bind__code') as HTMLInputElement).value).toBe('ABCD2345');

    fireEvent.click(container.querySelector('.bind-button')!);

    await waitFor(() =>
      expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/courier/pages/route/index' }),
    );
    expect(mockRequest.mock.calls[0][0]).toMatchObject({
      url: '/api/v1/auth/invite/accept',
      method: 'POST',
      data: { code: 'ABCD2345', wxCode: 'test-login-code' },
    });
    expect(getCourierSession()?.token).toBe('tok-courier');
    expect(knownRoles().map((r) => r.role)).toEqual(['courier']);
    expect(container.querySelector('.member-bind__done')?.textContent).toContain('测试骑手');
  });

  it('keeps the button off until the code looks like an invite code', () => {
    const { container } = render(<MemberBindPage />);
    const input = container.querySelector('.member-bind__code')!;
    fireEvent.change(input, { target: { value: 'abc' } });
    expect(container.querySelector('.bind-button')?.hasAttribute('disabled')).toBe(true);
    fireEvent.change(input, { target: { value: 'abcd2345' } });
    expect((input as HTMLInputElement).value).toBe('ABCD2345');
    expect(container.querySelector('.bind-button')?.hasAttribute('disabled')).toBe(false);
    expect(mockRequest).not.toHaveBeenCalled();
  });

  it('says the code has expired and stays on the page', async () => {
    setRouterParams({ code: 'ABCD2345' });
    mockRequest.mockResolvedValueOnce({
      statusCode: 410,
      data: { error: { code: 'INVITE_EXPIRED', message: 'expired' } },
      header: {},
    });
    const { container } = render(<MemberBindPage />);

    fireEvent.click(container.querySelector('.bind-button')!);

    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '邀请码已过期，请联系店长重新邀请' }),
      ),
    );
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    expect(getCourierSession()).toBeNull();
    await waitFor(() =>
      expect(container.querySelector('.bind-button')?.hasAttribute('disabled')).toBe(false),
    );
  });
});
