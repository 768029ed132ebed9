import Taro from '@tarojs/taro';
import { BoundRole, InviteCode, MEMBER_MESSAGES, RoleLoginResponse, type Role } from '@omni/shared-types';
import { z } from 'zod';
import { IS_H5 } from '../config';
import { h5DemoUser } from './auth';
import { authOptions } from './h5-login';
import { ApiError, request } from './request';
import { saveCourierSession } from './courier';
import { saveStaffSession } from '../subpackages/staff/services/staff-session';

const ROLES_KEY = 'omni.bound-roles';

/** The staff-side roles this WeChat identity holds, as the BFF said at the last login or bind. */
export function knownRoles(): BoundRole[] {
  try {
    const parsed = z.array(BoundRole).safeParse(Taro.getStorageSync(ROLES_KEY));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function remember(roles: BoundRole[]): void {
  try {
    Taro.setStorageSync(ROLES_KEY, roles);
  } catch {
    // Storage full: the role switch asks the BFF again next time.
  }
}

/** The page where a role starts its work. */
export function homeOf(role: Role): string {
  return role === 'courier'
    ? '/subpackages/courier/pages/route/index'
    : '/subpackages/staff/pages/home/index';
}

/** The invite code in a page's query: `code=…`, or the `scene` of a mini-program QR code (`code=…`, URL-encoded). */
export function codeFromParams(params: Record<string, string | undefined>): string {
  if (params.code) return decodeURIComponent(params.code);
  const scene = params.scene ? decodeURIComponent(params.scene) : '';
  const m = /(?:^|[?&])code=([^&]+)/.exec(scene);
  return m ? m[1] : scene;
}

/** Whether `text` could be an invite code (8 letters and digits, no look-alikes). */
export function isInviteCode(text: string): boolean {
  return InviteCode.safeParse(text).success;
}

function toastFor(err: unknown): never {
  const code = err instanceof ApiError ? err.code : undefined;
  const text =
    (code && (MEMBER_MESSAGES as Record<string, string>)[code]) ??
    (err instanceof ApiError ? err.message : '操作失败，请重试');
  void Taro.showToast({ title: text, icon: 'none', duration: 2500 });
  throw err;
}

/**
 * A WeChat login code for binding and role switches. In the mini-program `wx.login`; in the H5 demo
 * (only where the BFF allows dev login, i.e. against the mock WeChat) a single-use mock code for
 * this browser's demo identity, so a courier can bind an invite in a browser as in WeChat.
 */
async function wxCode(): Promise<string> {
  if (IS_H5) {
    if ((await authOptions()).devLogin) {
      const nonce = Math.random().toString(36).slice(2, 12);
      const { openid } = h5DemoUser();
      return `mock:${openid}:${nonce}:u:${openid.replace(/^h5-/, 'u-')}`;
    }
    throw new ApiError('WECHAT_CODE_INVALID', '请在微信中打开小程序完成绑定', 0);
  }
  try {
    const { code } = await Taro.login();
    if (code) return code;
  } catch {
    // falls through to the same error
  }
  throw new ApiError('WECHAT_CODE_INVALID', '微信登录失败，请重试', 0);
}

/** Keeps the staff-side session where its workbench looks for it, and the identity's roles for the switch. */
function keep(answer: RoleLoginResponse): void {
  remember(answer.roles);
  if (answer.user.role === 'courier') saveCourierSession(answer);
  else if (answer.user.role === 'staff' || answer.user.role === 'store_manager') saveStaffSession(answer);
}

/**
 * 员工/骑手绑定: binds the invite's role to this WeChat identity (`wx.login` code) and signs that
 * role in. Errors are toasted (邀请码已过期 …) and rethrown.
 */
export async function acceptInvite(code: string): Promise<RoleLoginResponse> {
  try {
    const answer = await request({
      method: 'POST',
      path: '/auth/invite/accept',
      data: { code: code.trim(), wxCode: await wxCode() },
      schema: RoleLoginResponse,
      silent: true,
    });
    keep(answer);
    return answer;
  } catch (err) {
    return toastFor(err);
  }
}

/**
 * The role switch of 我的 in the mini-program: a fresh WeChat login as `role`, which must be bound
 * (403 ROLE_NOT_BOUND otherwise, toasted).
 */
export async function switchRole(role: Exclude<Role, 'consumer'>): Promise<RoleLoginResponse> {
  try {
    const answer = await request({
      method: 'POST',
      path: '/auth/wechat',
      data: { code: await wxCode(), role },
      schema: RoleLoginResponse,
      silent: true,
    });
    keep(answer);
    return answer;
  } catch (err) {
    return toastFor(err);
  }
}
