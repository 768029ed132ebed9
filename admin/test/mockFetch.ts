// A stand-in for `fetch` in jsdom (which has none): each call goes to `handler`, which answers
// `[status, body]`; calls are recorded with their parsed JSON body.
export interface Call {
  method: string;
  url: string;
  body: unknown;
}

type Handler = (call: Call) => [number, unknown] | Promise<[number, unknown]>;

export function mockFetch(handler: Handler): { calls: Call[]; restore(): void } {
  const calls: Call[] = [];
  const prev = (global as { fetch?: unknown }).fetch;
  (global as { fetch?: unknown }).fetch = async (url: string, init?: RequestInit) => {
    const raw = init?.body;
    let body: unknown = raw;
    if (typeof raw === 'string') {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const call = { method: init?.method ?? 'GET', url: String(url), body };
    calls.push(call);
    const [status, out] = await handler(call);
    const text = typeof out === 'string' ? out : JSON.stringify(out);
    return {
      ok: status >= 200 && status < 300,
      status,
      headers: {
        get: (h: string) =>
          h.toLowerCase() === 'content-type'
            ? typeof out === 'string'
              ? 'text/plain'
              : 'application/json'
            : null,
      },
      text: async () => text,
      json: async () => JSON.parse(text) as unknown,
      blob: async () => new Blob([text]),
    };
  };
  return {
    calls,
    restore: () => {
      (global as { fetch?: unknown }).fetch = prev;
    },
  };
}
