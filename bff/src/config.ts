import { createPrivateKey, createPublicKey, randomBytes, X509Certificate } from 'node:crypto';
import { z } from 'zod';

const Bool01 = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(
      /^(sqlite:.+|mysql:\/\/.+|mariadb:\/\/.+)$/,
      'must be sqlite:<path> or mysql://user:pass@host:port/db',
    )
    .default('sqlite:.data/omni.sqlite'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'must be redis://host:port')
    .optional(),
  JWT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  JWT_TTL_S: z.coerce
    .number()
    .int()
    .min(60)
    .max(90 * 24 * 3600)
    .default(7 * 24 * 3600),
  ALLOW_DEV_LOGIN: Bool01.optional(),
  WECHAT_APPID: z.string().min(1).optional(),
  WECHAT_SECRET: z.string().min(1).optional(),
  WECHAT_API_BASE: z.url().optional(),
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).optional(),
  WECHAT_OA_APPID: z
    .string()
    .regex(/^wx[0-9A-Za-z]{8,30}$/, 'must be the official account AppID (wx…)')
    .optional(),
  WECHAT_OA_SECRET: z.string().min(1).optional(),
  WECHAT_OA_AUTHORIZE_BASE: z.url().optional(),
  SMS_API_BASE: z.url().optional(),
  SMS_API_KEY: z.string().min(8, 'must be at least 8 characters').optional(),
  SMS_SIGN_NAME: z.string().min(2).max(12).default('品牌小店'),
  SMS_RESEND_AFTER_S: z.coerce.number().int().min(0).max(3600).default(60),
  SMS_PER_PHONE_PER_DAY: z.coerce.number().int().min(1).max(1000).default(10),
  SMS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
  WECHAT_PAY_API_BASE: z.url().optional(),
  WECHAT_PAY_MCHID: z
    .string()
    .regex(/^\d{8,12}$/, 'must be the 8–12 digit merchant id')
    .optional(),
  WECHAT_PAY_SERIAL_NO: z
    .string()
    .regex(/^[0-9A-Fa-f]{8,64}$/, 'must be the merchant certificate serial number (hex)')
    .optional(),
  WECHAT_PAY_PRIVATE_KEY: z
    .string()
    .includes('PRIVATE KEY', { message: 'must be a PEM private key' })
    .optional(),
  WECHAT_PAY_APIV3_KEY: z
    .string()
    .refine(
      (v) => Buffer.byteLength(v) === 32,
      'must be 32 bytes (the APIv3 key set in the merchant platform)',
    )
    .optional(),
  WECHAT_PAY_PLATFORM_SERIAL: z
    .string()
    .regex(
      /^(PUB_KEY_ID_\w+|[0-9A-Fa-f]{8,64})$/,
      'must be the platform certificate serial (hex) or the WeChat Pay public key id (PUB_KEY_ID_…)',
    )
    .optional(),
  WECHAT_PAY_PLATFORM_PUBLIC_KEY: z
    .string()
    .includes('-----BEGIN', { message: 'must be a PEM public key or certificate' })
    .optional(),
  WECHAT_PAY_NOTIFY_URL: z.url().optional(),
  GEO_PROVIDER: z.enum(['amap', 'offline']).optional(),
  AMAP_KEY: z.string().min(1).optional(),
  AMAP_SECRET: z.string().min(1).optional(),
  AMAP_API_BASE: z.url().optional(),
  H5_DIR: z.string().min(1).optional(),
  ADMIN_DIR: z.string().min(1).optional(),
  ASSETS_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  BODY_LIMIT_KB: z.coerce.number().int().min(1).max(10_240).default(256),
  CORS_ORIGINS: z.string().optional(),
  SEED_DEMO: Bool01.optional(),
  SEED_HISTORY_DAYS: z.coerce.number().int().min(0).max(120).optional(),
  PAYMENT_TTL_MIN: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  JOBS_INTERVAL_S: z.coerce.number().int().min(0).max(3600).default(20),
  SUPPORT_HUMAN_HOURS: z
    .string()
    .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'must be HH:MM-HH:MM')
    .default('09:00-21:00'),
  SUPPORT_MESSAGES_PER_10S: z.coerce.number().int().min(1).max(1000).default(10),
  LBS_ARRIVAL_RADIUS_M: z.coerce.number().int().min(50).max(5000).default(300),
  LBS_NEARBY_RADIUS_M: z.coerce.number().int().min(200).max(20_000).default(1500),
  LBS_REPORTS_PER_10S: z.coerce.number().int().min(1).max(1000).default(10),
  LBS_ESCALATE_AFTER_S: z.coerce.number().int().min(10).max(86_400).default(180),
});

