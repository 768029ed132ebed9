import Taro from '@tarojs/taro';
import {
  AuthOptions,
  H5_AUTH_MESSAGES,
  MePhoneResponse,
  PHONE_PATTERN,
  RoleLoginResponse,
  SmsSendResponse,
  WechatAuthorizeUrl,
} from '@omni/shared-types';
import { ApiError, request } from './request';
import { saveSession, type Session } from './session';

const STATE_KEY = 'omni.oauthState';

/** How the H5 build signs a customer in: the demo login, WeChat web authorisation, SMS, or not at all. */
export type H5LoginMode = 'demo' | 'wechat' | 'sms' | 'none';

/** Picks the login for this browser: the demo login where the BFF allows it, WeChat inside WeChat, else SMS. */
export function h5LoginMode(options: AuthOptions, userAgent: string): H5LoginMode {
  if (options.devLogin) return 'demo';
  if (options.wechatWeb && /MicroMessenger/i.test(userAgent)) return 'wechat';
  if (options.smsLogin) return 'sms';
  return 'none';
}

/** The logins the BFF offers; when it cannot be asked, the demo login as before. */
export async function authOptions(): Promise<AuthOptions> {
  try {
    return await request({ path: '/auth/options', schema: AuthOptions, silent: true });
  } catch {
    return { devLogin: true, smsLogin: false, wechatWeb: false };
  }
}

/** The Chinese text for a failed H5 login call. */
export function h5LoginMessage(err: unknown): string {
  if (!(err instanceof ApiError)) return '登录失败，请重试';
  if (err.code === 'SMS_CODE_INVALID') {
    const left = (err.details as { attemptsLeft?: number } | undefined)?.attemptsLeft;
    return left ? `验证码错误，还可尝试${left}次` : '验证码错误';
  }
  if (err.code === 'SMS_RATE_LIMITED' || err.code === 'RATE_LIMITED') {
    const s = (err.details as { retryAfterS?: number } | undefined)?.retryAfterS;
    return s ? `验证码发送太频繁，请${s}秒后再试` : '验证码发送太频繁，请稍后再试';
  }
  return H5_AUTH_MESSAGES[err.code as keyof typeof H5_AUTH_MESSAGES] ?? err.message;
}

/** The digits of a mainland mobile number as typed (spaces, dashes and +86 dropped), or null. */
export function normalizePhone(typed: string): string | null {
  const v = typed.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  return PHONE_PATTERN.test(v) ? v : null;
}

/** Sends a login code to `phone`; answers the seconds until another may be asked for. */
export async function sendSmsCode(phone: string): Promise<number> {
  const r = await request({
    method: 'POST',
    path: '/auth/sms/send',
    data: { phone },
    schema: SmsSendResponse,
    silent: true,
  });
  return r.resendAfterS;
}

/** Logs in with phone + code and stores the session. */
export async function smsLogin(phone: string, code: string): Promise<Session> {
  const session = await request({
    method: 'POST',
    path: '/auth/sms/verify',
    data: { phone, code },
    schema: RoleLoginResponse,
    silent: true,
  });
  saveSession(session);
  return session;
}

/** Attaches a verified phone to the signed-in customer (so an H5 SMS login finds the same one). */
export function bindPhone(phone: string, code: string): Promise<MePhoneResponse> {
  return request({
    method: 'POST',
    path: '/me/phone',
    data: { phone, code },
    schema: MePhoneResponse,
    silent: true,
  });
}

function sessionStore(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** `href` without the `code` and `state` WeChat added (in the query or in the hash route's query). */
export function withoutOauthParams(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('code');
  url.searchParams.delete('state');
  const [route, query = ''] = url.hash.split('?');
  const q = new URLSearchParams(query);
  q.delete('code');
  q.delete('state');
  url.hash = q.toString() ? `${route}?${q.toString()}` : (route ?? '');
  return url.toString();
}

/** The `code` and `state` WeChat sent back, from the query or from the hash route's query. */
export function oauthParams(href: string): { code: string; state: string } | null {
  const url = new URL(href);
  const inHash = new URLSearchParams(url.hash.split('?')[1] ?? '');
  const code = url.searchParams.get('code') ?? inHash.get('code');
  const state = url.searchParams.get('state') ?? inHash.get('state');
  return code && state ? { code, state } : null;
}

/** Leaves for WeChat's consent page; it comes back to this page with `?code=&state=`. */
export async function startWechatWebLogin(): Promise<void> {
  const here = withoutOauthParams(globalThis.location.href);
  const a = await request({
    path: '/auth/h5/wechat/authorize-url',
    query: { redirect: here },
    schema: WechatAuthorizeUrl,
  });
  sessionStore()?.setItem(STATE_KEY, a.state);
  globalThis.location.assign(a.url);
}

/**
 * Back from WeChat with `code` and `state`: checks the state is the one this tab was given
 * (CSRF), logs in, and takes the parameters off the address. Null when there was nothing to finish.
 */
export async function finishWechatWebLogin(): Promise<Session | null> {
  const got = oauthParams(globalThis.location.href);
  if (!got) return null;
  const expected = sessionStore()?.getItem(STATE_KEY);
  sessionStore()?.removeItem(STATE_KEY);
  globalThis.history.replaceState(null, '', withoutOauthParams(globalThis.location.href));
  if (!expected || expected !== got.state) {
    void Taro.showToast({ title: H5_AUTH_MESSAGES.OAUTH_STATE_INVALID!, icon: 'none' });
    return null;
  }
  try {
    const session = await request({
      method: 'POST',
      path: '/auth/h5/wechat',
      data: { code: got.code, state: got.state },
      schema: RoleLoginResponse,
      silent: true,
    });
    saveSession(session);
    return session;
  } catch (err) {
    void Taro.showToast({ title: h5LoginMessage(err), icon: 'none' });
    return null;
  }
}
