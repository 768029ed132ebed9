import { UnauthenticatedError, RateLimitedError, UpstreamError } from '../../http/errors';

/** What WeChat's `jscode2session` tells about a login code. */
export interface WechatSession {
  openid: string;
  unionid: string | null;
  sessionKey: string;
}

/** Exchanges a `wx.login` code for the user's openid. */
export interface WechatAuth {
  code2session(code: string): Promise<WechatSession>;
}

interface Code2SessionAnswer {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

/** Calls `GET {apiBase}/sns/jscode2session` with WeChat's real request and answer shapes. */
export class HttpWechatAuth implements WechatAuth {
  constructor(
    private readonly deps: {
      apiBase: string;
      appid: string;
      secret: string;
      timeoutMs?: number;
      fetch?: typeof fetch;
    },
  ) {}

  async code2session(code: string): Promise<WechatSession> {
    const url = new URL('/sns/jscode2session', this.deps.apiBase);
    url.search = new URLSearchParams({
      appid: this.deps.appid,
      secret: this.deps.secret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    let answer: Code2SessionAnswer;
    try {
      const res = await (this.deps.fetch ?? fetch)(url, {
        signal: AbortSignal.timeout(this.deps.timeoutMs ?? 5000),
      });
      answer = (await res.json()) as Code2SessionAnswer;
    } catch {
      throw new UpstreamError('WECHAT_UNAVAILABLE', '微信登录服务暂时不可用，请稍后再试', 503);
    }
    if (answer.errcode) {
      switch (answer.errcode) {
        case 40029: // invalid code
        case 40163: // code been used
        case 40226: // high-risk user blocked
          throw new UnauthenticatedError('WECHAT_CODE_INVALID', '微信登录凭证无效或已使用，请重新登录');
        case 45011:
          throw new RateLimitedError('WECHAT_RATE_LIMITED', '登录太频繁，请稍后再试', 60);
        default:
          throw new UpstreamError('WECHAT_UNAVAILABLE', '微信登录服务暂时不可用，请稍后再试', 502);
      }
    }
    if (!answer.openid || !answer.session_key) {
      throw new UpstreamError('WECHAT_UNAVAILABLE', '微信登录服务返回了无法识别的结果', 502);
    }
    return { openid: answer.openid, unionid: answer.unionid ?? null, sessionKey: answer.session_key };
  }
}
