import type {
  AuthOptions,
  MePhoneResponse,
  RoleLoginResponse,
  SmsSendResponse,
  SmsVerifyBody,
  WechatAuthorizeUrl,
  WechatWebLoginBody,
} from '@omni/shared-types';
import { maskPhone } from '@omni/shared-types';
import type { WechatWebAuth } from '../../adapters/wechat/wechat-web-auth';
import type { Clock } from '../../clock';
import { AppError, NotFoundError } from '../../http/errors';
import type { AuthService } from '../auth/auth.service';
import { toUser } from '../users/users.service';
import type { H5Identities } from './h5-identities';
import type { OAuthStates } from './oauth-state';
import type { SmsCodes } from './sms-codes';

/** The official account's web authorisation, as far as this service needs it. */
export interface WechatWebSettings {
  appid: string;
  /** Where WeChat's consent page lives: https://open.weixin.qq.com (or the mock in dev). */
  authorizeBase: string;
  auth: WechatWebAuth;
}

/**
 * Logins of the H5 shop: WeChat web authorisation inside the WeChat browser, phone + SMS code
 * elsewhere; both land on the same customer as the mini-program (unionid, verified phone).
 */
export class H5AuthService {
  constructor(
    private readonly deps: {
      auth: AuthService;
      identities: H5Identities;
      states: OAuthStates;
      /** Null when no official account is configured (production without WECHAT_OA_*). */
      wechatWeb: WechatWebSettings | null;
      /** Null when no SMS gateway is configured (production without SMS_*). */
      sms: SmsCodes | null;
      allowDevLogin: boolean;
      clock: Clock;
    },
  ) {}

  /** Which logins the H5 build may offer. */
  options(): AuthOptions {
    return { devLogin: this.deps.allowDevLogin, smsLogin: !!this.deps.sms, wechatWeb: !!this.deps.wechatWeb };
  }

  /** WeChat's snsapi_base consent URL that comes back to `redirect` with `?code=&state=`. */
  authorizeUrl(redirect: string): WechatAuthorizeUrl {
    const web = this.wechatWeb();
    const { state, expiresAt } = this.deps.states.issue(this.deps.clock.now());
    const url = new URL('/connect/oauth2/authorize', web.authorizeBase);
    // WeChat wants exactly these parameters in this order, and the fragment.
    url.search = new URLSearchParams({
      appid: web.appid,
      redirect_uri: redirect,
      response_type: 'code',
      scope: 'snsapi_base',
      state,
    }).toString();
    return { url: `${url.toString()}#wechat_redirect`, state, expiresAt: expiresAt.toISOString() };
  }

  /** `code` + `state` from WeChat's redirect → a consumer token (400 OAUTH_STATE_INVALID, 401 WECHAT_CODE_INVALID). */
  async wechatLogin(body: WechatWebLoginBody): Promise<RoleLoginResponse> {
    const web = this.wechatWeb();
    if (!this.deps.states.check(body.state, this.deps.clock.now())) {
      throw new AppError(400, 'OAUTH_STATE_INVALID', '登录链接已失效，请重新进入');
    }
    const who = await web.auth.exchange(body.code);
    const user = await this.deps.identities.byWechatWeb(who.openid, who.unionid);
    return this.deps.auth.issueFor(user, 'consumer');
  }

  /** Sends a login code to `phone`. */
  smsSend(phone: string, ip: string): Promise<SmsSendResponse> {
    return this.smsCodes().send(phone, ip);
  }

  /** A right code → a token for the consumer who verified that phone (created on first login). */
  async smsLogin(body: SmsVerifyBody): Promise<RoleLoginResponse> {
    await this.smsCodes().consume(body.phone, body.code);
    const user = await this.deps.identities.byPhone(body.phone);
    return this.deps.auth.issueFor(user, 'consumer');
  }

  /** A right code → the phone is the caller's (409 PHONE_TAKEN if another account holds it). */
  async attachPhone(userId: number, body: SmsVerifyBody): Promise<MePhoneResponse> {
    await this.smsCodes().consume(body.phone, body.code);
    const user = await this.deps.identities.attachPhone(userId, body.phone);
    return { phone: maskPhone(body.phone), user: toUser(user) };
  }

  private wechatWeb(): WechatWebSettings {
    if (!this.deps.wechatWeb) throw new NotFoundError('WECHAT_WEB_DISABLED', '暂未开通微信网页登录');
    return this.deps.wechatWeb;
  }

  private smsCodes(): SmsCodes {
    if (!this.deps.sms) throw new NotFoundError('SMS_LOGIN_DISABLED', '暂未开通短信登录');
    return this.deps.sms;
  }
}
