import { createDecipheriv, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  encryptPayResource,
  generatePayKeys,
  loadOrCreatePayKeys,
  paymentNotifyBody,
  signPayMessage,
  verifyPayMessage,
} from './pay-keys';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'pay-keys-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const decrypt = (apiV3Key: string, r: { ciphertext: string; nonce: string }, aad: string): string => {
  const data = Buffer.from(r.ciphertext, 'base64');
  const d = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from(r.nonce));
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(data.subarray(-16));
  return Buffer.concat([d.update(data.subarray(0, -16)), d.final()]).toString('utf8');
};

describe('generatePayKeys', () => {
  const keys = generatePayKeys();

  it('makes two distinct RSA-2048 pairs, serials and a 32-character APIv3 key', () => {
    for (const pem of [keys.merchantPublicKeyPem, keys.platformPublicKeyPem]) {
      const k = createPublicKey(pem);
      expect(k.asymmetricKeyType).toBe('rsa');
      expect(k.asymmetricKeyDetails?.modulusLength).toBe(2048);
    }
    expect(keys.merchantPublicKeyPem).not.toBe(keys.platformPublicKeyPem);
    expect(keys.merchantSerialNo).toMatch(/^[0-9A-F]{40}$/);
    expect(keys.platformSerialNo).toMatch(/^PUB_KEY_ID_[0-9A-F]{32}$/);
    expect(keys.apiV3Key).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('signs with each private key what only the matching public key verifies', () => {
    const parts = ['POST', '/v3/pay/transactions/jsapi', '1700000000', 'NONCE', '{}'];
    const sig = signPayMessage(keys.merchantPrivateKeyPem, parts);
    expect(verifyPayMessage(keys.merchantPublicKeyPem, parts, sig)).toBe(true);
    expect(verifyPayMessage(keys.platformPublicKeyPem, parts, sig)).toBe(false);
    expect(verifyPayMessage(keys.merchantPublicKeyPem, [...parts.slice(0, 4), '{ }'], sig)).toBe(false);
    expect(verifyPayMessage(keys.merchantPublicKeyPem, parts, 'not base64 at all')).toBe(false);
  });

  it('encrypts notify resources that decrypt with the APIv3 key and the same associated data only', () => {
    const sealed = encryptPayResource(keys.apiV3Key, '{"out_trade_no":"T1"}', 'transaction');
    expect(sealed.nonce).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(decrypt(keys.apiV3Key, sealed, 'transaction')).toBe('{"out_trade_no":"T1"}');
    expect(() => decrypt(keys.apiV3Key, sealed, 'refund')).toThrow();
    const body = JSON.parse(
      paymentNotifyBody(keys.apiV3Key, { id: 'E1', createTime: 'now', transaction: { a: 1 } }),
    );
    expect(body).toMatchObject({
      event_type: 'TRANSACTION.SUCCESS',
      resource: { algorithm: 'AEAD_AES_256_GCM' },
    });
    expect(JSON.parse(decrypt(keys.apiV3Key, body.resource, body.resource.associated_data))).toEqual({
      a: 1,
    });
  });
});

describe('loadOrCreatePayKeys', () => {
  it('creates the key file readable by its owner only, then returns the same keys on every start', () => {
    const dir = join(tempDir(), 'nested');
    const first = loadOrCreatePayKeys(dir);
    const file = join(dir, 'wechat-pay-keys.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreatePayKeys(dir)).toEqual(first);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
  });

  it('refuses a file that is not a key file, naming it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'wechat-pay-keys.json'), JSON.stringify({ apiV3Key: 'short' }));
    expect(() => loadOrCreatePayKeys(dir)).toThrow(/wechat-pay-keys\.json/);
  });
});
