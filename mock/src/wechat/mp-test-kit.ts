import { startWechatMock, type WechatMock, type WechatMockOptions } from './wechat-mock';

// Test-only: the WeChat mock on a random port, driven over real HTTP (node fetch) like the BFF drives it.

/** The app of the mini-program API tests. */
export const MP_APP = { appid: 'wxtest', secret: 's3cret' };
/** A well-formed openid. */
export const MP_OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';

/** An HTTP answer: status, raw text and the parsed JSON (null when the body is not JSON). */
export interface MpAnswer {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary WeChat bodies
  json: any;
}

/** One running mock and helpers bound to it; `start` replaces it (closing the previous one). */
export function mpKit() {
  let mock: WechatMock | null = null;
  const kit = {
    get mock(): WechatMock {
      if (!mock) throw new Error('start() the kit first');
      return mock;
    },
    async start(extra: Partial<WechatMockOptions> = {}): Promise<WechatMock> {
      await mock?.close();
      mock = await startWechatMock({ ...MP_APP, ...extra });
      return mock;
    },
    close: async (): Promise<void> => mock?.close(),
    async request(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<MpAnswer> {
      const res = await fetch(kit.mock.url + path, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // not JSON: `text` has it
      }
      return { status: res.status, text, json };
    },
    post: (path: string, body: unknown = {}): Promise<MpAnswer> => kit.request('POST', path, body),
    /** `POST /cgi-bin/stable_token` for the kit's app, `extra` overriding fields; the parsed body. */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    stable: async (extra: Record<string, unknown> = {}): Promise<any> =>
      (await kit.post('/cgi-bin/stable_token', { grant_type: 'client_credential', ...MP_APP, ...extra }))
        .json,
    token: async (): Promise<string> => (await kit.stable()).access_token as string,
    /** POSTs to a token-protected API with `tok` (or a fresh stable token); the parsed body. */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    api: async (path: string, body: unknown, tok?: string): Promise<any> =>
      (await kit.post(`${path}?access_token=${tok ?? (await kit.token())}`, body)).json,
  };
  return kit;
}

/** A subscription message to MP_OPENID of template TPL_ANY with these values, `extra` overriding fields. */
export const mpMessage = (data: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  touser: MP_OPENID,
  template_id: 'TPL_ANY',
  data: Object.fromEntries(Object.entries(data).map(([k, value]) => [k, { value }])),
  ...extra,
});

export const SEND = '/cgi-bin/message/subscribe/send';
export const SHIP = '/wxa/sec/order/upload_shipping_info';

/** Waits (polling) until `ok()` holds; jest's timeout bounds it. */
export async function until(ok: () => boolean): Promise<void> {
  while (!ok()) await new Promise((r) => setTimeout(r, 5));
}
