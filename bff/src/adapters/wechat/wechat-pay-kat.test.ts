import { createPublicKey, X509Certificate } from 'node:crypto';
// The independent implementation: used only here, to check ours against.
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin';
import { WechatPayClient } from './wechat-pay-client';
import { HttpWechatPay } from './wechat-pay';
import {
  authorizationHeader,
  checkWechatSignature,
  decryptResource,
  readPrivateKey,
  readPublicKey,
  signParts,
  WECHATPAY_SCHEME,
} from './wechat-pay-crypto';
import {
  DOC_ANSWER,
  DOC_GET_REQUEST,
  DOC_MERCHANT_KEY_PEM,
  DOC_PAY,
  DOC_REQUEST,
  SDK_AEAD,
  SDK_API_V3_KEY,
  SDK_CERTIFICATE,
  SDK_PLATFORM_KEY_PEM,
  SDK_PLATFORM_SERIAL,
} from './wechat-pay-kat-vectors';

const merchantKey = readPrivateKey(DOC_MERCHANT_KEY_PEM);
const merchantPublicKey = createPublicKey(merchantKey);
const platformKey = readPrivateKey(SDK_PLATFORM_KEY_PEM);
const platformKeys = new Map([[SDK_PLATFORM_SERIAL, createPublicKey(platformKey)]]);
const apiV3Key = Buffer.from(SDK_API_V3_KEY, 'utf8');
const { timestampS, nonce } = DOC_REQUEST;
const ts = String(timestampS);

/** The `key="value"` fields of an `Authorization` header, after its scheme. */
function authFields(header: string): { scheme: string; fields: Record<string, string> } {
  const [scheme = '', rest = ''] = header.split(/ (.*)/s);
  const fields = Object.fromEntries(rest.split(',').map((kv) => kv.match(/^(\w+)="(.*)"$/)!.slice(1, 3)));
  return { scheme, fields };
}

/** Our adapter with the published merchant key, trusting the SDK's platform key, its clock at the docs' time. */
function makePay(): HttpWechatPay {
  return new HttpWechatPay({
    apiBase: 'https://api.mch.weixin.qq.com',
    appid: DOC_PAY.appId,
    mchid: DOC_REQUEST.mchid,
    merchantSerialNo: DOC_REQUEST.serialNo,
    merchantPrivateKeyPem: DOC_MERCHANT_KEY_PEM,
    apiV3Key: SDK_API_V3_KEY,
    platformPublicKeys: {
      [SDK_PLATFORM_SERIAL]: createPublicKey(platformKey).export({ type: 'spki', format: 'pem' }).toString(),
    },
    notifyUrl: 'https://shop.example.com/api/v1/payments/wechat/notify',
    // 999 ms past the second: WeChat's timestamps are whole seconds, rounded down.
    clock: { now: () => new Date(timestampS * 1000 + 999) },
  });
}

describe('request signature (merchant -> WeChat)', () => {
  it('signs the five-line message of WeChat’s JSAPI example to the signature WeChat publishes', () => {
    const parts = [DOC_REQUEST.method, DOC_REQUEST.path, ts, nonce, DOC_REQUEST.body];
    expect(Formatter.request(DOC_REQUEST.method, DOC_REQUEST.path, ts, nonce, DOC_REQUEST.body)).toBe(
      `POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n${DOC_REQUEST.body}\n`,
    );
    expect(signParts(merchantKey, parts)).toBe(DOC_REQUEST.signature);
    expect(
      Rsa.sign(
        Formatter.request(DOC_REQUEST.method, DOC_REQUEST.path, ts, nonce, DOC_REQUEST.body),
        merchantKey,
      ),
    ).toBe(DOC_REQUEST.signature);
  });

  it('signs a GET, whose empty body still ends the message with a newline, to the published signature', () => {
    expect(signParts(merchantKey, ['GET', DOC_GET_REQUEST.path, ts, nonce, ''])).toBe(
      DOC_GET_REQUEST.signature,
    );
  });

  it('writes the Authorization header of WeChat’s example byte for byte', () => {
    const header = authorizationHeader({ ...DOC_REQUEST, key: merchantKey, pathWithQuery: DOC_REQUEST.path });
    expect(header).toBe(
      `WECHATPAY2-SHA256-RSA2048 mchid="1900007291",nonce_str="${nonce}",` +
        `signature="${DOC_REQUEST.signature}",timestamp="1554208460",serial_no="${DOC_REQUEST.serialNo}"`,
    );
  });

  it('has exactly the scheme and five fields their Formatter writes, and their verifier accepts its signature', () => {
    const o = {
      ...DOC_REQUEST,
      key: merchantKey,
      method: 'GET',
      pathWithQuery: '/v3/bill/tradebill?bill_date=2026-01-02&bill_type=ALL',
      body: '',
    };
    const ours = authFields(authorizationHeader(o));
    const f = ours.fields;
    const theirs = authFields(
      Formatter.authorization(f.mchid!, f.nonce_str!, f.signature!, f.timestamp!, f.serial_no!),
    );
    expect(ours.scheme).toBe(WECHATPAY_SCHEME);
    expect(ours).toEqual(theirs);
    expect(f).toMatchObject({ mchid: o.mchid, nonce_str: nonce, timestamp: ts, serial_no: o.serialNo });
    expect(
      Rsa.verify(Formatter.request('GET', o.pathWithQuery, ts, nonce, ''), f.signature!, merchantPublicKey),
    ).toBe(true);
  });

  it('the client sends a header their verifier accepts and trusts an answer signed by their signer', async () => {
    let sent = '';
    const answer = '{"prepay_id":"wx201410272009395522657a690389285100"}';
    const fakeFetch = (async (_url: URL, init: RequestInit) => {
      sent = (init.headers as Record<string, string>).Authorization!;
      return new Response(answer, {
        headers: {
          'Wechatpay-Timestamp': ts,
          'Wechatpay-Nonce': 'AnswerNonce',
          'Wechatpay-Serial': SDK_PLATFORM_SERIAL,
          'Wechatpay-Signature': Rsa.sign(Formatter.response(ts, 'AnswerNonce', answer), platformKey),
        },
      });
    }) as unknown as typeof fetch;
    const client = new WechatPayClient({
      apiBase: 'https://api.mch.weixin.qq.com',
      mchid: DOC_REQUEST.mchid,
      merchantSerialNo: DOC_REQUEST.serialNo,
      merchantKey,
      platformKeys,
      clock: { now: () => new Date(timestampS * 1000) },
      fetch: fakeFetch,
    });
    await expect(client.call('POST', DOC_REQUEST.path, { a: 1 })).resolves.toEqual({
      ok: true,
      body: JSON.parse(answer),
    });
    const f = authFields(sent).fields;
    expect(
      Rsa.verify(
        Formatter.request('POST', DOC_REQUEST.path, f.timestamp!, f.nonce_str!, '{"a":1}'),
        f.signature!,
        merchantPublicKey,
      ),
    ).toBe(true);
  });
});

