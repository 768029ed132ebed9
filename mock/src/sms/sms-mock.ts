import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One text message the mock "delivered". */
export interface MockSms {
  id: string;
  phone: string;
  text: string;
  /** ISO time it was accepted. */
  at: string;
}

/** How the mock fails sends: `unavailable` answers 503, `rejected` a 400 with a provider error. */
export type SmsMockFailure = 'unavailable' | 'rejected' | null;

/** A running mock SMS gateway. */
export interface SmsMock {
  url: string;
  /** Every message accepted, oldest first. */
  messages: MockSms[];
  /** Makes every following send fail this way (null: work again). */
  setFailure(failure: SmsMockFailure): void;
  close(): Promise<void>;
}

/** Options of the mock: the API key it accepts and where it listens (port 0 = any free). */
export interface SmsMockOptions {
  apiKey: string;
  port?: number;
  host?: string;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

/**
 * A stand-in SMS gateway. `POST /v1/messages {phone, text}` with `Authorization: Bearer <apiKey>`
 * records the message and answers `{messageId}` (401 for a wrong key, 400 without phone or text).
 * `GET /messages?phone=` lists what was sent (for dev and tests: the code can be read there).
 * `POST /control/failure {failure: "unavailable"|"rejected"|null}` makes later sends fail.
 */
export async function startSmsMock(opts: SmsMockOptions): Promise<SmsMock> {
  const messages: MockSms[] = [];
  let failure: SmsMockFailure = null;
  let seq = 0;
  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://mock');
    if (req.method === 'POST' && url.pathname === '/v1/messages') {
      if (req.headers.authorization !== `Bearer ${opts.apiKey}`) {
        return send(res, 401, { code: 'UNAUTHORIZED', message: 'invalid api key' });
      }
      const body = (await readJson(req)) as { phone?: unknown; text?: unknown } | null;
      if (failure === 'unavailable') return send(res, 503, { code: 'UNAVAILABLE', message: 'gateway down' });
      if (failure === 'rejected')
        return send(res, 400, { code: 'BLOCKED', message: 'template not approved' });
      if (typeof body?.phone !== 'string' || typeof body.text !== 'string' || !body.text) {
        return send(res, 400, { code: 'BAD_REQUEST', message: 'phone and text are required' });
      }
      const m: MockSms = {
        id: `sms-${++seq}`,
        phone: body.phone,
        text: body.text,
        at: new Date().toISOString(),
      };
      messages.push(m);
      return send(res, 200, { messageId: m.id });
    }
    if (req.method === 'GET' && url.pathname === '/messages') {
      const phone = url.searchParams.get('phone');
      return send(res, 200, { items: messages.filter((m) => !phone || m.phone === phone) });
    }
    if (req.method === 'POST' && url.pathname === '/control/failure') {
      const body = (await readJson(req)) as { failure?: unknown } | null;
      const f = body?.failure ?? null;
      if (f !== null && f !== 'unavailable' && f !== 'rejected') {
        return send(res, 400, {
          code: 'BAD_REQUEST',
          message: 'failure must be unavailable, rejected or null',
        });
      }
      failure = f;
      return send(res, 200, { failure });
    }
    send(res, 404, { code: 'NOT_FOUND', message: 'not found' });
  };
  const server: Server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((ok) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    messages,
    setFailure: (f) => {
      failure = f;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
