import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMpApi, redactedCall, type WechatMpControls, type WechatMpOptions } from './mp-api';

/** A running mock of WeChat's servers; the mini-program API controls are described in `mp-api.ts`. */
export interface WechatMock extends WechatMpControls {
  url: string;
  /** Every request path+query received, for assertions (`access_token` and `secret` shown as `***`). */
  calls: string[];
  close(): Promise<void>;
}

/** Options of the mock: the app it accepts and the port (0 = any free). */
export interface WechatMockOptions extends WechatMpOptions {
  appid: string;
  secret: string;
  /** The official account (公众号) whose web authorisation `/sns/oauth2/access_token` accepts. */
  oa?: { appid: string; secret: string };
  port?: number;
  host?: string;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(text);
}

const SEG = '[A-Za-z0-9_-]{1,48}';
const WITH_NONCE = new RegExp(`^mock:(${SEG}):(${SEG}):u:(${SEG})$`);
const PLAIN = new RegExp(`^mock:(${SEG})(?::(${SEG}))?$`);

/**
 * The person a mock code stands for, the same grammar for the mini-program and the official
 * account: `mock:<openid>`, `mock:<openid>:<unionid>`, or `mock:<openid>:<nonce>:u:<unionid>`
 * (a fresh nonce per login keeps one unionid across many single-use codes). Null: not that grammar.
 */
export function parseMockCode(code: string): { openid: string; unionid: string | null } | null {
  const n = WITH_NONCE.exec(code);
  if (n) return { openid: n[1]!, unionid: n[3]! };
  const m = PLAIN.exec(code);
  return m ? { openid: m[1]!, unionid: m[2] ?? null } : null;
}

/**
 * Answers `GET /sns/jscode2session` (mini-program login) and, with `oa`, `GET
 * /sns/oauth2/access_token` (official-account web authorisation) like WeChat. Codes follow
 * `parseMockCode`; `ratelimit` → 45011; `invalid…` → 40029; any other code logs in a user derived
 * from the code's hash. Each code works once (40163 afterwards), as on WeChat.
 * `GET /connect/oauth2/authorize` stands in for WeChat's consent page in dev: it redirects to
 * `redirect_uri` with a fresh `mock:<openid>:<nonce>` code (openid `?mock_openid=` or a fixed one).
 */
export async function startWechatMock(opts: WechatMockOptions): Promise<WechatMock> {
  const used = new Set<string>();
  const usedWeb = new Set<string>();
  let nonce = 0;
  const calls: string[] = [];
  const mp = createMpApi(opts);
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://mock');
    calls.push(redactedCall(url));
    if (mp.route(req, res, url)) return;
    if (req.method === 'GET' && url.pathname === '/sns/jscode2session') {
      const q = url.searchParams;
      if (q.get('appid') !== opts.appid || q.get('secret') !== opts.secret) {
        return send(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
      }
      if (q.get('grant_type') !== 'authorization_code') {
        return send(res, 200, { errcode: 40002, errmsg: 'invalid grant_type' });
      }
      const code = q.get('js_code') ?? '';
      if (code === 'ratelimit')
        return send(res, 200, { errcode: 45011, errmsg: 'api minute-quota reach limit' });
      if (!code || code.startsWith('invalid'))
        return send(res, 200, { errcode: 40029, errmsg: 'invalid code' });
      if (used.has(code)) return send(res, 200, { errcode: 40163, errmsg: 'code been used' });
      used.add(code);
      const sessionKey = createHash('sha256').update(`sk:${code}`).digest('base64').slice(0, 24);
      const m = parseMockCode(code);
      if (m)
        return send(res, 200, {
          openid: m.openid,
          session_key: sessionKey,
          ...(m.unionid ? { unionid: m.unionid } : {}),
        });
      const openid = 'o' + createHash('sha256').update(`openid:${code}`).digest('hex').slice(0, 27);
      return send(res, 200, { openid, session_key: sessionKey });
    }
    if (req.method === 'GET' && url.pathname === '/sns/oauth2/access_token' && opts.oa) {
      return webAccessToken(res, url.searchParams, opts.oa, usedWeb);
    }
    if (req.method === 'GET' && url.pathname === '/connect/oauth2/authorize' && opts.oa) {
      const q = url.searchParams;
      const back = q.get('redirect_uri');
      if (q.get('appid') !== opts.oa.appid || !back || q.get('scope') !== 'snsapi_base') {
        return send(res, 400, { errcode: 10003, errmsg: 'redirect_uri or appid or scope invalid' });
      }
      const to = new URL(back);
      to.searchParams.set('code', `mock:${q.get('mock_openid') ?? 'oDevWebUser'}:n${++nonce}${Date.now()}`);
      to.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { Location: to.toString() });
      res.end();
      return;
    }
    send(res, 404, { errcode: 404, errmsg: 'not found' });
  };
  const server: Server = createServer(handler);
  await new Promise<void>((ok) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    ...mp.controls,
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    calls,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** `GET /sns/oauth2/access_token`: a web-authorisation code → the official account's openid. */
function webAccessToken(
  res: ServerResponse,
  q: URLSearchParams,
  oa: { appid: string; secret: string },
  used: Set<string>,
): void {
  if (q.get('appid') !== oa.appid) return send(res, 200, { errcode: 40013, errmsg: 'invalid appid' });
  if (q.get('secret') !== oa.secret) return send(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
  if (q.get('grant_type') !== 'authorization_code') {
    return send(res, 200, { errcode: 40002, errmsg: 'invalid grant_type' });
  }
  const code = q.get('code') ?? '';
  if (code === 'ratelimit') return send(res, 200, { errcode: 45011, errmsg: 'api minute-quota reach limit' });
  if (!code || code.startsWith('invalid')) return send(res, 200, { errcode: 40029, errmsg: 'invalid code' });
  if (used.has(code)) return send(res, 200, { errcode: 40163, errmsg: 'code been used' });
  used.add(code);
  const m = parseMockCode(code);
  const openid =
    m?.openid ?? 'o' + createHash('sha256').update(`oa-openid:${code}`).digest('hex').slice(0, 27);
  const token = createHash('sha256').update(`at:${code}`).digest('hex');
  send(res, 200, {
    access_token: token.slice(0, 40),
    expires_in: 7200,
    refresh_token: token.slice(24, 64),
    openid,
    scope: 'snsapi_base',
    ...(m?.unionid ? { unionid: m.unionid } : {}),
  });
}
