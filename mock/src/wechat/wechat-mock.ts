import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running mock of WeChat's servers. */
export interface WechatMock {
  url: string;
  /** Every request path+query received, for assertions. */
  calls: string[];
  close(): Promise<void>;
}

/** Options of the mock: the app it accepts and the port (0 = any free). */
export interface WechatMockOptions {
  appid: string;
  secret: string;
  port?: number;
  host?: string;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(text);
}

/**
 * Answers `GET /sns/jscode2session` like WeChat. Codes:
 * `mock:<openid>` or `mock:<openid>:<unionid>` log in that user; `ratelimit` → 45011;
 * `invalid…` → 40029; any other code logs in a user derived from the code's hash.
 * Each code works once (40163 afterwards), as on WeChat.
 */
export async function startWechatMock(opts: WechatMockOptions): Promise<WechatMock> {
  const used = new Set<string>();
  const calls: string[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://mock');
    calls.push(url.pathname + url.search);
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
      const m = /^mock:([A-Za-z0-9_-]{1,48})(?::([A-Za-z0-9_-]{1,48}))?$/.exec(code);
      if (m)
        return send(res, 200, { openid: m[1], session_key: sessionKey, ...(m[2] ? { unionid: m[2] } : {}) });
      const openid = 'o' + createHash('sha256').update(`openid:${code}`).digest('hex').slice(0, 27);
      return send(res, 200, { openid, session_key: sessionKey });
    }
    send(res, 404, { errcode: 404, errmsg: 'not found' });
  };
  const server: Server = createServer(handler);
  await new Promise<void>((ok) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    calls,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
