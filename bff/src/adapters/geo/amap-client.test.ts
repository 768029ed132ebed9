import { createHash } from 'node:crypto';
import { AmapClient, AmapError, classifyInfocode, signAmapParams } from './amap-client';

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function clientWith(
  answers: Array<Response | Error>,
  extra: { secret?: string; baseUrl?: string; maxRetries?: number } = {},
) {
  const urls: string[] = [];
  const fetchFake = (async (url: string | URL | Request) => {
    urls.push(String(url));
    const next = answers.shift();
    if (!next) throw new Error('no more scripted answers');
    if (next instanceof Error) throw next;
    return next;
  }) as typeof fetch;
  const client = new AmapClient({
    key: 'k',
    baseUrl: 'http://amap.test',
    fetch: fetchFake,
    sleep: async () => undefined,
    maxRetries: 2,
    ...extra,
  });
  return { client, urls };
}

describe('signAmapParams', () => {
  it('is the md5 of the name-sorted, unencoded query followed by the private key', () => {
    const sig = signAmapParams({ key: 'abc', address: '上海市 人民广场', city: '021' }, 'secret');
    expect(sig).toBe(md5('address=上海市 人民广场&city=021&key=abcsecret'));
  });
});

describe('classifyInfocode', () => {
  it.each([
    ['10001', 'auth'],
    ['10007', 'auth'],
    ['10003', 'quota'],
    ['10044', 'quota'],
    ['10004', 'transient'],
    ['10014', 'transient'],
    ['10019', 'transient'],
    ['10020', 'transient'],
    ['10021', 'transient'],
    ['20000', 'request'],
    ['20803', 'request'],
  ])('treats %s as %s', (code, kind) => {
    expect(classifyInfocode(code)).toBe(kind);
  });
});

describe('AmapClient', () => {
  it('sends the key and, with a private key, a signature over every parameter', async () => {
    const { client, urls } = clientWith([json({ status: '1', info: 'OK', infocode: '10000' })], {
      secret: 's',
    });
    await client.get('/v3/geocode/geo', { address: '人民广场' });
    const params = Object.fromEntries(new URL(urls[0]).searchParams);
    expect(params).toEqual({ address: '人民广场', key: 'k', sig: md5('address=人民广场&key=ks') });
  });

  it('keeps a path prefix of the base URL', async () => {
    const { client, urls } = clientWith([json({ status: '1' })], { baseUrl: 'http://proxy.test/amap/' });
    await client.get('/v3/distance', {});
    expect(urls[0]).toBe('http://proxy.test/amap/v3/distance?key=k');
  });

  it('retries HTTP 5xx, network failures and invalid JSON, then succeeds', async () => {
    const { client, urls } = clientWith(
      [
        json({}, 503),
        new TypeError('fetch failed'),
        new Response('<html>', { status: 200 }),
        json({ status: '1', count: '0' }),
      ],
      { maxRetries: 3 },
    );
    expect(await client.get('/v3/geocode/geo', { address: 'x' })).toMatchObject({ count: '0' });
    expect(urls).toHaveLength(4);
  });

  it('gives up with the last failure once the retry budget is spent', async () => {
    const { client, urls } = clientWith([json({}, 503), json({}, 503), json({}, 502)]);
    await expect(client.get('/v3/geocode/geo', {})).rejects.toMatchObject({
      kind: 'transient',
      infocode: 'HTTP_502',
    });
    expect(urls).toHaveLength(3);
  });

  it('does not retry a refused request', async () => {
    const { client, urls } = clientWith([json({ status: '0', info: 'INVALID_PARAMS', infocode: '20000' })]);
    const error = await client.get('/v3/geocode/geo', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmapError);
    expect(error).toMatchObject({ kind: 'request', infocode: '20000' });
    expect(urls).toHaveLength(1);
  });

  it('reads v4 answers by errcode', async () => {
    const ok = clientWith([json({ data: { paths: [] }, errcode: 0, errmsg: 'OK' })]);
    expect(await ok.client.get('/v4/direction/bicycling', {})).toMatchObject({ data: { paths: [] } });
    const bad = clientWith([json({ data: '', errcode: 10001, errmsg: 'INVALID_USER_KEY' })]);
    await expect(bad.client.get('/v4/direction/bicycling', {})).rejects.toMatchObject({
      kind: 'auth',
      infocode: '10001',
    });
  });

  it('refuses an empty key at construction', () => {
    expect(() => new AmapClient({ key: ' ' })).toThrow(RangeError);
  });
});
