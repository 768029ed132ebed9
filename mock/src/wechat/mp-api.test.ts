import { MP_APP, MP_OPENID as OPENID, mpKit, mpMessage as msg, SEND } from './mp-test-kit';

const kit = mpKit();
beforeEach(() => kit.start());
afterEach(() => kit.close());
const { post, stable, token, start } = kit;
const send = (body: unknown, tok?: string) => kit.api(SEND, body, tok);
const legacy = async () =>
  (await kit.request('GET', '/cgi-bin/token?grant_type=client_credential&appid=wxtest&secret=s3cret')).json;

describe('access tokens', () => {
  it('hands every caller the same stable token until it expires, then a new one', async () => {
    const a = await stable();
    const b = await stable({ force_refresh: false });
    expect(a).toEqual({ access_token: expect.any(String), expires_in: 7200 });
    expect(b.access_token).toBe(a.access_token);
    expect(kit.mock.stats().tokensIssued).toBe(1);

    await post('/__mock/expire-token');
    expect(await send(msg({ thing1: '配送中' }), a.access_token)).toEqual({
      errcode: 42001,
      errmsg: 'access_token expired',
    });
    const c = await stable();
    expect(c.access_token).not.toBe(a.access_token);
    expect((await send(msg({ thing1: '配送中' }), c.access_token)).errcode).toBe(0);
  });

  it('force_refresh issues a new token and the previous one answers 40001', async () => {
    const old = await token();
    const fresh = (await stable({ force_refresh: true })).access_token;
    expect(fresh).not.toBe(old);
    expect(await send(msg({ thing1: '配送中' }), old)).toEqual({
      errcode: 40001,
      errmsg: 'invalid credential, access_token is invalid or not latest',
    });
    expect((await send(msg({ thing1: '配送中' }), fresh)).errcode).toBe(0);
    expect(kit.mock.stats().tokensIssued).toBe(2);
  });

  it('an invalidated token answers 40001 and stable_token replaces it', async () => {
    const old = await token();
    kit.mock.invalidateToken();
    expect((await send(msg({ thing1: '配送中' }), old)).errcode).toBe(40001);
    expect(await token()).not.toBe(old);
  });

  it('the old /cgi-bin/token API invalidates its previous token on every call, the stable one untouched', async () => {
    const s = await token();
    const first = await legacy();
    expect(first.expires_in).toBe(7200);
    const second = await legacy();
    expect((await send(msg({ thing1: '配送中' }), first.access_token)).errcode).toBe(40001);
    expect((await send(msg({ thing1: '配送中' }), second.access_token)).errcode).toBe(0);
    expect((await send(msg({ thing1: '配送中' }), s)).errcode).toBe(0);
  });

  it.each([
    [{ appid: 'wxother' }, 40013, 'invalid appid'],
    [{ secret: 'nope' }, 40125, 'invalid appsecret'],
    [{ grant_type: 'password' }, 40002, 'invalid grant_type'],
  ])('refuses %j with %i', async (extra, errcode, errmsg) => {
    expect(await stable(extra)).toEqual({ errcode, errmsg });
    const q = new URLSearchParams({ grant_type: 'client_credential', ...MP_APP, ...extra });
    expect((await kit.request('GET', `/cgi-bin/token?${q}`)).json).toEqual({ errcode, errmsg });
  });

  it('tokenTtlS shortens the lifetime, on the mock clock', async () => {
    let nowMs = Date.parse('2025-01-01T00:00:00Z');
    await start({ tokenTtlS: 60, now: () => new Date(nowMs) });
    const a = await stable();
    expect(a.expires_in).toBe(60);
    nowMs += 30_000;
    expect(await stable()).toEqual({ access_token: a.access_token, expires_in: 30 });
    nowMs += 30_000;
    expect((await send(msg({ thing1: '配送中' }), a.access_token)).errcode).toBe(42001);
    expect((await stable()).access_token).not.toBe(a.access_token);
  });

  it('API calls without a token answer 41001, with an unknown one 40001', async () => {
    expect((await post('/cgi-bin/message/subscribe/send', msg({ thing1: 'x' }))).json).toEqual({
      errcode: 41001,
      errmsg: 'access_token missing',
    });
    expect((await send(msg({ thing1: 'x' }), 'forged')).errcode).toBe(40001);
  });

  it('keeps tokens and secrets out of the call log', async () => {
    const t = await token();
    await send(msg({ thing1: '配送中' }), t);
    await legacy();
    expect(kit.mock.calls).toContain('/cgi-bin/message/subscribe/send?access_token=***');
    expect(kit.mock.calls).toContain('/cgi-bin/token?grant_type=client_credential&appid=wxtest&secret=***');
    expect(kit.mock.calls.join('\n')).not.toContain(t);
    expect(kit.mock.calls.join('\n')).not.toContain('s3cret');
  });
});

