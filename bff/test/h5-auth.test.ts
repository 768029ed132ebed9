import { createHash } from 'node:crypto';
import type { RoleLoginResponse, SmsSendResponse, WechatAuthorizeUrl } from '@omni/shared-types';
import type { Clock } from '../src/clock';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';

const REDIRECT = 'https://shop.example.com/h5/#/pages/mine/index';

/** A clock the test moves forward (SMS code expiry, state expiry). */
function movableClock(): Clock & { advance(ms: number): void } {
  let offsetMs = 0;
  return { now: () => new Date(Date.now() + offsetMs), advance: (ms) => (offsetMs += ms) };
}

describe.each(DB_TARGETS)('H5 logins on $name', (target) => {
  let t: TestApp;
  /** A second app without the resend wait and with 3 codes per phone a day. */
  let quick: TestApp;
  const clock = movableClock();
  let seq = 0;
  const uniq = () => `${process.pid % 1000}x${++seq}`;
  /** A fresh phone number for each case, so no case meets another's limits. */
  const freshPhone = () => `139${String(Date.now() % 1e4).padStart(4, '0')}${String(++seq).padStart(4, '0')}`;
  const freshIp = () => `10.60.${Math.floor(++seq / 250)}.${seq % 250}`;

  beforeAll(async () => {
    t = await startTestApp(target, { seed: false, clock, env: { JOBS_INTERVAL_S: '0' } });
    quick = await startTestApp(target, {
      seed: false,
      env: { JOBS_INTERVAL_S: '0', SMS_RESEND_AFTER_S: '0', SMS_PER_PHONE_PER_DAY: '3' },
    });
  });
  afterAll(async () => {
    await t?.close();
    await quick?.close();
  });

  const authorize = async (app = t) =>
    (await app.http.get('/api/v1/auth/h5/wechat/authorize-url').query({ redirect: REDIRECT }).expect(200))
      .body as WechatAuthorizeUrl;
  const webLogin = (code: string, state: string, app = t) =>
    app.http.post('/api/v1/auth/h5/wechat').send({ code, state });
  const send = (phone: string, ip = freshIp(), app = t) =>
    app.http.post('/api/v1/auth/sms/send').set('X-Forwarded-For', ip).send({ phone });
  const verify = (phone: string, code: string, app = t) =>
    app.http.post('/api/v1/auth/sms/verify').send({ phone, code });
  /** The code in the last text the mock gateway delivered to `phone`, read over its HTTP API. */
  const lastCode = async (phone: string, app = t): Promise<string> => {
    const res = await fetch(`${app.container.mocks.sms!.url}/messages?phone=${phone}`);
    const { items } = (await res.json()) as { items: Array<{ text: string }> };
    const m = /(\d{6})/.exec(items.at(-1)?.text ?? '');
    if (!m) throw new Error(`no code sent to ${phone}`);
    return m[1]!;
  };
  const smsLogin = async (phone: string, app = t): Promise<RoleLoginResponse> => {
    await send(phone, freshIp(), app).expect(200);
    return (await verify(phone, await lastCode(phone, app), app).expect(200)).body as RoleLoginResponse;
  };

  it('tells the H5 build which logins are on', async () => {
    const res = await t.http.get('/api/v1/auth/options').expect(200);
    expect(res.body).toEqual({ devLogin: true, smsLogin: true, wechatWeb: true });
  });

  it('builds the snsapi_base authorisation URL, which the mock sends back with a code and the state', async () => {
    const a = await authorize();
    const url = new URL(a.url);
    expect(url.pathname).toBe('/connect/oauth2/authorize');
    expect(url.hash).toBe('#wechat_redirect');
    expect([...url.searchParams.keys()]).toEqual([
      'appid',
      'redirect_uri',
      'response_type',
      'scope',
      'state',
    ]);
    expect(url.searchParams.get('appid')).toBe(t.config.wechatOa!.appid);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(url.searchParams.get('scope')).toBe('snsapi_base');
    expect(url.searchParams.get('state')).toBe(a.state);
    expect(a.state).toMatch(/^[0-9a-f]{1,128}$/);

    url.hash = '';
    const consent = await fetch(url, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get('location')!);
    expect(back.origin + back.pathname).toBe('https://shop.example.com/h5/');
    expect(back.searchParams.get('state')).toBe(a.state);
    const login = await webLogin(back.searchParams.get('code')!, a.state).expect(200);
    expect((login.body as RoleLoginResponse).user.role).toBe('consumer');
  });

  it('refuses a non-http redirect', async () => {
    await t.http
      .get('/api/v1/auth/h5/wechat/authorize-url')
      .query({ redirect: 'javascript:alert(1)' })
      .expect(400);
  });

  it('logs a WeChat-browser visitor in by official-account openid, in its own column', async () => {
    const oa = `oa${uniq()}`;
    const first = (await webLogin(`mock:${oa}`, (await authorize()).state).expect(200))
      .body as RoleLoginResponse;
    expect(first.user.role).toBe('consumer');
    await t.http.get('/api/v1/me/addresses').set('Authorization', `Bearer ${first.token}`).expect(200);
    const again = (await webLogin(`mock:${oa}:n2`, (await authorize()).state).expect(200))
      .body as RoleLoginResponse;
    expect(again.user.id).toBe(first.user.id);
    const [row] = (await t.container.db.query('SELECT openid, oa_openid FROM users WHERE id = ?', [
      first.user.id,
    ])) as Array<{ openid: string; oa_openid: string }>;
    expect(row!.oa_openid).toBe(oa);
    expect(row!.openid).not.toBe(oa);
  });

  it('answers a used or invalid code with 401 WECHAT_CODE_INVALID', async () => {
    const code = `mock:oa${uniq()}`;
    await webLogin(code, (await authorize()).state).expect(200);
    const used = await webLogin(code, (await authorize()).state).expect(401);
    expect(used.body.error.code).toBe('WECHAT_CODE_INVALID');
    const bad = await webLogin('invalid-code', (await authorize()).state).expect(401);
    expect(bad.body.error.code).toBe('WECHAT_CODE_INVALID');
  });

  it('refuses a forged, altered or expired state before spending the code', async () => {
    const { state } = await authorize();
    const altered = state.slice(0, -1) + (state.endsWith('0') ? '1' : '0');
    for (const s of ['abc', altered, `${'9'.repeat(10)}${state.slice(10)}`]) {
      const res = await webLogin(`mock:oa${uniq()}`, s).expect(400);
      expect(res.body.error.code).toBe('OAUTH_STATE_INVALID');
    }
    clock.advance(11 * 60_000);
    const code = `mock:oa${uniq()}`;
    const expired = await webLogin(code, state).expect(400);
    expect(expired.body.error.code).toBe('OAUTH_STATE_INVALID');
    // The code was not spent by the refused attempt.
    await webLogin(code, (await authorize()).state).expect(200);
  });

  it('reaches the mini-program customer through the unionid, in either order', async () => {
    const u1 = `un${uniq()}`;
    const mp = await t.http
      .post('/api/v1/auth/wechat')
      .send({ code: `mock:mp${uniq()}:n1:u:${u1}` })
      .expect(200);
    const web = await webLogin(`mock:oa${uniq()}:n1:u:${u1}`, (await authorize()).state).expect(200);
    expect(web.body.user.id).toBe(mp.body.user.id);

    const u2 = `un${uniq()}`;
    const web2 = await webLogin(`mock:oa${uniq()}:n1:u:${u2}`, (await authorize()).state).expect(200);
    const mp2 = await t.http
      .post('/api/v1/auth/wechat')
      .send({ code: `mock:mp${uniq()}:n2:u:${u2}` })
      .expect(200);
    expect(mp2.body.user.id).toBe(web2.body.user.id);
    expect(mp2.body.user.id).not.toBe(mp.body.user.id);
  });

  it('sends a code and logs in with it once; only a keyed hash is stored', async () => {
    const phone = freshPhone();
    const sent = await send(`+86 ${phone.slice(0, 3)}-${phone.slice(3)}`).expect(200);
    expect(sent.body as SmsSendResponse).toEqual({ expiresInS: 300, resendAfterS: 60 });
    const code = await lastCode(phone);
    const rows = (await t.container.db.query('SELECT * FROM sms_codes WHERE phone = ?', [phone])) as Array<
      Record<string, unknown>
    >;
    expect(rows).toHaveLength(1);
    expect(Object.values(rows[0]!).map(String)).not.toContain(code);
    const unkeyed = [code, `${phone}:${code}`].map((v) => createHash('sha256').update(v).digest('hex'));
    expect(unkeyed).not.toContain(rows[0]!.code_hash);
    expect(String(rows[0]!.code_hash)).toMatch(/^[0-9a-f]{64}$/);

    const login = (await verify(phone, code).expect(200)).body as RoleLoginResponse;
    expect(login.user.role).toBe('consumer');
    expect(login.user.nickname).toContain(phone.slice(-4));
    const again = await verify(phone, code).expect(400);
    expect(again.body.error.code).toBe('SMS_CODE_EXPIRED');
  });

  it('refuses a code after its five minutes', async () => {
    const phone = freshPhone();
    await send(phone).expect(200);
    const code = await lastCode(phone);
    clock.advance(5 * 60_000 + 1000);
    const res = await verify(phone, code).expect(400);
    expect(res.body.error.code).toBe('SMS_CODE_EXPIRED');
  });

  it('kills a code at the fifth wrong try, even for the right code afterwards', async () => {
    const phone = freshPhone();
    await send(phone).expect(200);
    const code = await lastCode(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (const left of [4, 3, 2, 1]) {
      const res = await verify(phone, wrong).expect(400);
      expect(res.body.error).toMatchObject({ code: 'SMS_CODE_INVALID', details: { attemptsLeft: left } });
    }
    expect((await verify(phone, wrong).expect(400)).body.error.code).toBe('SMS_CODE_LOCKED');
    expect((await verify(phone, code).expect(400)).body.error.code).toBe('SMS_CODE_LOCKED');
  });

  it('holds a second code to one phone for 60 s, and an IP after 20 codes an hour (429 + Retry-After)', async () => {
    const phone = freshPhone();
    await send(phone).expect(200);
    const soon = await send(phone).expect(429);
    expect(soon.body.error.code).toBe('SMS_RATE_LIMITED');
    expect(Number(soon.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(soon.headers['retry-after'])).toBeLessThanOrEqual(60);

    const ip = freshIp();
    for (let n = 0; n < 20; n++) await send(freshPhone(), ip).expect(200);
    const many = await send(freshPhone(), ip).expect(429);
    expect(many.body.error.code).toBe('SMS_RATE_LIMITED');
    expect(Number(many.headers['retry-after'])).toBeGreaterThan(60);
  });

  it('holds a phone after its codes for the day', async () => {
    const phone = freshPhone();
    for (let n = 0; n < 3; n++) await send(phone, freshIp(), quick).expect(200);
    const res = await send(phone, freshIp(), quick).expect(429);
    expect(res.body.error.code).toBe('SMS_RATE_LIMITED');
    expect(res.body.error.message).toContain('今日');
  });

  it('answers a bad phone number with 400 PHONE_INVALID', async () => {
    for (const phone of ['12345678901', '1380013800', '138001380001', 'abc', '']) {
      const res = await send(phone).expect(400);
      expect(res.body.error.code).toBe('PHONE_INVALID');
    }
    expect((await t.http.post('/api/v1/auth/sms/send').send({}).expect(400)).body.error.code).toBe(
      'PHONE_INVALID',
    );
    const v = await verify('1234', '123456').expect(400);
    expect(v.body.error.code).toBe('PHONE_INVALID');
  });

  it('links a verified phone to the mini-program customer, whom an SMS login then reaches', async () => {
    const phone = freshPhone();
    const mp = (
      await quick.http
        .post('/api/v1/auth/wechat')
        .send({ code: `mock:mp${uniq()}` })
        .expect(200)
    ).body as RoleLoginResponse;
    await send(phone, freshIp(), quick).expect(200);
    const linked = await quick.http
      .post('/api/v1/me/phone')
      .set('Authorization', `Bearer ${mp.token}`)
      .send({ phone, code: await lastCode(phone, quick) })
      .expect(200);
    expect(linked.body.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    const h5 = await smsLogin(phone, quick);
    expect(h5.user.id).toBe(mp.user.id);

    const other = (
      await quick.http
        .post('/api/v1/auth/wechat')
        .send({ code: `mock:mp${uniq()}` })
        .expect(200)
    ).body as RoleLoginResponse;
    await send(phone, freshIp(), quick).expect(200);
    const taken = await quick.http
      .post('/api/v1/me/phone')
      .set('Authorization', `Bearer ${other.token}`)
      .send({ phone, code: await lastCode(phone, quick) })
      .expect(409);
    expect(taken.body.error.code).toBe('PHONE_TAKEN');
    await quick.http.post('/api/v1/me/phone').send({ phone, code: '123456' }).expect(401);
  });

  it('answers 503 SMS_UNAVAILABLE when the gateway fails, stores no code, and lets the phone retry at once', async () => {
    const phone = freshPhone();
    const control = (failure: string | null) =>
      fetch(`${t.container.mocks.sms!.url}/control/failure`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ failure }),
      });
    await control('unavailable');
    try {
      const res = await send(phone).expect(503);
      expect(res.body.error.code).toBe('SMS_UNAVAILABLE');
      expect(res.body.error.message).toBe('短信服务暂时不可用，请稍后再试');
    } finally {
      await control(null);
    }
    const rows = (await t.container.db.query('SELECT id FROM sms_codes WHERE phone = ?', [
      phone,
    ])) as unknown[];
    expect(rows).toHaveLength(0);
    await send(phone).expect(200);
    await verify(phone, await lastCode(phone)).expect(200);
  });
});
