import Taro from '@tarojs/taro';
import { fireEvent, render, waitFor } from '@testing-library/react';
import { setRouterParams } from '../../../test/__mocks__/taro';
import { getCourierSession } from '../../services/courier';
import MemberBindPage from '.';

// The H5 build (jest runs as H5 unless a test says otherwise): there is no wx.login, so the page
// binds with a mock login code for this browser's demo identity, and only where the BFF allows it.
const mockRequest = Taro.request as unknown as jest.Mock;

const options = (devLogin: boolean) => ({
  statusCode: 200,
  data: { devLogin, smsLogin: false, wechatWeb: false },
  header: {},
});

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

describe('员工/骑手绑定 (H5)', () => {
  it('binds with a single-use mock code for the demo identity where the BFF allows dev login', async () => {
    setRouterParams({ code: 'ABCD2345' });
    mockRequest
      .mockResolvedValueOnce(options(true))
      .mockResolvedValueOnce({ statusCode: 200, data: courierAnswer, header: {} });
    const { container } = render(<MemberBindPage />);

    fireEvent.click(container.querySelector('.bind-button')!);

    await waitFor(() =>
      expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/courier/pages/route/index' }),
    );
    const accept = mockRequest.mock.calls.find((c) => String(c[0].url).endsWith('/auth/invite/accept'));
    const wxCode = String(accept?.[0].data.wxCode);
    expect(wxCode).toMatch(/^mock:h5-[0-9a-f]{16}:[0-9a-z]+:u:u-[0-9a-f]{16}$/);
    expect(Taro.login).not.toHaveBeenCalled();
    expect(getCourierSession()?.token).toBe('tok-courier');
  });

  it('says to open the mini-program in WeChat where there is no dev login, and sends nothing', async () => {
    setRouterParams({ code: 'ABCD2345' });
    mockRequest.mockResolvedValueOnce(options(false));
    const { container } = render(<MemberBindPage />);

    fireEvent.click(container.querySelector('.bind-button')!);

    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '请在微信中打开小程序完成绑定' }),
      ),
    );
    expect(mockRequest.mock.calls.map((c) => String(c[0].url))).toEqual(['/api/v1/auth/options']);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    expect(getCourierSession()).toBeNull();
  });
});
