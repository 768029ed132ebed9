import {
  createCipheriv,
  createSign,
  createVerify,
  generateKeyPairSync,
  randomBytes,
  randomInt,
} from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** A merchant's and WeChat's key material for WeChat Pay APIv3: RSA-2048 PEMs, serials, the APIv3 key. */
export const PayKeys = z.object({
  merchantSerialNo: z.string().min(1),
  merchantPrivateKeyPem: z.string().includes('PRIVATE KEY'),
  merchantPublicKeyPem: z.string().includes('PUBLIC KEY'),
  platformSerialNo: z.string().min(1),
  platformPrivateKeyPem: z.string().includes('PRIVATE KEY'),
  platformPublicKeyPem: z.string().includes('PUBLIC KEY'),
  /** 32 ASCII characters: the AES-256-GCM key of notify resources. */
  apiV3Key: z.string().regex(/^[\x21-\x7e]{32}$/),
});
export type PayKeys = z.infer<typeof PayKeys>;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` random letters and digits (WeChat nonces, the APIv3 key). */
export function randomAlnum(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALNUM[randomInt(ALNUM.length)];
  return s;
}

function rsaPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** Fresh keys: a merchant and a platform RSA-2048 pair, each with a 40-hex serial, and a 32-character APIv3 key. */
export function generatePayKeys(): PayKeys {
  const merchant = rsaPair();
  const platform = rsaPair();
  return {
    merchantSerialNo: randomBytes(20).toString('hex').toUpperCase(),
    merchantPrivateKeyPem: merchant.privateKeyPem,
    merchantPublicKeyPem: merchant.publicKeyPem,
    // WeChat's "platform public key" mode names keys PUB_KEY_ID_…; certificates use hex serials.
    platformSerialNo: `PUB_KEY_ID_${randomBytes(16).toString('hex').toUpperCase()}`,
    platformPrivateKeyPem: platform.privateKeyPem,
    platformPublicKeyPem: platform.publicKeyPem,
    apiV3Key: randomAlnum(32),
  };
}

/**
 * Reads `<dir>/wechat-pay-keys.json`, or creates it (mode 0600) with fresh keys; safe when several
 * processes start at once, since the file is published with an atomic link and the loser reads it.
 */
export function loadOrCreatePayKeys(dir: string): PayKeys {
  const file = join(dir, 'wechat-pay-keys.json');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(tmp, JSON.stringify(generatePayKeys(), null, 2), { mode: 0o600 });
    try {
      linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      unlinkSync(tmp);
    }
  }
  const parsed = PayKeys.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${file} is not a WeChat Pay key file (delete it to get fresh mock keys)`);
  }
  return parsed.data;
}

/** Base64 RSA-SHA256 signature of `parts`, each followed by "\n", as WeChat Pay signs. */
export function signPayMessage(privateKeyPem: string, parts: readonly string[]): string {
  return createSign('RSA-SHA256')
    .update(parts.map((p) => `${p}\n`).join(''))
    .sign(privateKeyPem, 'base64');
}

/** Whether `signatureB64` signs `parts` (each followed by "\n") under `publicKeyPem`; never throws. */
export function verifyPayMessage(
  publicKeyPem: string,
  parts: readonly string[],
  signatureB64: string,
): boolean {
  try {
    return createVerify('RSA-SHA256')
      .update(parts.map((p) => `${p}\n`).join(''))
      .verify(publicKeyPem, signatureB64, 'base64');
  } catch {
    return false;
  }
}

/** Encrypts a notify resource with AEAD_AES_256_GCM: base64(ciphertext || 16-byte tag) and a 12-character nonce. */
export function encryptPayResource(
  apiV3Key: string,
  plaintext: string,
  associatedData: string,
): { ciphertext: string; nonce: string } {
  const nonce = randomAlnum(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { ciphertext: data.toString('base64'), nonce };
}

/** The `Wechatpay-*` headers WeChat puts on its answers and notifies, signed by the platform key at `at`. */
export function signedPayHeaders(
  platformPrivateKeyPem: string,
  platformSerialNo: string,
  body: string,
  at: Date,
): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const nonce = randomAlnum(32);
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signPayMessage(platformPrivateKeyPem, [timestamp, nonce, body]),
    'Wechatpay-Serial': platformSerialNo,
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  };
}

/**
 * A notify body as WeChat POSTs it: the envelope `{ id, create_time, resource_type, event_type, summary,
 * resource }` whose resource is `plain` encrypted with the APIv3 key (associated_data = original_type).
 */
export function notifyBody(
  apiV3Key: string,
  o: {
    id: string;
    createTime: string;
    eventType: string;
    summary: string;
    originalType: string;
    plain: object;
  },
): string {
  const sealed = encryptPayResource(apiV3Key, JSON.stringify(o.plain), o.originalType);
  return JSON.stringify({
    id: o.id,
    create_time: o.createTime,
    resource_type: 'encrypt-resource',
    event_type: o.eventType,
    summary: o.summary,
    resource: {
      original_type: o.originalType,
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: sealed.ciphertext,
      associated_data: o.originalType,
      nonce: sealed.nonce,
    },
  });
}

/** A TRANSACTION.SUCCESS notify body whose resource is `transaction` encrypted with the APIv3 key. */
export function paymentNotifyBody(
  apiV3Key: string,
  o: { id: string; createTime: string; transaction: object },
): string {
  return notifyBody(apiV3Key, {
    id: o.id,
    createTime: o.createTime,
    eventType: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    originalType: 'transaction',
    plain: o.transaction,
  });
}

// WeChat sends no notify while a refund is PROCESSING; the entry only lets tests forge one.
const REFUND_SUMMARY = {
  SUCCESS: '退款成功',
  ABNORMAL: '退款异常',
  CLOSED: '退款关闭',
  PROCESSING: '退款处理中',
} as const;

/** A `REFUND.SUCCESS` / `REFUND.ABNORMAL` / `REFUND.CLOSED` notify body whose resource is `refund`, encrypted. */
export function refundNotifyBody(
  apiV3Key: string,
  o: { id: string; createTime: string; status: keyof typeof REFUND_SUMMARY; refund: object },
): string {
  return notifyBody(apiV3Key, {
    id: o.id,
    createTime: o.createTime,
    eventType: `REFUND.${o.status}`,
    summary: REFUND_SUMMARY[o.status],
    originalType: 'refund',
    plain: o.refund,
  });
}
