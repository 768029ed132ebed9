import { createHash } from 'node:crypto';

/**
 * How an AMap failure should be handled: `auth` (bad key, signature, privileges) and `quota` (daily
 * limit) will not heal by retrying; `transient` (QPS limits, timeouts, 5xx) will; `request` means
 * AMap is healthy but cannot answer this question (bad parameters, no route).
 */
export type AmapErrorKind = 'auth' | 'quota' | 'transient' | 'request';

/** An AMap answer that is not a success, with AMap's infocode (or a local code such as TIMEOUT). */
export class AmapError extends Error {
  constructor(
    readonly kind: AmapErrorKind,
    readonly infocode: string,
    message: string,
  ) {
    super(message);
    this.name = 'AmapError';
  }
}

// https://lbs.amap.com/api/webservice/guide/tools/info — only the codes whose handling differs are listed.
const AUTH_INFOCODES = new Set(['10001', '10005', '10006', '10007', '10008', '10009', '10012', '10013']);
const QUOTA_INFOCODES = new Set(['10003', '10029', '10044', '10045']);
const TRANSIENT_INFOCODES = new Set([
  '10004',
  '10010',
  '10014',
  '10015',
  '10016',
  '10017',
  '10019',
  '10020',
  '10021',
]);

/** Classifies an AMap infocode into how it must be handled. */
export function classifyInfocode(infocode: string): AmapErrorKind {
  if (AUTH_INFOCODES.has(infocode)) return 'auth';
  if (QUOTA_INFOCODES.has(infocode)) return 'quota';
  if (TRANSIENT_INFOCODES.has(infocode)) return 'transient';
  return 'request';
}

/** AMap's digital signature: md5 hex of the parameters sorted by name, joined `k=v&...` unencoded, then the private key. */
export function signAmapParams(params: Readonly<Record<string, string>>, privateKey: string): string {
  const base = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return createHash('md5')
    .update(base + privateKey, 'utf8')
    .digest('hex');
}

/** Options of the AMap HTTP client; times in milliseconds, `fetch` and `sleep` injectable for tests. */
export interface AmapClientOptions {
  key: string;
  /** The private key of AMap's digital signature; when set every request carries `sig`. */
  secret?: string;
  baseUrl?: string;
  timeoutMs?: number;
  maxRetries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** A JSON object as AMap answers it. */
export type AmapBody = Record<string, unknown>;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** GETs AMap web-service endpoints: signs, times out, retries transient failures with exponential back-off. */
export class AmapClient {
  private readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: AmapClientOptions) {
    if (options.key.trim() === '') throw new RangeError('AMap key must not be empty');
    this.baseUrl = (options.baseUrl ?? 'https://restapi.amap.com').replace(/\/+$/, '');
    this.fetchFn = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
  }

  /** The successful JSON body of `path` with `params`, or an AmapError once retries are exhausted. */
  async get(path: string, params: Readonly<Record<string, string>>): Promise<AmapBody> {
    const maxRetries = this.options.maxRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(path, params);
      } catch (err) {
        const error = toAmapError(err);
        if (error.kind !== 'transient' || attempt >= maxRetries) throw error;
        await this.sleep(this.backoffMs(attempt));
      }
    }
  }

  private backoffMs(attempt: number): number {
    const base = this.options.backoffBaseMs ?? 200;
    const cap = this.options.backoffMaxMs ?? 2_000;
    // Half-jitter keeps several BFF instances from retrying in lock-step against a shared QPS limit.
    return Math.min(cap, base * 2 ** attempt) * (0.5 + this.random() / 2);
  }

  private async once(path: string, params: Readonly<Record<string, string>>): Promise<AmapBody> {
    const query: Record<string, string> = { ...params, key: this.options.key };
    if (this.options.secret) query.sig = signAmapParams(query, this.options.secret);
    const url = `${this.baseUrl}${path}?${new URLSearchParams(query).toString()}`;
    const timeoutMs = this.options.timeoutMs ?? 3_000;
    const res = await this.fetchFn(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) {
      // Release the connection instead of leaving an unread body to the garbage collector.
      await res.body?.cancel().catch(() => undefined);
      const kind = res.status >= 500 || res.status === 429 ? 'transient' : 'request';
      throw new AmapError(kind, `HTTP_${res.status}`, `AMap ${path} answered HTTP ${res.status}`);
    }
    const body: unknown = await res.json();
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new AmapError('transient', 'BAD_RESPONSE', `AMap ${path} answered a non-object`);
    }
    const answer = body as AmapBody;
    // v3 answers {status:"1"|"0", info, infocode}; v4 answers {errcode:0|n, errmsg}.
    if ('errcode' in answer) {
      if (Number(answer.errcode) === 0) return answer;
      const code = String(answer.errcode);
      throw new AmapError(classifyInfocode(code), code, `AMap ${path}: ${String(answer.errmsg)} (${code})`);
    }
    if (answer.status === '1') return answer;
    const code = String(answer.infocode ?? 'UNKNOWN');
    throw new AmapError(classifyInfocode(code), code, `AMap ${path}: ${String(answer.info)} (${code})`);
  }
}

function toAmapError(err: unknown): AmapError {
  if (err instanceof AmapError) return err;
  // Duck-typed: fetch's DOMException may come from another realm, where `instanceof Error` fails.
  const { name, message } = (typeof err === 'object' && err !== null ? err : {}) as {
    name?: unknown;
    message?: unknown;
  };
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new AmapError('transient', 'TIMEOUT', 'AMap did not answer in time');
  }
  if (name === 'SyntaxError') return new AmapError('transient', 'BAD_RESPONSE', 'AMap answered invalid JSON');
  // fetch() rejects with a TypeError on DNS, connection and TLS failures.
  return new AmapError('transient', 'NETWORK', `AMap unreachable: ${String(message ?? err)}`);
}
