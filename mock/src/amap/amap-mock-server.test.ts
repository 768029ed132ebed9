import { amapSig, startAmapMock, type AmapMock } from './amap-mock-server';

let mock: AmapMock;
beforeAll(async () => {
  mock = await startAmapMock({ key: 'test-key' });
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.setMode({});
  mock.resetCalls();
});

const get = async (m: AmapMock, path: string, params: Record<string, string>) => {
  const res = await fetch(`${m.url}${path}?${new URLSearchParams(params).toString()}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

describe('AMap mock', () => {
  it('geocodes in AMap’s v3 shape, with strings and "lng,lat"', async () => {
    const body = await get(mock, '/v3/geocode/geo', { key: 'test-key', address: '东方明珠' });
    expect(body).toMatchObject({ status: '1', info: 'OK', infocode: '10000', count: '1' });
    expect(body.geocodes[0]).toMatchObject({
      location: '121.499718,31.239703',
      district: '浦东新区',
      formatted_address: '上海市浦东新区东方明珠',
      township: [],
    });
  });

  it('answers count "0" for an unknown address', async () => {
    const body = await get(mock, '/v3/geocode/geo', { key: 'test-key', address: '火星' });
    expect(body).toMatchObject({ status: '1', count: '0', geocodes: [] });
  });

  it('reverse-geocodes with addressComponent and, for extensions=all, POIs', async () => {
    const body = await get(mock, '/v3/geocode/regeo', {
      key: 'test-key',
      location: '121.4454,31.2233',
      extensions: 'all',
    });
    expect(body.regeocode.addressComponent).toMatchObject({
      province: '上海市',
      city: [],
      district: '静安区',
    });
    expect(body.regeocode.formatted_address).toBe('上海市静安区静安寺街道静安寺');
    expect(body.regeocode.pois[0].name).toBe('静安寺');
  });

  it('measures distances as haversine × 1.3 in strings, one result per origin', async () => {
    const body = await get(mock, '/v3/distance', {
      key: 'test-key',
      origins: '121.4752,31.2317|121.4374,31.1951',
      destination: '121.499718,31.239703',
      type: '1',
    });
    expect(body.count).toBe('2');
    expect(body.results.map((r: { origin_id: string }) => r.origin_id)).toEqual(['1', '2']);
    expect(Number(body.results[0].distance)).toBeGreaterThan(2_900);
    expect(Number(body.results[0].distance)).toBeLessThan(3_300);
    expect(typeof body.results[0].duration).toBe('string');
  });

  it('refuses more than 100 origins with INVALID_PARAMS', async () => {
    const origins = Array.from({ length: 101 }, () => '121.4752,31.2317').join('|');
    const body = await get(mock, '/v3/distance', { key: 'test-key', origins, destination: '121.4,31.2' });
    expect(body).toEqual({ status: '0', info: 'INVALID_PARAMS', infocode: '20000' });
  });

  it('answers v3 routes with string numbers and v4 bicycling with numbers and errcode', async () => {
    const params = { key: 'test-key', origin: '121.4752,31.2317', destination: '121.4374,31.1951' };
    const walking = await get(mock, '/v3/direction/walking', params);
    expect(typeof walking.route.paths[0].distance).toBe('string');
    expect(walking.route.paths[0].steps[0].polyline).toMatch(/^[\d.]+,[\d.]+(;[\d.]+,[\d.]+)+$/);
    const bicycling = await get(mock, '/v4/direction/bicycling', params);
    expect(bicycling).toMatchObject({ errcode: 0, errmsg: 'OK' });
    expect(typeof bicycling.data.paths[0].distance).toBe('number');
  });

  it('refuses a wrong key, in the v3 and the v4 shape', async () => {
    expect(await get(mock, '/v3/geocode/geo', { key: 'nope', address: 'x' })).toEqual({
      status: '0',
      info: 'INVALID_USER_KEY',
      infocode: '10001',
    });
    const v4 = await get(mock, '/v4/direction/bicycling', { key: 'nope', origin: '1,1', destination: '1,1' });
    expect(v4).toMatchObject({ errcode: 10001, errmsg: 'INVALID_USER_KEY' });
  });

  it('answers QPS errors for the next N calls only', async () => {
    mock.setMode({ qpsExceededNext: 2 });
    const params = { key: 'test-key', address: '外滩' };
    const infos = [];
    for (let i = 0; i < 3; i++) infos.push((await get(mock, '/v3/geocode/geo', params)).info);
    expect(infos).toEqual(['CUQPS_HAS_EXCEEDED_THE_LIMIT', 'CUQPS_HAS_EXCEEDED_THE_LIMIT', 'OK']);
    expect(mock.calls.map((c) => c.infocode)).toEqual(['10021', '10021', '10000']);
  });

  it('answers DAILY_QUERY_OVER_LIMIT while the quota is scripted as spent', async () => {
    mock.setMode({ dailyQuotaExceeded: true });
    expect((await get(mock, '/v3/geocode/geo', { key: 'test-key', address: '外滩' })).infocode).toBe('10003');
  });

  it('holds answers back when slow, and still closes promptly', async () => {
    const slow = await startAmapMock({ failures: { delayMs: 10_000 } });
    const pending = fetch(`${slow.url}/v3/geocode/geo?key=test-key&address=x`).catch(() => 'aborted');
    for (let waitedMs = 0; slow.calls.length === 0 && waitedMs < 2_000; waitedMs += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(slow.calls).toHaveLength(1);
    await slow.close();
    expect(await pending).toBe('aborted');
  });
});

describe('AMap mock with a private key', () => {
  it('accepts only requests whose sig matches', async () => {
    const signed = await startAmapMock({ key: 'test-key', privateKey: 'pk' });
    try {
      const params = { key: 'test-key', address: '外滩' };
      expect((await get(signed, '/v3/geocode/geo', { ...params, sig: amapSig(params, 'pk') })).status).toBe(
        '1',
      );
      expect(
        await get(signed, '/v3/geocode/geo', { ...params, sig: amapSig(params, 'other') }),
      ).toMatchObject({
        status: '0',
        infocode: '10007',
        info: 'INVALID_USER_SIGNATURE',
      });
      expect((await get(signed, '/v3/geocode/geo', params)).infocode).toBe('10007');
    } finally {
      await signed.close();
    }
  });
});
