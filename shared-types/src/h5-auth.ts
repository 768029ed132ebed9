import { z } from 'zod';
import type { ErrorCode } from './errors';
import { User } from './auth';

/** `GET /auth/options`: which ways of logging in this BFF offers (the H5 build picks its login page by it). */
export const AuthOptions = z.object({
  /** `POST /auth/dev` is on (development, demo, tests). */
  devLogin: z.boolean(),
  /** Phone number + SMS code (`/auth/sms/*`). */
  smsLogin: z.boolean(),
  /** WeChat web authorisation (网页授权, snsapi_base) inside the WeChat browser (`/auth/h5/wechat*`). */
  wechatWeb: z.boolean(),
});
export type AuthOptions = z.infer<typeof AuthOptions>;

/** A mainland mobile number: 11 digits starting 13–19. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

/** A mainland mobile number (spaces, dashes and a leading +86 are dropped first). */
export const PhoneNumber = z
  .string()
  .trim()
  .max(20)
  .transform((v) => v.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, ''))
  .pipe(z.string().regex(PHONE_PATTERN, '请输入正确的11位手机号'));

/** A 6-digit SMS code. */
export const SmsCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '验证码为6位数字');

/** `GET /auth/h5/wechat/authorize-url?redirect=`: the H5 page WeChat sends the user back to. */
export const WechatAuthorizeQuery = z.strictObject({
  redirect: z.url({ protocol: /^https?$/ }).max(512),
});
export type WechatAuthorizeQuery = z.infer<typeof WechatAuthorizeQuery>;

/** The WeChat authorisation URL to open, and the state it carries (keep it to compare on return). */
export const WechatAuthorizeUrl = z.object({
  url: z.string(),
  state: z.string(),
  /** ISO time after which the state is refused. */
  expiresAt: z.string(),
});
export type WechatAuthorizeUrl = z.infer<typeof WechatAuthorizeUrl>;

/** `POST /auth/h5/wechat`: the `code` and `state` WeChat appended to the redirect. */
export const WechatWebLoginBody = z.strictObject({
  code: z.string().trim().min(1).max(128),
  state: z.string().trim().min(1).max(256),
});
export type WechatWebLoginBody = z.infer<typeof WechatWebLoginBody>;

/** `POST /auth/sms/send`. */
export const SmsSendBody = z.strictObject({ phone: PhoneNumber });
export type SmsSendBody = z.infer<typeof SmsSendBody>;

/** The code was sent: how long it lives and when another may be asked for. */
export const SmsSendResponse = z.object({
  expiresInS: z.number().int(),
  resendAfterS: z.number().int(),
});
export type SmsSendResponse = z.infer<typeof SmsSendResponse>;

/** `POST /auth/sms/verify` and `POST /me/phone`: the phone and the code it received. */
export const SmsVerifyBody = z.strictObject({ phone: PhoneNumber, code: SmsCode });
export type SmsVerifyBody = z.infer<typeof SmsVerifyBody>;

/** `POST /me/phone`: the verified phone now belongs to the caller. */
export const MePhoneResponse = z.object({
  /** Masked for display: 138****8000. */
  phone: z.string(),
  user: User,
});
export type MePhoneResponse = z.infer<typeof MePhoneResponse>;

/** What the H5 login pages say for each error code of the H5 logins. */
export const H5_AUTH_MESSAGES: Partial<Record<ErrorCode, string>> = {
  PHONE_INVALID: '请输入正确的11位手机号',
  PHONE_TAKEN: '该手机号已绑定其他账号',
  SMS_RATE_LIMITED: '验证码发送太频繁，请稍后再试',
  SMS_UNAVAILABLE: '短信服务暂时不可用，请稍后再试',
  SMS_LOGIN_DISABLED: '暂未开通短信登录',
  SMS_CODE_INVALID: '验证码错误',
  SMS_CODE_EXPIRED: '验证码已过期或已使用，请重新获取',
  SMS_CODE_LOCKED: '错误次数过多，验证码已失效，请重新获取',
  OAUTH_STATE_INVALID: '登录链接已失效，请重新进入',
  WECHAT_WEB_DISABLED: '暂未开通微信网页登录',
  WECHAT_CODE_INVALID: '微信授权已失效，请重新进入',
  WECHAT_UNAVAILABLE: '微信登录服务暂时不可用，请稍后再试',
  VALIDATION_FAILED: '请检查手机号和验证码',
};