/** Every environment variable the BFF reads (the README documents each). */
export const CONFIG_VARIABLES = Object.keys(EnvSchema.shape) as Array<keyof typeof EnvSchema.shape>;

/** The validated configuration of one BFF process. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { kind: 'sqlite'; path: string } | { kind: 'mysql'; url: string };
  redisUrl: string | null;
  jwt: { secret: string; ttlS: number; secretWasGenerated: boolean };
  allowDevLogin: boolean;
  /** `miniprogramState`: which build a subscription message's card opens (formal in production, developer otherwise). */
  wechat: {
    appid: string;
    secret: string;
    apiBase: string | null;
    miniprogramState: 'developer' | 'trial' | 'formal';
  };
  /**
   * The official account (公众号) for H5 web authorisation; mock values in dev, null in
   * production unless WECHAT_OA_APPID/SECRET are set (the H5 shop then offers no WeChat login).
   * `authorizeBase` null: https://open.weixin.qq.com, or the in-process WeChat mock in dev.
   */
  wechatOa: { appid: string; secret: string; authorizeBase: string | null } | null;
  /** The SMS gateway; `apiBase` null in dev (the in-process mock); null in production without SMS_*. */
  sms: {
    apiBase: string | null;
    apiKey: string;
    signName: string;
    /** Seconds between codes to one phone (0: no wait), codes per phone a day, per IP an hour. */
    limits: { resendAfterS: number; perPhonePerDay: number; perIpPerHour: number };
  } | null;
  /** WeChat Pay APIv3 merchant settings; null in dev, where the mock merchant is used. */
  wechatPay: {
    apiBase: string;
    mchid: string;
    serialNo: string;
    privateKeyPem: string;
    apiV3Key: string;
    platformSerial: string;
    platformPublicKeyPem: string;
    notifyUrl: string;
  } | null;
  /** `offline` places addresses at district centres: only for development or when chosen explicitly. */
  geo: { provider: 'amap' | 'offline' };
  amap: { key: string | null; secret: string | null; apiBase: string | null };
  h5Dir: string | null;
  /** The back-office console's build (`admin/dist`), served at `/admin/`. */
  adminDir: string | null;
  assetsDir: string | null;
  logLevel: string;
  bodyLimitKb: number;
  corsOrigins: string[];
  seedDemo: boolean;
  /** Past days of simulated orders, chats and cases the demo seed adds (0 = none; tests default to 0). */
  seedHistoryDays: number;
  /** Minutes an unpaid order holds its stock and seat. */
  paymentTtlMin: number;
  /** How often background jobs (expiry, escalation) run; 0 turns them off (tests drive them). */
  jobsIntervalS: number;
  support: { humanHours: [string, string]; messagesPer10s: number };
  lbs: { arrivalRadiusM: number; nearbyRadiusM: number; reportsPer10s: number; escalateAfterS: number };
}

/** Thrown when the environment is wrong; its message lists every bad variable. */
export class ConfigError extends Error {}

