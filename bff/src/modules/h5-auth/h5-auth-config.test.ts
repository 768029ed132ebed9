import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from '../../config';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** A production environment that starts, without any H5 login settings. */
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
  WECHAT_PAY_PRIVATE_KEY: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  WECHAT_PAY_APIV3_KEY: '0123456789abcdef0123456789abcdef',
  WECHAT_PAY_PLATFORM_SERIAL: 'PUB_KEY_ID_0114232134912410000000000000',
  WECHAT_PAY_PLATFORM_PUBLIC_KEY: rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  WECHAT_PAY_NOTIFY_URL: 'https://shop.example.com/api/v1/payments/wechat/notify',
});

function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('the configuration was accepted');
}

describe('H5 login settings', () => {
  it('turns both H5 logins off in production until they are configured', () => {
    const c = loadConfig(production());
    expect(c.wechatOa).toBeNull();
    expect(c.sms).toBeNull();
  });

  it('uses the official account and SMS gateway given in production', () => {
    const c = loadConfig({
      ...production(),
      WECHAT_OA_APPID: 'wxabcdef0123456789',
      WECHAT_OA_SECRET: 'oa-secret',
      SMS_API_BASE: 'https://sms.example.com',
      SMS_API_KEY: 'sms-key-123456',
    });
    expect(c.wechatOa).toEqual({ appid: 'wxabcdef0123456789', secret: 'oa-secret', authorizeBase: null });
    expect(c.sms).toMatchObject({
      apiBase: 'https://sms.example.com',
      limits: { resendAfterS: 60, perPhonePerDay: 10, perIpPerHour: 20 },
    });
  });

  it('refuses half a pair, a malformed AppID and a plain-http SMS gateway in production', () => {
    expect(refusal({ ...production(), WECHAT_OA_APPID: 'wxabcdef0123456789' })).toContain(
      'WECHAT_OA_APPID, WECHAT_OA_SECRET: set both or neither',
    );
    expect(refusal({ ...production(), WECHAT_OA_APPID: 'abc', WECHAT_OA_SECRET: 's' })).toContain(
      'WECHAT_OA_APPID',
    );
    expect(refusal({ ...production(), SMS_API_KEY: 'sms-key-123456' })).toContain(
      'SMS_API_BASE, SMS_API_KEY',
    );
    expect(
      refusal({ ...production(), SMS_API_BASE: 'http://sms.example.com', SMS_API_KEY: 'sms-key-123456' }),
    ).toContain('SMS_API_BASE: must be an https URL');
  });

  it('runs both against the in-process mocks in development', () => {
    const c = loadConfig({ NODE_ENV: 'development' });
    expect(c.wechatOa?.appid).toMatch(/^wx/);
    expect(c.sms?.apiBase).toBeNull();
  });
});
