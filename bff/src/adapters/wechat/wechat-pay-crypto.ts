import {
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  randomBytes,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';

/** The only signature scheme of WeChat Pay APIv3 (the `Authorization` header's scheme name). */
export const WECHATPAY_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

/** How far (in seconds) a signed timestamp may be from our clock, as WeChat's own SDKs allow. */
export const MAX_CLOCK_SKEW_S = 5 * 60;

/** Reads a PKCS#8/PKCS#1 PEM private key (the merchant's `apiclient_key.pem`). */
export function readPrivateKey(pem: string): KeyObject {
  return createPrivateKey(pem);
}

/** Reads a platform public key (`pub_key.pem`) or a platform certificate PEM into a public key. */
export function readPublicKey(pem: string): KeyObject {
  return pem.includes('BEGIN CERTIFICATE') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
}

/** A fresh 32-character nonce, usable as `nonce_str` and `nonceStr`. */
export function makeNonce(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

/** Whole Unix seconds of a date, as WeChat writes timestamps. */
export function unixS(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** The message WeChat signs: every part followed by a newline. */
function message(parts: readonly string[]): string {
  return parts.map((p) => `${p}\n`).join('');
}

/** Base64 RSA-SHA256 signature of `parts`, each followed by "\n" (WeChat's signing rule). */
export function signParts(key: KeyObject, parts: readonly string[]): string {
  return createSign('RSA-SHA256').update(message(parts)).sign(key, 'base64');
}

/** Whether `signatureB64` is a valid RSA-SHA256 signature of `parts`; never throws. */
export function verifyParts(key: KeyObject, parts: readonly string[], signatureB64: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message(parts)).verify(key, signatureB64, 'base64');
  } catch {
    return false;
  }
}

/** The `Authorization` header value of one APIv3 request, signed with the merchant private key. */
export function authorizationHeader(o: {
  mchid: string;
  serialNo: string;
  key: KeyObject;
  method: string;
  pathWithQuery: string;
  body: string;
  timestampS: number;
  nonce: string;
}): string {
  const ts = String(o.timestampS);
  const signature = signParts(o.key, [o.method, o.pathWithQuery, ts, o.nonce, o.body]);
  return (
    `${WECHATPAY_SCHEME} mchid="${o.mchid}",nonce_str="${o.nonce}",` +
    `signature="${signature}",timestamp="${ts}",serial_no="${o.serialNo}"`
  );
}

/** Why a set of `Wechatpay-*` headers was refused, or null when the signature holds. */
export function checkWechatSignature(o: {
  timestamp: string | undefined;
  nonce: string | undefined;
  signature: string | undefined;
  serial: string | undefined;
  body: string;
  keys: ReadonlyMap<string, KeyObject>;
  nowS: number;
}): string | null {
  if (!o.timestamp || !o.nonce || !o.signature || !o.serial) return 'missing Wechatpay-* headers';
  if (!/^\d{1,12}$/.test(o.timestamp)) return 'malformed Wechatpay-Timestamp';
  if (Math.abs(o.nowS - Number(o.timestamp)) > MAX_CLOCK_SKEW_S) return 'stale Wechatpay-Timestamp';
  const key = o.keys.get(o.serial);
  if (!key) return `unknown Wechatpay-Serial ${o.serial}`;
  if (!verifyParts(key, [o.timestamp, o.nonce, o.body], o.signature)) return 'bad Wechatpay-Signature';
  return null;
}

/** Decrypts an `AEAD_AES_256_GCM` resource (ciphertext = base64 of data || 16-byte tag); throws when tampered. */
export function decryptResource(
  apiV3Key: Buffer,
  r: { ciphertext: string; nonce: string; associated_data?: string | undefined },
): string {
  const data = Buffer.from(r.ciphertext, 'base64');
  if (data.length <= 16) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', apiV3Key, Buffer.from(r.nonce, 'utf8'), {
    authTagLength: 16,
  });
  decipher.setAAD(Buffer.from(r.associated_data ?? '', 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString(
    'utf8',
  );
}

/** RFC 3339 in Beijing time without milliseconds (`2026-01-02T03:04:05+08:00`), as WeChat wants `time_expire`. */
export function rfc3339Shanghai(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
}
