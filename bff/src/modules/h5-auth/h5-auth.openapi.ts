import * as T from '@omni/shared-types';
import type { ApiOperation } from '../../http/openapi';

/** The documented operations of the H5 logins (spread into API_OPERATIONS). */
export const H5_AUTH_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/auth/options',
    summary: '可用的登录方式：开发登录、短信登录、微信网页授权（H5 据此选择登录页）',
    response: T.AuthOptions,
  },
  {
    method: 'get',
    path: '/auth/h5/wechat/authorize-url',
    summary:
      '微信网页授权地址 (snsapi_base)：回跳 redirect 时带 ?code=&state=；state 10 分钟内有效，H5 须保存并比对回跳的 state',
    query: T.WechatAuthorizeQuery,
    response: T.WechatAuthorizeUrl,
    errors: ['WECHAT_WEB_DISABLED'],
  },
  {
    method: 'post',
    path: '/auth/h5/wechat',
    summary:
      '微信网页授权登录：code 换取公众号 openid（及 unionid），按 unionid（与小程序同一顾客）或公众号 openid 找到或创建顾客，返回 consumer 登录凭证',
    body: T.WechatWebLoginBody,
    response: T.RoleLoginResponse,
    errors: ['OAUTH_STATE_INVALID', 'WECHAT_CODE_INVALID', 'WECHAT_RATE_LIMITED', 'WECHAT_WEB_DISABLED'],
  },
  {
    method: 'post',
    path: '/auth/sms/send',
    summary:
      '发送短信验证码（6 位，5 分钟有效）：同一手机号 60 秒一次、每天 10 次，同一 IP 每小时 20 次，超出 429 + Retry-After',
    body: T.SmsSendBody,
    response: T.SmsSendResponse,
    errors: ['PHONE_INVALID', 'SMS_RATE_LIMITED', 'SMS_UNAVAILABLE', 'SMS_LOGIN_DISABLED'],
  },
  {
    method: 'post',
    path: '/auth/sms/verify',
    summary:
      '短信验证码登录：按已验证的手机号找到或创建顾客，返回 consumer 登录凭证；错 5 次验证码作废（SMS_CODE_LOCKED）',
    body: T.SmsVerifyBody,
    response: T.RoleLoginResponse,
    errors: [
      'PHONE_INVALID',
      'SMS_CODE_INVALID',
      'SMS_CODE_EXPIRED',
      'SMS_CODE_LOCKED',
      'SMS_LOGIN_DISABLED',
    ],
  },
  {
    method: 'post',
    path: '/me/phone',
    summary: '绑定已验证的手机号到当前微信身份，之后 H5 短信登录即为同一顾客；被其他账号占用 409 PHONE_TAKEN',
    roles: ['consumer', 'courier', 'staff', 'store_manager', 'admin'],
    body: T.SmsVerifyBody,
    response: T.MePhoneResponse,
    errors: ['PHONE_INVALID', 'SMS_CODE_INVALID', 'SMS_CODE_EXPIRED', 'SMS_CODE_LOCKED', 'PHONE_TAKEN'],
  },
];