/** Reads and validates the environment once; fails fast naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];
  if (production && !e.JWT_SECRET) problems.push('  JWT_SECRET: required when NODE_ENV=production');
  if (production && (!e.WECHAT_APPID || !e.WECHAT_SECRET)) {
    problems.push('  WECHAT_APPID, WECHAT_SECRET: required when NODE_ENV=production');
  }
  if (production && e.ALLOW_DEV_LOGIN) {
    problems.push(
      '  ALLOW_DEV_LOGIN: must not be 1 when NODE_ENV=production (anyone could log in as anyone)',
    );
  }
  if (production && !e.WECHAT_API_BASE) {
    problems.push('  WECHAT_API_BASE: required when NODE_ENV=production (https://api.weixin.qq.com)');
  } else if (production && !isHttps(e.WECHAT_API_BASE)) {
    problems.push('  WECHAT_API_BASE: must be an https URL when NODE_ENV=production');
  }
  if (!e.WECHAT_OA_APPID !== !e.WECHAT_OA_SECRET) {
    problems.push('  WECHAT_OA_APPID, WECHAT_OA_SECRET: set both or neither');
  }
  if (!e.SMS_API_BASE !== !e.SMS_API_KEY) problems.push('  SMS_API_BASE, SMS_API_KEY: set both or neither');
  else if (production && e.SMS_API_BASE && !isHttps(e.SMS_API_BASE)) {
    problems.push('  SMS_API_BASE: must be an https URL when NODE_ENV=production');
  }
  if (e.GEO_PROVIDER === 'amap' && !e.AMAP_KEY) {
    problems.push('  AMAP_KEY: required with GEO_PROVIDER=amap');
  } else if (production && !e.GEO_PROVIDER && !e.AMAP_KEY) {
    problems.push(
      '  AMAP_KEY: required when NODE_ENV=production; the offline geocoder places addresses at district centres — set GEO_PROVIDER=offline to choose it anyway',
    );
  }
  const payVars = [
    'WECHAT_PAY_API_BASE',
    'WECHAT_PAY_MCHID',
    'WECHAT_PAY_SERIAL_NO',
    'WECHAT_PAY_PRIVATE_KEY',
    'WECHAT_PAY_APIV3_KEY',
    'WECHAT_PAY_PLATFORM_SERIAL',
    'WECHAT_PAY_PLATFORM_PUBLIC_KEY',
    'WECHAT_PAY_NOTIFY_URL',
  ] as const;
  const payGiven = payVars.filter((k) => e[k] !== undefined);
  if ((production || payGiven.length) && payGiven.length !== payVars.length) {
    const missing = payVars.filter((k) => e[k] === undefined).join(', ');
    problems.push(
      `  ${missing}: required ${production ? 'when NODE_ENV=production' : 'once any WECHAT_PAY_* is set'}`,
    );
  }
  const privateKeyPem = unescapePem(e.WECHAT_PAY_PRIVATE_KEY);
  const platformPublicKeyPem = unescapePem(e.WECHAT_PAY_PLATFORM_PUBLIC_KEY);
  if (payGiven.length === payVars.length) {
    problems.push(...checkPaySettings(production, e, privateKeyPem!, platformPublicKeyPem!));
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);

  const url = e.DATABASE_URL;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: url.startsWith('sqlite:')
      ? { kind: 'sqlite', path: url.slice('sqlite:'.length) }
      : { kind: 'mysql', url },
    redisUrl: e.REDIS_URL ?? null,
    jwt: {
      secret: e.JWT_SECRET ?? randomBytes(32).toString('hex'),
      ttlS: e.JWT_TTL_S,
      secretWasGenerated: !e.JWT_SECRET,
    },
    allowDevLogin: e.ALLOW_DEV_LOGIN ?? !production,
    wechat: {
      appid: e.WECHAT_APPID ?? 'wxmockappid0000001',
      secret: e.WECHAT_SECRET ?? 'mock-wechat-secret',
      apiBase: e.WECHAT_API_BASE ?? null,
      miniprogramState: e.WECHAT_MINIPROGRAM_STATE ?? (production ? 'formal' : 'developer'),
    },
    wechatOa:
      e.WECHAT_OA_APPID || !production
        ? {
            appid: e.WECHAT_OA_APPID ?? 'wxmockoaappid00001',
            secret: e.WECHAT_OA_SECRET ?? 'mock-oa-secret',
            authorizeBase: e.WECHAT_OA_AUTHORIZE_BASE ?? null,
          }
        : null,
    sms:
      e.SMS_API_BASE || !production
        ? {
            apiBase: e.SMS_API_BASE ?? null,
            apiKey: e.SMS_API_KEY ?? 'mock-sms-api-key',
            signName: e.SMS_SIGN_NAME,
            limits: {
              resendAfterS: e.SMS_RESEND_AFTER_S,
              perPhonePerDay: e.SMS_PER_PHONE_PER_DAY,
              perIpPerHour: e.SMS_PER_IP_PER_HOUR,
            },
          }
        : null,
    wechatPay:
      payGiven.length === payVars.length
        ? {
            apiBase: e.WECHAT_PAY_API_BASE!,
            mchid: e.WECHAT_PAY_MCHID!,
            serialNo: e.WECHAT_PAY_SERIAL_NO!,
            privateKeyPem: privateKeyPem!,
            apiV3Key: e.WECHAT_PAY_APIV3_KEY!,
            platformSerial: e.WECHAT_PAY_PLATFORM_SERIAL!,
            platformPublicKeyPem: platformPublicKeyPem!,
            notifyUrl: e.WECHAT_PAY_NOTIFY_URL!,
          }
        : null,
    geo: { provider: e.GEO_PROVIDER ?? (e.AMAP_KEY ? 'amap' : 'offline') },
    amap: { key: e.AMAP_KEY ?? null, secret: e.AMAP_SECRET ?? null, apiBase: e.AMAP_API_BASE ?? null },
    h5Dir: e.H5_DIR ?? null,
    adminDir: e.ADMIN_DIR ?? null,
    assetsDir: e.ASSETS_DIR ?? null,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    bodyLimitKb: e.BODY_LIMIT_KB,
    corsOrigins: (e.CORS_ORIGINS ?? 'http://localhost:10086,http://127.0.0.1:10086')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    seedDemo: e.SEED_DEMO ?? !production,
    seedHistoryDays: e.SEED_HISTORY_DAYS ?? (e.NODE_ENV === 'test' ? 0 : 35),
    paymentTtlMin: e.PAYMENT_TTL_MIN,
    jobsIntervalS: e.JOBS_INTERVAL_S,
    support: {
      humanHours: e.SUPPORT_HUMAN_HOURS.split('-') as [string, string],
      messagesPer10s: e.SUPPORT_MESSAGES_PER_10S,
    },
    lbs: {
      arrivalRadiusM: e.LBS_ARRIVAL_RADIUS_M,
      nearbyRadiusM: e.LBS_NEARBY_RADIUS_M,
      reportsPer10s: e.LBS_REPORTS_PER_10S,
      escalateAfterS: e.LBS_ESCALATE_AFTER_S,
    },
  };
}

/** Loads the configuration or, when it is wrong, prints every bad variable and exits 78 (EX_CONFIG). */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
}

