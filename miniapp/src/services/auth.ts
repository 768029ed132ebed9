import Taro from '@tarojs/taro';
import { LoginResponse } from '@omni/shared-types';
import { IS_H5 } from '../config';
import { ApiError, request } from './request';
import { clearSession, saveSession, type Session } from './session';

/** The demo consumer the H5 build signs in as (dev login, only where the BFF allows it). */
export const H5_DEMO_USER = { openid: 'h5-demo-user', nickname: '体验用户' } as const;

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

/** Signs in: WeChat login code in the mini-program, the dev login in H5. Stores the session. */
export async function login(): Promise<Session> {
  const session = IS_H5
    ? await request({
        method: 'POST',
        path: '/auth/dev',
        data: { role: 'consumer', ...H5_DEMO_USER },
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
