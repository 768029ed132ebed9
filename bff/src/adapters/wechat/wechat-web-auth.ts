import { RateLimitedError, UnauthenticatedError, UpstreamError } from '../../http/errors';

/** Who an official-account web-authorisation code belongs to. */
export interface WechatWebIdentity {
  /** The official account's openid (differs from the mini-program's for the same person). */
  openid: string;
  /** Present when the account is bound to an open platform that also holds the mini-program. */
  unionid: string | null;
}

/** Exchanges a 网页授权 (snsapi_base) code for the user's official-account identity. */
export interface WechatWebAuth {
  exchange(code: string): Promise<WechatWebIdentity>;
}

interface AccessTokenAnswer {
  access_token?: string;
  openid?: string;
  unionid?: string;
  scope?: string;
  errcode?: number;
  errmsg?: string;
}

/** Calls `GET {apiBase}/sns/oauth2/access_token` with WeChat's real request and answer shapes. */
export class HttpWechatWebAuth implements WechatWebAuth {
  constructor(
    private readonly deps: {
      apiBase: string;
      appid: string;
      secret: string;
      timeoutMs?: number;
      fetch?: typeof fetch;
    },
  ) {}

  async exchange(code: string): Promise<WechatWebIdentity> {
    const url = new URL('/sns/oauth2/access_token', this.deps.apiBase);
    url.search = new URLSearchParams({
      appid: this.deps.appid,
      secret: this.deps.secret,
      code,
      grant_type: 'authorization_code',
    }).toString();
    let answer: AccessTokenAnswer;
    try {
      const res = await (this.deps.fetch ?? fetch)(url, {
        signal: AbortSignal.timeout(this.deps.timeoutMs ?? 5000),
      });
      answer = (await res.json()) as AccessTokenAnswer;
    } catch {
      throw new UpstreamError('WECHAT_UNAVAILABLE', '微信登录服务暂时不可用，请稍后再试', 503);
    }
    if (answer.errcode) {
      switch (answer.errcode) {
        case 40029: // invalid code
        case 40163: // code been used
        case 42003: // code expired (5 minutes)
          throw new UnauthenticatedError('WECHAT_CODE_INVALID', '微信授权已失效或已使用，请重新进入');
        case 45011:
          throw new RateLimitedError('WECHAT_RATE_LIMITED', '登录太频繁，请稍后再试', 60);
        default:
          throw new UpstreamError('WECHAT_UNAVAILABLE', '微信登录服务暂时不可用，请稍后再试', 502);
      }
    }
    if (!answer.openid || !answer.access_token) {
      throw new UpstreamError('WECHAT_UNAVAILABLE', '微信登录服务返回了无法识别的结果', 502);
    }
    return { openid: answer.openid, unionid: answer.unionid ?? null };
  }
}