describe('answer and notify signatures (WeChat -> merchant)', () => {
  const body = '{"id":"EV-1","event_type":"TRANSACTION.SUCCESS"}';
  const signedBy = (
    key: typeof platformKey,
    over: Partial<Record<'timestamp' | 'nonce' | 'serial' | 'body', string>> = {},
  ) => ({
    timestamp: ts,
    nonce: 'NotifyNonce',
    serial: SDK_PLATFORM_SERIAL,
    signature: Rsa.sign(Formatter.response(ts, 'NotifyNonce', body), key),
    body,
    keys: platformKeys,
    nowS: timestampS,
    ...over,
  });

  it('accepts WeChat’s published signed answer with WeChat’s published public key', () => {
    const keys = new Map([['PUB_KEY_ID_DOC', readPublicKey(DOC_ANSWER.publicKeyPem)]]);
    const check = { ...DOC_ANSWER, serial: 'PUB_KEY_ID_DOC', keys, nowS: Number(DOC_ANSWER.timestamp) };
    expect(checkWechatSignature(check)).toBeNull();
    expect(checkWechatSignature({ ...check, body: DOC_ANSWER.body.replace('JyC91EIz1', 'JyC91EIz2') })).toBe(
      'bad Wechatpay-Signature',
    );
  });

  it('accepts a notify signed by their signer', () => {
    expect(checkWechatSignature(signedBy(platformKey))).toBeNull();
  });

  it('refuses a notify whose body was changed after signing', () => {
    expect(checkWechatSignature(signedBy(platformKey, { body: body.replace('EV-1', 'EV-2') }))).toBe(
      'bad Wechatpay-Signature',
    );
  });

  it('refuses a notify under a serial we hold no key for', () => {
    expect(checkWechatSignature(signedBy(platformKey, { serial: 'PUB_KEY_ID_UNKNOWN' }))).toBe(
      'unknown Wechatpay-Serial PUB_KEY_ID_UNKNOWN',
    );
  });

  it('refuses a notify signed by another key under the right serial', () => {
    expect(checkWechatSignature(signedBy(merchantKey))).toBe('bad Wechatpay-Signature');
  });

  it.each([
    ['refuses a timestamp 301 s behind our clock', -301, 'stale Wechatpay-Timestamp'],
    ['accepts a timestamp 300 s behind our clock', -300, null],
    ['accepts a timestamp 300 s ahead of our clock', 300, null],
    ['refuses a timestamp 301 s ahead of our clock', 301, 'stale Wechatpay-Timestamp'],
  ])('%s (their SDK allows the same 300 s)', (_name, skewS, want) => {
    expect(checkWechatSignature({ ...signedBy(platformKey), nowS: timestampS - skewS })).toBe(want);
  });

  it('opens a whole payment notify sealed by their AesGcm and signed by their signer', () => {
    const transaction = {
      appid: DOC_PAY.appId,
      mchid: DOC_REQUEST.mchid,
      out_trade_no: 'T20260102000001',
      transaction_id: '4200000000202601020000000001',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      success_time: '2019-04-02T20:34:20+08:00',
      payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
      amount: { total: 3990, payer_total: 3990, currency: 'CNY' },
    };
    const resource = {
      algorithm: 'AEAD_AES_256_GCM',
      original_type: 'transaction',
      associated_data: 'transaction',
      nonce: 'fbf0a086180e',
      ciphertext: Aes.AesGcm.encrypt(JSON.stringify(transaction), apiV3Key, 'fbf0a086180e', 'transaction'),
    };
    const envelope = JSON.stringify({
      id: 'EV-2019040220342000001',
      create_time: '2019-04-02T20:34:20+08:00',
      event_type: 'TRANSACTION.SUCCESS',
      resource_type: 'encrypt-resource',
      resource,
    });
    const headers = {
      'Wechatpay-Timestamp': ts,
      'Wechatpay-Nonce': 'NotifyNonce',
      'Wechatpay-Serial': SDK_PLATFORM_SERIAL,
      'Wechatpay-Signature': Rsa.sign(Formatter.response(ts, 'NotifyNonce', envelope), platformKey),
    };
    expect(makePay().verifyNotify(headers, envelope)).toMatchObject({
      outTradeNo: 'T20260102000001',
      tradeState: 'SUCCESS',
      totalFen: 3990,
      successAt: new Date('2019-04-02T12:34:20Z'),
    });
    expect(() => makePay().verifyNotify(headers, envelope.replace('EV-2019', 'EV-2020'))).toThrow();
  });
});