function isHttps(url: string | undefined): boolean {
  return !!url && new URL(url).protocol === 'https:';
}

/** PEM keys in env files often arrive on one line with literal `\n`s. */
function unescapePem(pem: string | undefined): string | undefined {
  return pem?.includes('\\n') ? pem.replace(/\\n/g, '\n') : pem;
}

/** The WeChat Pay settings WeChat would reject only at the first payment, checked at start. */
function checkPaySettings(
  production: boolean,
  e: z.infer<typeof EnvSchema>,
  privateKeyPem: string,
  platformPublicKeyPem: string,
): string[] {
  const problems: string[] = [];
  try {
    const key = createPrivateKey(privateKeyPem);
    if (key.asymmetricKeyType !== 'rsa')
      problems.push('  WECHAT_PAY_PRIVATE_KEY: must be an RSA key (apiclient_key.pem)');
  } catch {
    problems.push('  WECHAT_PAY_PRIVATE_KEY: not a readable PEM private key (apiclient_key.pem)');
  }
  try {
    if (platformPublicKeyPem.includes('CERTIFICATE')) new X509Certificate(platformPublicKeyPem);
    else createPublicKey(platformPublicKeyPem);
  } catch {
    problems.push('  WECHAT_PAY_PLATFORM_PUBLIC_KEY: not a readable PEM public key or certificate');
  }
  const notify = new URL(e.WECHAT_PAY_NOTIFY_URL!);
  if (notify.search || notify.hash) {
    problems.push('  WECHAT_PAY_NOTIFY_URL: must not carry a query or fragment (WeChat Pay refuses it)');
  }
  if (production) {
    if (notify.protocol !== 'https:')
      problems.push('  WECHAT_PAY_NOTIFY_URL: must be https when NODE_ENV=production');
    if (!isHttps(e.WECHAT_PAY_API_BASE)) {
      problems.push(
        '  WECHAT_PAY_API_BASE: must be https when NODE_ENV=production (https://api.mch.weixin.qq.com)',
      );
    }
  }
  return problems;
}
