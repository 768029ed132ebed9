import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AMAP_INFO,
  answerDirection,
  answerDistance,
  answerGeocode,
  answerRegeo,
  type MockAnswer,
} from './amap-mock-answers';

/** Failures the mock can be scripted to answer with; replaced as a whole by `setMode`. */
export interface AmapMockFailures {
  /** Every call answers 10001 INVALID_USER_KEY, whatever key is sent. */
  invalidKey?: boolean;
  /** Every call answers 10003 DAILY_QUERY_OVER_LIMIT. */
  dailyQuotaExceeded?: boolean;
  /** The next N calls answer a QPS-limit error, then answers are normal again. */
  qpsExceededNext?: number;
  /** Which QPS infocode to use (default 10021 CUQPS_HAS_EXCEEDED_THE_LIMIT). */
  qpsInfocode?: '10004' | '10014' | '10019' | '10020' | '10021';
  /** Every answer is held back this many milliseconds (to provoke client timeouts). */
  delayMs?: number;
}

/** Options: port (0 = random), the valid key, the private key whose `sig` is then required, the road detour factor. */
export interface AmapMockOptions {
  port?: number;
  host?: string;
  key?: string;
  privateKey?: string;
  detourFactor?: number;
  failures?: AmapMockFailures;
}

/** One request the mock received, and the infocode it answered ("10000" for success). */
export interface AmapMockCall {
  path: string;
  params: Record<string, string>;
  infocode: string;
}

/** A running AMap mock: its base URL, the calls it saw (oldest first), and controls. */
export interface AmapMock {
  url: string;
  calls: AmapMockCall[];
  /** Replaces the scripted failures (pass `{}` to answer normally again). */
  setMode(failures: AmapMockFailures): void;
  /** Forgets the recorded calls. */
  resetCalls(): void;
  close(): Promise<void>;
}

type Handler = (params: Record<string, string>, detourFactor: number) => MockAnswer;

const HANDLERS: Readonly<Record<string, Handler>> = {
  '/v3/geocode/geo': (p) => answerGeocode(p),
  '/v3/geocode/regeo': (p) => answerRegeo(p),
  '/v3/distance': (p, f) => answerDistance(p, f),
  '/v3/direction/walking': (p, f) => answerDirection('walking', p, f),
  '/v3/direction/driving': (p, f) => answerDirection('driving', p, f),
  '/v4/direction/bicycling': (p, f) => answerDirection('bicycling', p, f),
};

/** AMap's signature over the parameters (sig excluded): md5 of the sorted `k=v&...` string plus the private key. */
export function amapSig(params: Readonly<Record<string, string>>, privateKey: string): string {
  const base = Object.keys(params)
    .filter((k) => k !== 'sig')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return createHash('md5')
    .update(base + privateKey, 'utf8')
    .digest('hex');
}

/** Starts an AMap web-service mock on loopback answering in AMap's real JSON shapes. */
export async function startAmapMock(options: AmapMockOptions = {}): Promise<AmapMock> {
  const key = options.key ?? 'test-key';
  const detourFactor = options.detourFactor ?? 1.3;
  let failures: AmapMockFailures = { ...options.failures };
  const calls: AmapMockCall[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const decide = (path: string, params: Record<string, string>): MockAnswer => {
    if (failures.invalidKey) return { infocode: '10001' };
    if (failures.dailyQuotaExceeded) return { infocode: '10003' };
    if ((failures.qpsExceededNext ?? 0) > 0) {
      failures = { ...failures, qpsExceededNext: (failures.qpsExceededNext ?? 0) - 1 };
      return { infocode: failures.qpsInfocode ?? '10021' };
    }
    if (params.key !== key) return { infocode: '10001' };
    if (options.privateKey && params.sig !== amapSig(params, options.privateKey))
      return { infocode: '10007' };
    const handler = HANDLERS[path];
    return handler ? handler(params, detourFactor) : { infocode: '10026' };
  };

  const send = (res: ServerResponse, path: string, answer: MockAnswer): void => {
    const v4 = path.startsWith('/v4/');
    let body: Record<string, unknown>;
    if ('infocode' in answer) {
      const info = AMAP_INFO[answer.infocode] ?? 'UNKNOWN_ERROR';
      body = v4
        ? { data: '', errcode: Number(answer.infocode), errdetail: null, errmsg: info }
        : { status: '0', info, infocode: answer.infocode };
    } else {
      body = v4
        ? { ...answer.body, errcode: 0, errdetail: null, errmsg: 'OK' }
        : { status: '1', info: 'OK', infocode: '10000', ...answer.body };
    }
    // AMap answers HTTP 200 even for errors; the verdict is in the body.
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://mock');
    const params = Object.fromEntries(url.searchParams);
    const answer = decide(url.pathname, params);
    calls.push({ path: url.pathname, params, infocode: 'infocode' in answer ? answer.infocode : '10000' });
    const delayMs = failures.delayMs ?? 0;
    if (delayMs <= 0) return send(res, url.pathname, answer);
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) send(res, url.pathname, answer);
    }, delayMs);
    timers.add(timer);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;

  return {
    url: `http://${address}:${port}`,
    calls,
    setMode: (next) => {
      failures = { ...next };
    },
    resetCalls: () => {
      calls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive and held-back connections would otherwise keep close() (and jest) waiting.
        server.closeAllConnections();
      }),
  };
}
