import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const merchantKey = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const platformKey = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** A production environment that starts: every variable production needs, valid. */
const production = (): NodeJS.ProcessEnv => ({
  NODE_ENV: 'production',
  DATABASE_URL: 'mysql://omni:pw@db:3306/omni',
  JWT_SECRET: 'a-production-secret-of-32-chars!',
  WECHAT_APPID: 'wx1234567890abcdef',
  WECHAT_SECRET: 'app-secret',
  WECHAT_API_BASE: 'https://api.weixin.qq.com',
  AMAP_KEY: 'amap-web-service-key',
  WECHAT_PAY_API_BASE: 'https://api.mch.weixin.qq.com',
  WECHAT_PAY_MCHID: '1900000109',
  WECHAT_PAY_SERIAL_NO: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  WECHAT_PAY_PRIVATE_KEY: merchantKey,
  WECHAT_PAY_APIV3_KEY: '0123456789abcdef0123456789abcdef',
  WECHAT_PAY_PLATFORM_SERIAL: 'PUB_KEY_ID_0114232134912410000000000000',
  WECHAT_PAY_PLATFORM_PUBLIC_KEY: platformKey,
  WECHAT_PAY_NOTIFY_URL: 'https://shop.example.com/api/v1/payments/wechat/notify',
});

/** The message of the ConfigError `env` raises (fails the test when it loads). */
function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('the configuration was accepted');
}

describe('loadConfig in production', () => {
  it('starts with every variable production needs', () => {
    const config = loadConfig(production());
    expect(config).toMatchObject({
      env: 'production',
      allowDevLogin: false,
      seedDemo: false,
      geo: { provider: 'amap' },
      wechat: { apiBase: 'https://api.weixin.qq.com' },
      wechatPay: { mchid: '1900000109', notifyUrl: 'https://shop.example.com/api/v1/payments/wechat/notify' },
    });
  });

  it('refuses the dev login', () => {
    expect(refusal({ ...production(), ALLOW_DEV_LOGIN: '1' })).toMatch(/ALLOW_DEV_LOGIN: must not be 1/);
    expect(loadConfig({ ...production(), ALLOW_DEV_LOGIN: '0' }).allowDevLogin).toBe(false);
  });

  it('refuses the offline geocoder unless it is chosen explicitly', () => {
    const { AMAP_KEY: _key, ...noKey } = production();
    expect(refusal(noKey)).toMatch(/AMAP_KEY: required .*GEO_PROVIDER=offline/);
    expect(loadConfig({ ...noKey, GEO_PROVIDER: 'offline' }).geo.provider).toBe('offline');
    expect(refusal({ ...noKey, GEO_PROVIDER: 'amap' })).toMatch(/AMAP_KEY: required with GEO_PROVIDER=amap/);
  });

  it('needs WeChat over https', () => {
    const { WECHAT_API_BASE: _base, ...noBase } = production();
    expect(refusal(noBase)).toMatch(/WECHAT_API_BASE: required/);
    expect(refusal({ ...production(), WECHAT_API_BASE: 'http://api.weixin.qq.com' })).toMatch(
      /WECHAT_API_BASE: must be an https URL/,
    );
    expect(refusal({ ...production(), WECHAT_PAY_API_BASE: 'http://api.mch.weixin.qq.com' })).toMatch(
      /WECHAT_PAY_API_BASE: must be https/,
    );
  });

  it('names every missing WeChat Pay variable', () => {
    const env = production();
    delete env.WECHAT_PAY_APIV3_KEY;
    delete env.WECHAT_PAY_NOTIFY_URL;
    expect(refusal(env)).toMatch(
      /WECHAT_PAY_APIV3_KEY, WECHAT_PAY_NOTIFY_URL: required when NODE_ENV=production/,
    );
  });

  it('reads the keys before the first payment would', () => {
    expect(
      refusal({
        ...production(),
        WECHAT_PAY_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n',
      }),
    ).toMatch(/WECHAT_PAY_PRIVATE_KEY: not a readable PEM private key/);
    expect(
      refusal({
        ...production(),
        WECHAT_PAY_PLATFORM_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nbm9wZQ==\n-----END PUBLIC KEY-----\n',
      }),
    ).toMatch(/WECHAT_PAY_PLATFORM_PUBLIC_KEY: not a readable/);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(
      refusal({
        ...production(),
        WECHAT_PAY_PRIVATE_KEY: ec.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      }),
    ).toMatch(/must be an RSA key/);
    expect(refusal({ ...production(), WECHAT_PAY_APIV3_KEY: '短'.repeat(11) })).toMatch(
      /WECHAT_PAY_APIV3_KEY: must be 32 bytes/,
    );
    expect(refusal({ ...production(), WECHAT_PAY_SERIAL_NO: 'not-hex!' })).toMatch(/WECHAT_PAY_SERIAL_NO/);
  });

  it('takes a key written on one line with \\n escapes, as env files and secrets often hold it', () => {
    const oneLine = merchantKey.replace(/\n/g, '\\n');
    expect(oneLine).not.toContain('\n');
    const config = loadConfig({ ...production(), WECHAT_PAY_PRIVATE_KEY: oneLine });
    expect(config.wechatPay!.privateKeyPem).toBe(merchantKey);
  });

  it('refuses a notify URL WeChat Pay would refuse', () => {
    const base = 'https://shop.example.com/api/v1/payments/wechat/notify';
    expect(refusal({ ...production(), WECHAT_PAY_NOTIFY_URL: `${base}?from=wx` })).toMatch(
      /WECHAT_PAY_NOTIFY_URL: must not carry a query/,
    );
    expect(refusal({ ...production(), WECHAT_PAY_NOTIFY_URL: base.replace('https', 'http') })).toMatch(
      /WECHAT_PAY_NOTIFY_URL: must be https/,
    );
  });

  it('lists every problem at once', () => {
    const message = refusal({ NODE_ENV: 'production', ALLOW_DEV_LOGIN: '1' });
    for (const name of [
      'JWT_SECRET',
      'WECHAT_APPID',
      'ALLOW_DEV_LOGIN',
      'WECHAT_API_BASE',
      'AMAP_KEY',
      'WECHAT_PAY_MCHID',
    ]) {
      expect(message).toContain(name);
    }
  });
});

