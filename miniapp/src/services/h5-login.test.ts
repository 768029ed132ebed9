import Taro from '@tarojs/taro';
import { login } from './auth';
import { finishWechatWebLogin, h5LoginMode, oauthParams, withoutOauthParams } from './h5-login';
import { getSession } from './session';

const mockRequest = Taro.request as unknown as jest.Mock;
const WECHAT_UA = 'Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 Mobile MicroMessenger/8.0.50 NetType/WIFI';
const SAFARI_UA = 'Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1';
const reply = (statusCode: number, data: unknown) => ({ statusCode, data, header: {} });
const loginAnswer = {
  token: 'tok-web',
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  user: {
    id: 4,
    role: 'consumer',
    nickname: '微信用户',
    avatarUrl: null,
    storeId: null,
    courierId: null,
    createdAt: '2026-11-25T00:00:00.000Z',
  },
  roles: [],
};

afterEach(() => {
  sessionStorage.clear();
  history.replaceState(null, '', '/');
});

describe('which login the H5 build offers', () => {
  const UA = { WeChat: WECHAT_UA, Safari: SAFARI_UA };
  it.each([
    [{ devLogin: true, smsLogin: true, wechatWeb: true }, 'WeChat', 'demo'],
    [{ devLogin: false, smsLogin: true, wechatWeb: true }, 'WeChat', 'wechat'],
    [{ devLogin: false, smsLogin: true, wechatWeb: true }, 'Safari', 'sms'],
    [{ devLogin: false, smsLogin: false, wechatWeb: true }, 'Safari', 'none'],
    [{ devLogin: false, smsLogin: true, wechatWeb: false }, 'WeChat', 'sms'],
    [{ devLogin: false, smsLogin: false, wechatWeb: false }, 'WeChat', 'none'],
  ] as const)('%j in %s → %s', (options, browser, mode) => {
    expect(h5LoginMode(options, UA[browser])).toBe(mode);
  });
});

describe('the WeChat redirect parameters', () => {
  it('are read from the query or from the hash route, and taken off again', () => {
    const before = 'https://shop.example.com/?code=C1&state=S1#/pages/me/index?from=menu';
    expect(oauthParams(before)).toEqual({ code: 'C1', state: 'S1' });
    expect(withoutOauthParams(before)).toBe('https://shop.example.com/#/pages/me/index?from=menu');
    const inHash = 'https://shop.example.com/#/pages/me/index?code=C2&state=S2';
    expect(oauthParams(inHash)).toEqual({ code: 'C2', state: 'S2' });
    expect(withoutOauthParams(inHash)).toBe('https://shop.example.com/#/pages/me/index');
    expect(oauthParams('https://shop.example.com/#/pages/me/index')).toBeNull();
  });
});

describe('finishing a WeChat web authorisation', () => {
  it('logs in when the state is the one this tab was given', async () => {
    sessionStorage.setItem('omni.oauthState', 'S1');
    history.replaceState(null, '', '/?code=mock:oa1&state=S1#/pages/me/index');
    mockRequest.mockResolvedValueOnce(reply(200, loginAnswer));

    expect((await finishWechatWebLogin())?.token).toBe('tok-web');
    expect(mockRequest.mock.calls[0][0]).toMatchObject({
      url: '/api/v1/auth/h5/wechat',
      method: 'POST',
      data: { code: 'mock:oa1', state: 'S1' },
    });
    expect(getSession()?.token).toBe('tok-web');
    expect(location.search).toBe('');
  });

  it('refuses a state this tab did not start (CSRF) without calling the BFF', async () => {
    sessionStorage.setItem('omni.oauthState', 'MINE');
    history.replaceState(null, '', '/?code=mock:oa1&state=THEIRS');
    expect(await finishWechatWebLogin()).toBeNull();
    expect(mockRequest).not.toHaveBeenCalled();
    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '登录链接已失效，请重新进入' }),
    );
    expect(getSession()).toBeNull();
  });

  it('tells why when WeChat refuses the code', async () => {
    sessionStorage.setItem('omni.oauthState', 'S1');
    history.replaceState(null, '', '/?code=used&state=S1');
    mockRequest.mockResolvedValueOnce(reply(401, { error: { code: 'WECHAT_CODE_INVALID', message: 'x' } }));
    expect(await finishWechatWebLogin()).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '微信授权已失效，请重新进入' }),
    );
  });
});

describe('login() in the production H5 build', () => {
  it('opens 手机号登录 outside WeChat when the dev login is off', async () => {
    mockRequest.mockResolvedValueOnce(reply(200, { devLogin: false, smsLogin: true, wechatWeb: true }));
    expect(await login()).toBeNull();
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/phone-login/index' });
    expect(mockRequest).toHaveBeenCalledTimes(1);
  });

  it('asks for the authorisation URL inside WeChat and keeps its state for the return', async () => {
    const ua = jest.spyOn(navigator, 'userAgent', 'get').mockReturnValue(WECHAT_UA);
    // jsdom cannot navigate; it reports that on the console.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    mockRequest.mockResolvedValueOnce(reply(200, { devLogin: false, smsLogin: true, wechatWeb: true }));
    mockRequest.mockResolvedValueOnce(
      reply(200, {
        url: 'https://open.weixin.qq.com/connect/oauth2/authorize?x#wechat_redirect',
        state: 'S9',
        expiresAt: '2030-01-01T00:00:00.000Z',
      }),
    );
    try {
      expect(await login()).toBeNull();
    } finally {
      ua.mockRestore();
      quiet.mockRestore();
    }
    expect(mockRequest.mock.calls[1][0]).toMatchObject({
      url: `/api/v1/auth/h5/wechat/authorize-url?redirect=${encodeURIComponent('http://localhost/')}`,
    });
    expect(sessionStorage.getItem('omni.oauthState')).toBe('S9');
  });
});
