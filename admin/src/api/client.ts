// One fetch for the whole console: the bearer token, JSON in and out, the BFF's error body as an
// ApiError, and a session that ends mid-edit paused (not thrown away) until the user signs in again.
import type { ErrorBody, FieldIssue } from '@omni/shared-types';

export const API_BASE = '/api/v1';
const TOKEN_KEY = 'omni.admin.token';

/** A non-2xx answer of the BFF: its status, error code, message and field issues. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The offending fields, when the BFF named them (`details.fields`, or `details` itself, as a list of `{path, message}`). */
  get fields(): FieldIssue[] {
    const d = this.details as { fields?: unknown } | unknown[] | undefined;
    const list = Array.isArray(d) ? d : d && typeof d === 'object' ? d.fields : undefined;
    return Array.isArray(list)
      ? (list as unknown[]).filter(
          (d): d is FieldIssue => typeof d === 'object' && d !== null && 'path' in d && 'message' in d,
        )
      : [];
  }
}

export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (t: string) => localStorage.setItem(TOKEN_KEY, t),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

type Waiter = () => void;
let onExpired: ((resume: Waiter) => void) | null = null;

/**
 * What happens when a signed-in request answers 401: the auth layer shows the login dialog over
 * the page and calls `resume` once signed in again, and the request is sent once more.
 */
export function setSessionExpiredHandler(h: ((resume: Waiter) => void) | null): void {
  onExpired = h;
}

export interface RequestOptions {
  method?: string;
  query?: Record<string, string | number | boolean | undefined | null | (string | number)[]>;
  body?: unknown;
  /** Raw body (CSV text, image bytes) sent as is with this content type. */
  raw?: { body: BodyInit; contentType: string };
  signal?: AbortSignal;
  /** Don't pause for a re-login on 401 (the login call itself). */
  noRelogin?: boolean;
}

/** `?a=1&b=x` from the defined values; arrays become comma lists. */
export function queryString(q: RequestOptions['query']): string {
  if (!q) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function toError(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as ErrorBody;
    return new ApiError(res.status, body.error.code, body.error.message, body.error.details);
  } catch {
    return new ApiError(
      res.status,
      res.status >= 500 ? 'INTERNAL' : 'HTTP_ERROR',
      `请求失败（${res.status}）`,
    );
  }
}

/** Sends one request to `/api/v1{path}`; resolves with the parsed JSON (or text for non-JSON answers). */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const token = tokenStore.get();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.raw) {
    headers['Content-Type'] = opts.raw.contentType;
    body = opts.raw.body;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}${queryString(opts.query)}`, {
      method: opts.method ?? (body !== undefined ? 'POST' : 'GET'),
      headers,
      body,
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  if (res.status === 401 && token && !opts.noRelogin && onExpired) {
    const handler = onExpired;
    await new Promise<void>((resume) => handler(resume));
    return request<T>(path, opts);
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('Content-Type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  del: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};

/** Downloads `/api/v1{path}` (CSV exports) with the bearer token as a file named `filename`. */
export async function download(path: string, filename: string): Promise<void> {
  const token = tokenStore.get();
  const res = await fetch(`${API_BASE}${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) throw await toError(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
