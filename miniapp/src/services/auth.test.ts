import Taro from '@tarojs/taro';
import { resetTaroMock } from '../../test/__mocks__/taro';
import { h5DemoUser, login, logout } from './auth';

const mockRequest = Taro.request as unknown as jest.Mock;

function loginAnswer() {
  // GET /auth/options first: a dev BFF offers the demo login.
  mockRequest.mockResolvedValueOnce({
    statusCode: 200,
    header: {},
    errMsg: 'request:ok',
    data: { devLogin: true, smsLogin: false, wechatWeb: false },
  });
  mockRequest.mockResolvedValueOnce({
    statusCode: 200,
    header: {},
    errMsg: 'request:ok',
    data: {
      token: 'tok',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      user: {
        id: 1,
        role: 'consumer',
        nickname: '体验用户',
        avatarUrl: null,
        storeId: null,
        courierId: null,
        createdAt: '2026-12-01T00:00:00.000Z',
      },
    },
  });
}

describe('the H5 demo customer', () => {
  it('is one random customer per browser, kept across sign-out', async () => {
    const first = h5DemoUser();
    expect(first.openid).toMatch(/^h5-[0-9a-f]{16}$/);
    expect(first.nickname).toBe(`体验用户${first.openid.slice(-4).toUpperCase()}`);
    loginAnswer();
    await login();
    logout();
    loginAnswer();
    await login();
    const bodies = mockRequest.mock.calls
      .filter(([opts]) => (opts as { url: string }).url.endsWith('/auth/dev'))
      .map(([opts]) => (opts as { data: { openid: string } }).data);
    expect(bodies.map((b) => b.openid)).toEqual([first.openid, first.openid]);
  });

  it('differs between two browsers (two storages)', () => {
    const one = h5DemoUser().openid;
    resetTaroMock(); // another browser: empty local storage
    const two = h5DemoUser().openid;
    expect(two).not.toBe(one);
  });

  it('replaces a stored value that is not one of ours', () => {
    Taro.setStorageSync('omni.demoOpenid', 'h5-demo-user');
    expect(h5DemoUser().openid).toMatch(/^h5-[0-9a-f]{16}$/);
  });
});
