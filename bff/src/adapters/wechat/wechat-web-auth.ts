import { snsGet, unrecognised, type SnsAnswer } from './sns-call';

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

interface AccessTokenAnswer extends SnsAnswer {
  access_token?: string;
  openid?: string;
  unionid?: string;
  scope?: string;
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
    const { appid, secret } = this.deps;
    const answer = await snsGet<AccessTokenAnswer>(
      this.deps,
      '/sns/oauth2/access_token',
      { appid, secret, code, grant_type: 'authorization_code' },
      {
        // invalid code, code been used, code expired (5 minutes)
        codeErrors: [40029, 40163, 42003],
        codeMessage: '微信授权已失效或已使用，请重新进入',
      },
    );
    if (!answer.openid || !answer.access_token) throw unrecognised();
    return { openid: answer.openid, unionid: answer.unionid ?? null };
  }
}