describe('AEAD_AES_256_GCM resources', () => {
  const sdk = {
    ciphertext: SDK_AEAD.ciphertext,
    nonce: SDK_AEAD.nonce,
    associated_data: SDK_AEAD.associatedData,
  };
  const flip = (b64: string, at: number): string => {
    const b = Buffer.from(b64, 'base64');
    b[at < 0 ? b.length + at : at]! ^= 0x01;
    return b.toString('base64');
  };

  it('decrypts the vector of WeChat Pay’s Java SDK, which their AesGcm reproduces', () => {
    expect(decryptResource(apiV3Key, sdk)).toBe(SDK_AEAD.plaintext);
    expect(Aes.AesGcm.encrypt(SDK_AEAD.plaintext, apiV3Key, SDK_AEAD.nonce, SDK_AEAD.associatedData)).toBe(
      SDK_AEAD.ciphertext,
    );
  });

  it('decrypts a published platform-certificate download to the certificate of its announced serial', () => {
    const pem = decryptResource(apiV3Key, {
      ...SDK_CERTIFICATE,
      associated_data: SDK_CERTIFICATE.associatedData,
    });
    expect(new X509Certificate(pem).serialNumber).toBe(SDK_CERTIFICATE.serialNo);
    expect(readPublicKey(pem).asymmetricKeyType).toBe('rsa');
  });

  it.each([
    ['a Chinese transaction', '{"out_trade_no":"T1","trade_state_desc":"支付成功"}', 'transaction'],
    ['empty associated data', '{"a":1}', ''],
  ])('decrypts what their AesGcm encrypts: %s', (_name, plaintext, aad) => {
    const ciphertext = Aes.AesGcm.encrypt(plaintext, apiV3Key, 'fbf0a086180e', aad);
    expect(decryptResource(apiV3Key, { ciphertext, nonce: 'fbf0a086180e', associated_data: aad })).toBe(
      plaintext,
    );
  });

  it.each([
    ['a flipped tag bit', { ...sdk, ciphertext: flip(sdk.ciphertext, -1) }],
    ['a flipped ciphertext bit', { ...sdk, ciphertext: flip(sdk.ciphertext, 0) }],
    ['other associated data', { ...sdk, associated_data: 'associatedDatA' }],
    ['missing associated data', { ciphertext: sdk.ciphertext, nonce: sdk.nonce }],
    ['another nonce', { ...sdk, nonce: 'uluk4a9R25RX' }],
  ])('refuses %s', (_name, r) => {
    expect(() => decryptResource(apiV3Key, r)).toThrow();
  });

  it('refuses another APIv3 key', () => {
    expect(() => decryptResource(Buffer.from('b'.repeat(32)), sdk)).toThrow();
  });
});

describe('JSAPI paySign (wx.requestPayment)', () => {
  it('signs WeChat’s example to the paySign WeChat publishes', () => {
    const pkg = `prepay_id=${DOC_PAY.prepayId}`;
    expect(Formatter.joinedByLineFeed(DOC_PAY.appId, ts, nonce, pkg)).toBe(
      `wx2421b1c4370ec43b\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n${pkg}\n`,
    );
    expect(signParts(merchantKey, [DOC_PAY.appId, ts, nonce, pkg])).toBe(DOC_PAY.paySign);
  });

  it('gives wx.requestPayment parameters whose paySign their verifier accepts', () => {
    const pay = makePay();
    const p = pay.payParams(DOC_PAY.prepayId);
    expect(p).toMatchObject({
      appId: DOC_PAY.appId,
      timeStamp: ts,
      package: `prepay_id=${DOC_PAY.prepayId}`,
      signType: 'RSA',
    });
    const message = Formatter.joinedByLineFeed(p.appId, p.timeStamp, p.nonceStr, p.package);
    expect(Rsa.verify(message, p.paySign, merchantPublicKey)).toBe(true);
  });
});
