import { RateLimitedError, UnauthenticatedError, UpstreamError } from '../../http/errors';

/** Where and how the `sns/*` endpoints are called. */
export interface SnsDeps {
  apiBase: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** What an `sns/*` endpoint answers: its fields, or `errcode`/`errmsg`. */
export interface SnsAnswer {
  errcode?: number;
  errmsg?: string;
}

/**
 * `GET {apiBase}{path}?{query}` of one of WeChat's login-code exchanges (`jscode2session`,
 * `oauth2/access_token`), with the error mapping they share: `codeErrors` (the codes meaning the
 * user's code is bad) → 401 WECHAT_CODE_INVALID with `codeMessage`, 45011 → 429, an unreachable
 * or unknown answer → 502/503 WECHAT_UNAVAILABLE.
 */
export async function snsGet<T extends SnsAnswer>(
  deps: SnsDeps,
  path: string,
  query: Record<string, string>,
  opts: { codeErrors: readonly number[]; codeMessage: string },
): Promise<T> {
  const url = new URL(path, deps.apiBase);
  url.search = new URLSearchParams(query).toString();
  let answer: T;
  try {
    const res = await (deps.fetch ?? fetch)(url, { signal: AbortSignal.timeout(deps.timeoutMs ?? 5000) });
    answer = (await res.json()) as T;
  } catch {
    throw new UpstreamError('WECHAT_UNAVAILABLE', '微信登录服务暂时不可用，请稍后再试', 503);
  }
  if (answer.errcode) {
    if (opts.codeErrors.includes(answer.errcode)) {
      throw new UnauthenticatedError('WECHAT_CODE_INVALID', opts.codeMessage);
    }
    if (answer.errcode === 45011)
      throw new RateLimitedError('WECHAT_RATE_LIMITED', '登录太频繁，请稍后再试', 60);
    throw new UpstreamError('WECHAT_UNAVAILABLE', '微信登录服务暂时不可用，请稍后再试', 502);
  }
  return answer;
}

/** A 2xx answer without the fields that make it usable. */
export const unrecognised = () =>
  new UpstreamError('WECHAT_UNAVAILABLE', '微信登录服务返回了无法识别的结果', 502);
