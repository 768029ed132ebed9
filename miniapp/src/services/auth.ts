import Taro from '@tarojs/taro';
import { LoginResponse } from '@omni/shared-types';
import { IS_H5 } from '../config';
import { ApiError, request } from './request';
import { authOptions, h5LoginMode, startWechatWebLogin, type H5LoginMode } from './h5-login';
import { clearSession, saveSession, type Session } from './session';

const DEMO_KEY = 'omni.demoOpenid';

/**
 * The demo consumer this browser signs in as in H5 (dev login, only where the BFF allows it): a
 * random openid made once and kept in local storage, so no two visitors share orders, phone
 * numbers or addresses. Logging out keeps it: the same browser is the same customer.
 */
export function h5DemoUser(): { openid: string; nickname: string } {
  let openid = '';
  try {
    openid = String(Taro.getStorageSync(DEMO_KEY) || '');
  } catch {
    // storage unavailable (private mode): a new customer per sign-in
  }
  if (!/^h5-[0-9a-f]{16}$/.test(openid)) {
    const bytes = new Uint8Array(8);
    globalThis.crypto.getRandomValues(bytes);
    openid = `h5-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
    try {
      Taro.setStorageSync(DEMO_KEY, openid);
    } catch {
      // as above
    }
  }
  return { openid, nickname: `体验用户${openid.slice(-4).toUpperCase()}` };
}

async function wechatCode(): Promise<string> {
  try {
    const { code } = await Taro.login();
    if (code) return code;
  } catch {
    // falls through to the same error
  }
  const error = new ApiError('WECHAT_CODE_INVALID', '微信登录失败，请重试', 0);
  void Taro.showToast({ title: error.message, icon: 'none' });
  throw error;
}

/**
 * Signs in and stores the session: WeChat login code in the mini-program; in H5 the demo login
 * where the BFF allows it, else WeChat web authorisation inside WeChat (the page leaves) or the
 * 手机号登录 page (`known`: the mode the page already asked the BFF for). Null: the sign-in goes
 * on elsewhere.
 */
export async function login(known?: H5LoginMode): Promise<Session | null> {
  if (IS_H5) {
    const mode = known ?? h5LoginMode(await authOptions(), globalThis.navigator?.userAgent ?? '');
    if (mode === 'wechat') {
      await startWechatWebLogin();
      return null;
    }
    if (mode === 'sms') {
      void Taro.navigateTo({ url: '/pages/phone-login/index' });
      return null;
    }
    if (mode === 'none') {
      void Taro.showToast({ title: '请在微信中打开本页面登录', icon: 'none' });
      return null;
    }
  }
  const session = IS_H5
    ? await request({
        method: 'POST',
        path: '/auth/dev',
        data: { role: 'consumer', ...h5DemoUser() },
        schema: LoginResponse,
      })
    : await request({
        method: 'POST',
        path: '/auth/wechat',
        data: { code: await wechatCode() },
        schema: LoginResponse,
      });
  saveSession(session);
  return session;
}

/** Signs out locally; tokens are stateless, so there is nothing to tell the BFF. */
export function logout(): void {
  clearSession();
}