describe('subscription messages', () => {
  const TEMPLATES = { TPL_PAID: ['thing1', 'amount2', 'time3', 'phrase4'] };
  const PAID = { thing1: '鲜牛奶 ×2', amount2: '¥12.50', time3: '2024年5月1日 09:30', phrase4: '已支付' };

  it('sends a message that fits its registered template and records it', async () => {
    await start({ templates: TEMPLATES });
    const body = msg(PAID, {
      template_id: 'TPL_PAID',
      page: 'pages/order-detail/index?id=42',
      miniprogram_state: 'trial',
    });
    const r = await send(body);
    expect(r).toEqual({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) });
    const item = {
      msgid: r.msgid,
      touser: OPENID,
      template_id: 'TPL_PAID',
      page: 'pages/order-detail/index?id=42',
      data: body.data,
      miniprogram_state: 'trial',
      lang: null,
      at: expect.any(String),
    };
    expect(kit.mock.messages).toEqual([item]);
    expect((await kit.request('GET', '/__mock/messages')).json).toEqual({ items: [item] });
    expect(kit.mock.stats()).toMatchObject({ sends: 1, uploads: 0, rejected: {} });
  });

  it('refuses a template id that was never registered, once any template is', async () => {
    await start({ templates: TEMPLATES });
    expect(await send(msg({ thing1: '配送中' }, { template_id: 'TPL_OTHER' }))).toEqual({
      errcode: 40037,
      errmsg: 'invalid template_id',
    });
    expect(kit.mock.stats().rejected).toEqual({ 40037: 1 });
  });

  it('takes any template id while none is registered, and registers them over HTTP', async () => {
    expect((await send(msg({ thing1: '配送中' }, { template_id: 'TPL_NEW' }))).errcode).toBe(0);
    expect(
      (await kit.request('PUT', '/__mock/templates/TPL_NEW', { keys: ['thing1', 'phrase2'] })).status,
    ).toBe(200);
    expect((await send(msg({ thing1: '配送中' }, { template_id: 'TPL_ELSE' }))).errcode).toBe(40037);
    expect((await kit.request('PUT', '/__mock/templates/TPL_BAD', { keys: ['site01'] })).status).toBe(400);
  });

  it('names the first registered key that is missing', async () => {
    await start({ templates: TEMPLATES });
    const { amount2: _dropped, ...rest } = PAID;
    expect(await send(msg(rest, { template_id: 'TPL_PAID' }))).toEqual({
      errcode: 47003,
      errmsg: 'argument invalid! data.amount2.value is empty',
    });
  });

  it.each(['', 'has space', 'o'.repeat(65), 'o#1'])('refuses touser %j with 40003', async (touser) => {
    expect((await send(msg({ thing1: '配送中' }, { touser }))).errcode).toBe(40003);
  });

  it.each([
    ['/pages/index/index', 41030],
    ['https://example.com/x', 41030],
    ['pages/index/index', 0],
    ['pages/order-detail/index?id=42&from=msg', 0],
  ])('page %s → %i', async (page, errcode) => {
    expect((await send(msg({ thing1: '配送中' }, { page }))).errcode).toBe(errcode);
  });

  it('answers 43101 to a user who refused that template, other templates still go', async () => {
    await post('/__mock/refuse', { openid: OPENID, templateId: 'TPL_ANY' });
    expect(await send(msg({ thing1: '配送中' }))).toEqual({
      errcode: 43101,
      errmsg: 'user refuse to accept the msg',
    });
    expect((await send(msg({ thing1: '配送中' }, { template_id: 'TPL_B' }))).errcode).toBe(0);
    expect(kit.mock.messages).toHaveLength(1);
  });

  const ok = 'accepted';
  it.each([
    ['thing1', '配送中 A-3 号（急）', ok],
    ['thing1', '一二三四五六七八九十一二三四五六七八九十', ok],
    ['thing1', '一二三四五六七八九十一二三四五六七八九十一', 'invalid'],
    ['thing1', '苹果🍎', 'invalid'],
    ['thing1', '第一行\n第二行', 'invalid'],
    ['thing1', '', 'is empty'],
    ['number2', '339208499', ok],
    ['number2', '12.5', ok],
    ['number2', '12a', 'invalid'],
    ['number2', '-3', 'invalid'],
    ['number2', '1'.repeat(33), 'invalid'],
    ['letter3', 'abcXYZ', ok],
    ['letter3', 'abc1', 'invalid'],
    ['letter3', 'a'.repeat(33), 'invalid'],
    ['symbol4', '*#', ok],
    ['symbol4', '¥%', ok],
    ['symbol4', '******', 'invalid'],
    ['symbol4', 'a!', 'invalid'],
    ['character_string5', 'SO20240501-0001', ok],
    ['character_string5', '订单123', 'invalid'],
    ['character_string5', 'a b', 'invalid'],
    ['character_string5', 'x'.repeat(33), 'invalid'],
    ['time6', '15:01', ok],
    ['time6', '2019年10月1日 15:01', ok],
    ['time6', '15:01~16:30', ok],
    ['time6', '2019年10月1日 15:01~2019年10月1日 16:01', ok],
    ['time6', '2024-05-01 09:30:00', ok],
    ['time6', '25:00', 'invalid'],
    ['time6', '2019年10月1日', 'invalid'],
    ['time6', '下午3点', 'invalid'],
    ['date7', '2019年10月1日', ok],
    ['date7', '2019年10月1日 15:01', ok],
    ['date7', '2019年10月1日~2019年10月3日', ok],
    ['date7', '2019年13月1日', 'invalid'],
    ['date7', '15:01', 'invalid'],
    ['date7', '十月一日', 'invalid'],
    ['amount8', '¥12.50', ok],
    ['amount8', '￥8元', ok],
    ['amount8', '$1999', ok],
    ['amount8', '¥0.5元', ok],
    ['amount8', '12.50', 'invalid'],
    ['amount8', '12元', 'invalid'],
    ['amount8', '¥12.505', 'invalid'],
    ['amount8', '¥12345678901', 'invalid'],
    ['amount8', '¥¥12', 'invalid'],
    ['phone_number9', '+86-0766-66888866', ok],
    ['phone_number9', '138****1234', ok],
    ['phone_number9', '400-800-八八八', 'invalid'],
    ['phone_number9', '1'.repeat(18), 'invalid'],
    ['car_number10', '粤A8Z888挂', ok],
    ['car_number10', '沪AD12345', ok],
    ['car_number10', '粤A8Z888挂X', 'invalid'],
    ['car_number10', 'A粤8Z88', 'invalid'],
    ['name11', '张三', ok],
    ['name11', '欧阳娜娜', ok],
    ['name11', 'John Smith', ok],
    ['name11', '一二三四五六七八九十一', 'invalid'],
    ['name11', 'John2', 'invalid'],
    ['name11', 'a'.repeat(21), 'invalid'],
    ['phrase12', '配送中', ok],
    ['phrase12', '货物配送中', ok],
    ['phrase12', '货物正在配送', 'invalid'],
    ['phrase12', '配送ok', 'invalid'],
    ['site01', '广州市', 'invalid'],
  ])('%s = %j → %s', async (key, value, problem) => {
    const r = await send(msg({ [key]: value }));
    if (problem === ok) expect(r).toMatchObject({ errcode: 0 });
    else expect(r).toEqual({ errcode: 47003, errmsg: `argument invalid! data.${key}.value ${problem}` });
  });

  it('refuses a value that is not a string', async () => {
    const body = { touser: OPENID, template_id: 'T', data: { number1: { value: 12 } } };
    expect((await send(body)).errmsg).toBe('argument invalid! data.number1.value invalid');
  });
});