describe('loadConfig in development', () => {
  it('runs on the mocks with the dev login and the offline geocoder', () => {
    expect(loadConfig({})).toMatchObject({
      env: 'development',
      allowDevLogin: true,
      geo: { provider: 'offline' },
      wechat: { apiBase: null },
      wechatPay: null,
    });
    expect(loadConfig({ AMAP_KEY: 'k' }).geo.provider).toBe('amap');
  });

  it('still checks the WeChat Pay settings once any is given, without asking for https', () => {
    const p = production();
    const pay = Object.fromEntries(Object.entries(p).filter(([k]) => k.startsWith('WECHAT_PAY_')));
    const http = {
      ...pay,
      WECHAT_PAY_API_BASE: 'http://127.0.0.1:9000',
      WECHAT_PAY_NOTIFY_URL: 'http://127.0.0.1:3000/n',
    };
    expect(loadConfig(http).wechatPay!.apiBase).toBe('http://127.0.0.1:9000');
    expect(refusal({ ...http, WECHAT_PAY_APIV3_KEY: 'short' })).toMatch(/WECHAT_PAY_APIV3_KEY/);
    expect(refusal({ WECHAT_PAY_MCHID: '1900000109' })).toMatch(/required once any WECHAT_PAY_\* is set/);
  });
});

describe('the documented configuration', () => {
  const root = join(__dirname, '..', '..');
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const example = readFileSync(join(root, 'deploy', 'production.env.example'), 'utf8');
  const exampleKeys = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);

  it('names every variable in the README', () => {
    expect(CONFIG_VARIABLES.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });

  it('gives every variable production needs in the example env file, and no unknown one', () => {
    expect(Object.keys(production()).filter((k) => !exampleKeys.includes(k))).toEqual([]);
    expect(exampleKeys.filter((k) => !(CONFIG_VARIABLES as string[]).includes(k))).toEqual([]);
  });
});
