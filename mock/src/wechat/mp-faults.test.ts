import { mpKit, mpMessage, SEND, SHIP, until } from './mp-test-kit';

const kit = mpKit();
beforeEach(() => kit.start());
afterEach(() => kit.close());
const send = async () => kit.api(SEND, mpMessage({ thing1: '配送中' }));
const sendRaw = async (signal?: AbortSignal) =>
  kit.request('POST', `${SEND}?access_token=${await kit.token()}`, mpMessage({ thing1: '配送中' }), signal);

describe('fault injection', () => {
  it('answers the queued errcode to the next N calls, then works again', async () => {
    kit.mock.fault('send', 'errcode', 2, 45009);
    expect(await send()).toEqual({ errcode: 45009, errmsg: 'reach max api daily quota limit' });
    expect((await send()).errcode).toBe(45009);
    expect((await send()).errcode).toBe(0);
    expect(kit.mock.stats()).toMatchObject({ sends: 1, rejected: { 45009: 2 } });
  });

  it('defaults an errcode fault to -1 system error and queues faults after one another', async () => {
    await kit.post('/__mock/faults', { api: 'send', kind: 'errcode', times: 1 });
    await kit.post('/__mock/faults', { api: 'send', kind: 'errcode', errcode: 43101, times: 1 });
    expect(await send()).toEqual({ errcode: -1, errmsg: 'system error' });
    expect((await send()).errcode).toBe(43101);
    expect((await send()).errcode).toBe(0);
  });

  it('http5xx answers 503 with an HTML page (over HTTP control), only to that API', async () => {
    expect((await kit.post('/__mock/faults', { api: 'shipping', kind: 'http5xx', times: 2 })).json).toEqual({
      ok: true,
    });
    expect((await send()).errcode).toBe(0);
    for (let i = 0; i < 2; i++) {
      const r = await kit.request('POST', `${SHIP}?access_token=${await kit.token()}`, {});
      expect(r.status).toBe(503);
      expect(r.text).toContain('<html>');
    }
    expect((await kit.api(SHIP, {})).errcode).toBe(47001);
  });

  it('garbage answers 200 with a body that is not JSON', async () => {
    kit.mock.fault('token', 'garbage', 1);
    const r = await kit.post('/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: 'wxtest',
      secret: 's3cret',
    });
    expect(r.status).toBe(200);
    expect(r.json).toBeNull();
    expect(typeof (await kit.stable()).access_token).toBe('string');
  });

  it('close cuts the connection, then calls work again', async () => {
    const tok = await kit.token();
    kit.mock.fault('send', 'close', 1);
    await expect(kit.api(SEND, mpMessage({ thing1: '配送中' }), tok)).rejects.toThrow();
    expect((await kit.api(SEND, mpMessage({ thing1: '配送中' }), tok)).errcode).toBe(0);
  });

  it('timeout holds each call until the client gives up, then calls work again', async () => {
    await kit.token();
    kit.mock.fault('send', 'timeout', 2);
    const gaveUp = new AbortController();
    const pending = [sendRaw(gaveUp.signal), sendRaw(gaveUp.signal)];
    await until(() => kit.mock.stats().held === 2);
    gaveUp.abort();
    for (const p of pending) await expect(p).rejects.toThrow();
    await until(() => kit.mock.stats().held === 0);
    expect((await send()).errcode).toBe(0);
  });

  it('a held call ends when the mock closes, so nothing hangs', async () => {
    kit.mock.fault('shipping', 'timeout', 1);
    const pending = kit.api(SHIP, {});
    await until(() => kit.mock.stats().held === 1);
    await kit.mock.close();
    await expect(pending).rejects.toThrow();
  });

  it('refuses a fault it cannot apply', async () => {
    expect((await kit.post('/__mock/faults', { api: 'pay', kind: 'errcode', times: 1 })).status).toBe(400);
    expect((await kit.post('/__mock/faults', { api: 'send', kind: 'errcode', times: 0 })).status).toBe(400);
    expect(() => kit.mock.fault('send', 'slow' as 'timeout', 1)).toThrow();
  });
});

describe('mock controls', () => {
  it('reset clears messages, uploads, faults, refusals and rejected counts; tokens survive', async () => {
    const tok = await kit.token();
    expect((await kit.api(SEND, mpMessage({ thing1: '配送中' }), tok)).errcode).toBe(0);
    kit.mock.refuse('oUser2', 'TPL_ANY');
    expect((await kit.api(SEND, mpMessage({ thing1: '配送中' }, { touser: 'oUser2' }), tok)).errcode).toBe(
      43101,
    );
    kit.mock.fault('send', 'errcode', 3);
    const messages = kit.mock.messages;
    expect((await kit.post('/__mock/reset')).status).toBe(200);
    expect(messages).toEqual([]);
    expect(kit.mock.stats()).toEqual({ tokensIssued: 1, sends: 0, uploads: 0, rejected: {}, held: 0 });
    expect((await kit.api(SEND, mpMessage({ thing1: '配送中' }, { touser: 'oUser2' }), tok)).errcode).toBe(0);
    expect((await kit.request('GET', '/__mock/stats')).json).toMatchObject({ sends: 1 });
  });

  it('answers controls only under /__mock/', async () => {
    expect((await kit.request('GET', '/__mock/stats')).status).toBe(200);
    expect((await kit.request('GET', '/cgi-bin/__mock/stats')).status).toBe(404);
    expect((await kit.request('POST', '/__mock/stats-or-else', {})).status).toBe(404);
    expect((await kit.request('GET', '/__mock/reset')).status).toBe(404);
  });
});
