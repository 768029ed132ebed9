import { snsGet, unrecognised, type SnsAnswer } from './sns-call';

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

interface Code2SessionAnswer extends SnsAnswer {
  openid?: string;
  unionid?: string;
  session_key?: string;
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
    const { appid, secret } = this.deps;
    const answer = await snsGet<Code2SessionAnswer>(
      this.deps,
      '/sns/jscode2session',
      { appid, secret, js_code: code, grant_type: 'authorization_code' },
      {
        // invalid code, code been used, high-risk user blocked
        codeErrors: [40029, 40163, 40226],
        codeMessage: '微信登录凭证无效或已使用，请重新登录',
      },
    );
    if (!answer.openid || !answer.session_key) throw unrecognised();
    return { openid: answer.openid, unionid: answer.unionid ?? null, sessionKey: answer.session_key };
  }
}
