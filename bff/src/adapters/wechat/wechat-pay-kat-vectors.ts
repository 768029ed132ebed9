// Test-only known answers for WeChat Pay APIv3 crypto, each from a published source (named beside it).
// The private keys are public test keys printed in those sources, never a merchant's real key.

/**
 * WeChat Pay's docs ("签名生成" 4012365336, "小程序调起支付签名" 4012365341) print this test merchant key,
 * as PKCS#1 `apiclient_test_key.pem` (here the same key as PKCS#8), and the signatures below made with it.
 */
export const DOC_MERCHANT_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQCm2mb6q8gMKH/3
CNTbpJAIrbqiBiQGEOtjGcBrDYltsGynWgNscqT7WvfzU14FQbYcQUC5T4Wvva7m
i3fIp3OgX8VqMDNA0qebnr38Pe6kqiLyZgFpJPXlSKDyPyqhRbVTbXssvSMQeVKc
dXeVxoNNeoOlNFHgF/P0io6AmAVnz+hN8SiZKuOsth5/zUTLGvtkgxBcQooQrtXh
RcpLT798OyIb9xeJ2HO3xRtMv2+perEzb4gMibI74UBz+2QEbnkubPE+2jU2rRZu
dnNEz/BPOt3Qj/w2V6/G0VumGDh6+UeMU0jv4aupHztWITC4Akn0l7lBCNy3lgl8
VFaJnkIxAgMBAAECggEAYGL8aESB7NwciDWW2UdoWUsa7GxFtSdjAz2mFXGdeTsY
mVh7b9OOkRGM+Qio4LqEHDBp1mMk5E/cUJwy1zw8pGGO5nfvs7u9TT3XnHaefIs4
YvUgTYAneIuLRkXNN5rQU+CD7mVYczTSz0Vgjqo9wa1LjUz7G0xbBmJgTdMEFGJs
eJjy6AbJo0CGIwp6HJbTm4CmOUgXnnDAIbEGTIRImkZFH/rzneIeR7oZ77FVwxr1
CZB2gfRCov/yRPbw8vnryYkmvQ7D/ze3j5097vRg/MoDGBSdoOwcmo75vyofr0AS
zytMjmHYyifqkf5slPropSiJeGf4p/7gtKyF6dE/XQKBgQDVAlJ+4U5ZVGOuDc3+
sAhz8CTzgFNlq9vKuSoFK6hOz2L+cwj+E7NXGkOe2DsHHZNy2Xqxk7caKhPEp1z9
hhpMpyLVMoFt6CKemyoRBWDCQwLLwem9SZF/IAyovBkLiH36P42Jm26gUkNMKC/5
Zhtqxf6RZgRQzbVudJi47vIRCwKBgQDIh0+v27Oo+DM3fhObH4I1NrXpWOEGH7OQ
G1dEsMuFYF4hjGhg0kBEP3w9vVdl2+mRllZKTsx9oqjb8OibPLLIH8xsdbAB0WLf
JvjLu4wl/ILUzN1RI03dWnnv2EnEeQn6c3hizvrJ9wR5U4ue9RPVnQooJ0hZF1PU
uCL5fWK3MwKBgElReU/PAYbh80WP3t3Rfbdaa32dKBeQ5iCLR5lsA4zM+YgX1HqQ
EWTj126vgvHaDkyz6vWAoL/Sx+cirHFfXWIRDX5Q2hgYlQH+6qXdMgbrxeSYpHnQ
/tHBGFpkFELSAnrGsVMyOwvYBO4LzyeLK9i+ufcWJFoj1FVmsMLHDG8tAoGARdbi
iQQCoYG4DMarO2aQ6cmhN6EN1h0qY7EyBqlwaIZ0okiNfdMcMOjPc41DKCWcRmlO
qlihXcxN9TQFPzO3rH1urAOdBjUPs1qWYhZyrDQyuLyVBBJApyxAtajloDjrob+f
mQIvVDHk7ACN6xG+E7K6+9salnTKbJapD618uQMCgYBNy6XUvzLkP/A1U/UZdtcx
l8GwU/dturLxz4CyGbqDw4ubaYY2e13lnqHUqQgPtiSyH51nq3tdo8G0YAJdfkSv
KvnfslW91fyEBUKnkdW1o3/1UFU/wprZ7ixVL/F42A4xDu7OFE8EnweJOZ0jWceE
OdhCkaIGBCfRnlECRK8UyQ==
-----END PRIVATE KEY-----
`;

/** The request of the docs' signing walk-through: a JSAPI prepay, its merchant, serial, time and nonce. */
export const DOC_REQUEST = {
  mchid: '1900007291',
  serialNo: '408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB',
  timestampS: 1554208460,
  nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
  method: 'POST',
  path: '/v3/pay/transactions/jsapi',
  body: '{"appid":"wxd678efh567hg6787","mchid":"1900007291","description":"Image形象店-深圳腾大-QQ公仔","out_trade_no":"1217752501201407033233368018","notify_url":"https://www.weixin.qq.com/wxpay/pay.php","amount":{"total":100,"currency":"CNY"},"payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}',
  signature:
    'jnks4dlrPw3ZX+ozVvSK39oa0t7OMBsg83BHAwd8BRdUFiVaQNTLTvci+wURgP1OQBbKYhFGvt7iqYpDSTQkp7' +
    'Uq1sltaQKyncCyrA1g88m5bsKERQfPyT0ahSwKTYJ1CAn9QiJuSJRq1QsQs07eehbU/k9BCS51jTyc1Jpsi2H7' +
    '7HF9f/BnjXAOP3/sPObg6V5Ee4EzwLox684hhuMuIwHo7D8KFk3LIHOKDcNI4It1aCXydFWNpNK+SG86VUDe5k' +
    'woDpw4Ulqfu9z8OFDGbDs9TCxEv8iqQzbpxOlEVoOe2kalSYM5kApQb3nZcxdUtoE0liJGW3RGUNE0t4v01A==',
};

/** The docs' GET example (查询单笔退款, 4012365334): an empty body still ends the message with "\n". */
export const DOC_GET_REQUEST = {
  path: '/v3/refund/domestic/refunds/123123123123',
  signature:
    'Lc9VXxmeonkdV8Xk9tmigQFLhl0vRWTerdmoRu01aAnYwIrD/5nsSwE1WlmZGLRlAFTNQ3QsMa0+VRDlJp1Wp5' +
    'p0nO8EK68b5sJBbjouxaFciIfq1zfDWWz+jqhcMoKXI1A6dPm1AW7D4d30WsMTNzp6g23OXakIsh9LO3lUmwvT' +
    'uE0BY8ncf6tNGk4wKmvXwERd/ZpoQY3MAVKz+Nakwc+2XBmzT66KcUehU5kr4IvGa/lEU5RZb/q00zP9VLdBhC' +
    '/jQSX3X1UcJLCtEc4gTmib4tnmAT+bHF/e17ZAuxDNcx6rqT8gNEXqaJGG+1OflMSTU2tpyG65G4dMKdFcoA==',
};

/** The docs' `wx.requestPayment` example ("小程序调起支付签名"), same time and nonce as the request. */
export const DOC_PAY = {
  appId: 'wx2421b1c4370ec43b',
  prepayId: 'wx201410272009395522657a690389285100',
  paySign:
    'mI35pfNEQV6777ke/1T+LJLQDNTm7yeoUJH+j/adPGhmCCi0PbgkvYQTRcXH0uibcLVtvFLdGLpmoYO9FV6lBB' +
    'sTAjuhh5YOvQi0e2g3e0yytitiNET9FEuqM0pjnKfRW4K6LIZDdbWJv9KhZUx3DrJa5TL7OJ7VdADVivxVySIl' +
    'PVKjGwuCXzuXSJes0UcILgWQUMyha5/3nYofuHtS7r+KYyMuxD+oJ9VM1Qdxk4UIG59CP5Y3wtYIFybyF3bdu1' +
    'caHTRRX+DLyMXyYA/IrTmiW01c4RPjpHBX5Dk1sZyY1zVsWNsvMHr2e1NTWtBxKJ+qk5N61J7caYoepHFaxw==',
};

/** A real signed answer (a Native prepay's `code_url`) and the WeChat Pay public key it verifies with, from the docs' 验签 example. */
export const DOC_ANSWER = {
  publicKeyPem: `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwXNI6sdlknHBnK8Fu2U6
Cwor9qY747jP8KAfeBMeveEt1TqaHkLfaSD07trZLhGpfs8/AHqjhgSMO1O10YQW
OrrJ4hjIWPKqxbgrYMkBQc+mwdiWp4W3ByCqxBRagCveCXRWCmuJYovl9H/bsDI0
iGbpVtEOghJtfciisYSgxcLufUDTRkvwxjIBK1pCRjk33jJ5YTBWTHMRtMAOcFLN
F6hdEYdX8SPsgHHeLZ5Lv2T/686w1xtgCHef/sd4uSfWmyzsalQdHG/e4IyYmrhx
+O3VBoNDzE3nx23bFeV/RVNCG7cV6VhmYokJNHa/erIPkEmEFID6A5wQOXuxUkmJ
WwIDAQAB
-----END PUBLIC KEY-----
`,
  timestamp: '1722850421',
  nonce: 'd824f2e086d3c1df967785d13fcd22ef',
  body: '{"code_url":"weixin://wxpay/bizpayurl?pr=JyC91EIz1"}',
  signature:
    'mfI1CPqvBrgcXfgXMFjdNIhBf27ACE2YyeWsWV9ZI7T7RU0vHvbQpu9Z32ogzc+k8ZC5n3kz7h70eWKjgqNdKQ' +
    'F0eRp8mVKlmfzMLBVHbssB9jEZEDXThOX1XFqX7s7ymia1hoHQxQagPGzkdWxtlZPZ4ZPvr1RiqkgAu6Is8MZg' +
    'XXrRoBKqjmSdrP1N7uxzJ/cjfSiis9FiLjuADoqmQ1P7p2N876YPAol7Rn0+GswwAwxldbdLrmVSjfytfSBJFq' +
    'TMHn4itojgxSWWN1byuckQt8hSTEv/Lg97QoeGniYP17T80pJeQyL3b+295FPHSO2AtvCgyIbKMZ0BALilAA==',
};

/** The APIv3 key of WeChat Pay's Java SDK tests (wechatpay-apiv3/wechatpay-java, core/src/test, `TestConfig`). */
export const SDK_API_V3_KEY = 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb';

/** `AeadAesCipherTest` of the Java SDK: AEAD_AES_256_GCM of "message". */
export const SDK_AEAD = {
  nonce: 'uluk4a9R25RW',
  associatedData: 'associatedData',
  plaintext: 'message',
  ciphertext: 'ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=',
};

/** The Java SDK's `DOWNLOAD_CERTIFICATE_RESPONSE`: an encrypted platform certificate and the serial it is announced under. */
export const SDK_CERTIFICATE = {
  serialNo: '5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC',
  nonce: '14b16c03dc1b',
  associatedData: 'certificate',
  ciphertext: [
    'Mr/AxbvY+WL9hKlD5nIa03LOMPpn5f+CWeNxE4ujl0f5gXZ9XLJ9CldkArCOTsbU62XgKnTc3YvRMZQ7wCmE2fzwmAenAyST',
    'YsPms72JhggPWfdqVxri9YD5wBYKn8Ck0Fc5JIiVw9WlN2oxHBz83mRVsjoTGC5+cX1CdYqKuZ8pkvi0aCJIq07ZC8MHoTow',
    'Uz+4jYJy9XeKqip83Z7BmUYxsePpNM+HtihBqTJIUYXJfX7Col5X0ACsApRoU9l6swfW/kzvqNpDJavhDBGasLrr5822+Fk5',
    'nVkcTi53f8Wbue7ODWjJxj1yhRYcxFCvXLtpYNB+Qa1aXtrBSdBdBI2p7o+6Imn+auHLBCzkrZqF/yd+d4vTn4tqHPLUj89X',
    'cHsMf96uBo3T/HQV8LEDeIO+6YvOK9FrIDYsvp+imN4n/mnF7eJKo9mpN/QqWJiawrFpAmMMxFKBjIdpgMnVUl3Z11RcWKyf',
    'OJ3kcmItTWcnZFNyDgR9cS0aU6QPlefa3uUW89uzBuHjcFdDl43yU3LE4qZnHLDcDgx4qt0OFCLiy51GXtEpyYs5k99YJBvK',
    'K+RyIs4Yc1/smBmClQUhxW+8bsPNOcXfDvH2yX4YzESoO4TV0RqiCgnsSd4zIFyJPiMKIGzVHiw6Kg0eGCmB4mGHEEZCQ0eN',
    '3SSPO0QVjjtBYfgXDZfVHSaAB8PjWBVNFimoViZZQrwT6Ygo0LU0Dd8+F5aHFYr4OPHPslr3hrgutEYXDTv1vTA6ABJGqknJ',
    '9Y2vtyWpy7aIwxc0kQq/1ezjs+RMVL/LRpGDnbx1/CGPDjZhYgZypKa55+PDhoaQxqkF3xCLz2DGoNHZYmFqxzAOsAK0vJZw',
    '4VcAk6ssbA6YIaMuiemEpxfLC9ZiXtRqsX9s+GWjjtA8JywOFMO+NKZm9BH/E5YNg2DDD3sHG9Mciwn7yJ6sdf8h2lAWlEEx',
    'AOeiBNyshOHAQ0/S+x1ncWNiqY+Uh5n0rtonvePV2MsxVlEWR3AVHn1abcEWkzivd+G5kg7LYO0goqzGClcQfnFfZdO6KwcM',
    'XsBCnm9A1Bl4+k5LLokTIYH5/36SRIZ9j0CHGD77BQLE7x8AlNsoFS2m263tLLq78TFqvZUTIZIQcVIl+NInscS3xQbA38qq',
    'FqutCWIwoF1azuJ7woiJyMvnS3xzIpNzP+rzJ8VDXxjLjpEUBOC9WDs74+QMtsAdmh6g0KDclHEk8WJ4P2bnso4z3VCGoDT5',
    'X/0bS1C+jMZMKaOCNB21FZ08qgUHmKeDeg8ylENu+mh2Y/AaEDSGkGBHIfFbhMYO3uRxhk9hldiHEnHgdkXiVAAUWk/IhtmG',
    'ijibO/L76vB74Xpes973uK+2iFKgNBk8qTLLZZnuWbcMQuA6VsFULRb/C+q9B21YuAWPMzvgBwr4EX2m/OpF5w8Q0HL7v1H5',
    'H0mIGJbrjnklUPoBYrw30W3uk7yF0KE6sfMukafFx0S9rBOL0RykGDPwC0lHSNySkXDeM5XvDJ+dtHK+RDwhJR+azfrWAHGM',
    'tZcQ+YVamjWVmHxXM03j3GeCXgqae1upwHzkPL5OwojcQ5MQi3Kv/1xtwY0cRN/yeZTOsXfujtqhkJj/Vltby4lnW4SCj4Lj',
    'WQF19BY6zhzF4yybBA8bhhtoNP/zx8QkhHAkIROkK2ZVgfocCAPvfQ+vSrsIBO+L5cmg6mzFn4g84lsHscgXnszIlzUrzx/4',
    'Tam0uwuS9J1gddZ0I0QUt9SJzfsoBCTU0OgNMUtXKS5HvgXe7abexMtFH5eulOsAuFZkQ5LYJa/m4yHFInXzL/t3hjdTi2Nm',
    'xUufvYzwIyffRTu5vS9vjscARD9lUQDHFQ/xgWe1i8EkRlrSfjlXt00+4//h2bcJKyTBT3IXwvKNsuY29V9/vU3HkvWKZ99z',
    'pSlmcZRuBa1BHbyPEvc0NlqIIoKidxqUvOR64MzudHhAjgWFP+IXojfhS3Gj9OJhBL7s',
  ].join(''),
};

/** The Java SDK's test "WeChat Pay" key pair (`wechat_pay_private_key.pem`), so a test can sign as the platform. */
export const SDK_PLATFORM_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDioFW6YBq3ehY9
1ZW5Tbh+RNUnuGfou+nqbh0Kr53+3Ef0ENoTbO1S24BhNv5Z66BWgNkqmGtBfm2K
yZCr9o3+um3K8FfzEIDOyZcWxhdYiyIb1x1TgUqTbbtqSnli7d3vhNdSMPKKPANq
alDYdlO7w7oJ7K65hjEdylbRWSRK1ogdfO2p8EZXwr0QzrtxtKYL6er4pj44ij2s
dlSQKdwuusF0d/n0iT8p1GwRTUTPNSo97l1VgOy6I/FZC9B/zxKAq7/7/XlgWKaW
kTJr092QJxNXTHL85IiKwgUd6TqP0iLmMu+qFXBpJr7nOSGutKrj9vXSRcuOHcg+
xMN6di3vAgMBAAECggEAZZ1hwxc7c4BU/7XIlBViv49KiixXvxWe/WQRNoznCXMo
+ikiNyqUwR210yEu7A/ITXEprr03/l5bbKsTaN+87HYYK7IXpV+FefMPAYGhzyxX
h2cteZdT4oYFzlOFWRPx+uc0CuDyp4PgPjNce6qWwe6xeKi88WfXlxV2VxkiukDe
JRiqvfOypDbs2oD8fRupBZdIrb30/88ABu1wDg/16/jabCf/fCEyLMfyoZTzrN4E
Dq0rLK7HFbAiVTa2Nc0mfV42rOz/BdFLbt6JfDML1A9NrfM9vNUjLu0rFGVIFXFt
Dc7d88j/xZyM463mCW/Ttmn+uR/UjttumOVaOm6jkQKBgQD3N2ni7vFmlBnzXuy3
wYAPH10GZDJwo5qpHsnp6Gs/VHQspnCZFu+FQMI7lADP1fhqyf8X5HRS7NVkdus3
SagrisFp/y1j1SKZBH7e7citsGsmEMLtrKTyh148FNS8VLTFCgbzdNwiPi/5UBD1
nfzSLGPFdnDBngzvIb91MgrfvwKBgQDqraQf/HTZIqkj3eMwyLS9GwZpQXZ3fVpj
XOw1crPpEXd/s098C5ahgSxdXjAsAVrh79Buz48ze4BWhM5t/Oh3eLDDgsW57q3y
WoMxX/39CRMe+DyFIl1RtCB/86iz0cjsYxeCnuF35FWyBHco8qsFgbDXtORp3I0v
94nqWPs90QKBgHi/Ph6zaoEZ0VsHgEN4ZZ39Sah3hBN0NXRpL2HqPYffLico3FJJ
24+QQ85pycO51O4D327CDPb76nZ5hwWoGlW6HiIxmu/qCE4I3hbwuVXsl0kuYqdH
7gDvkV1zJz0denXLIf4DlAm9qhzxuHbfRb86IzktUoGfOt4J88PAP4NtAoGBALnu
oV6GUr3GbGPyZRI9spUxWD8EkqvRMVAQS0V9f3VlVVxj4NHTDKEhCtleyqPS3wKr
UmS5JigP7Xqe9j7GZhhiEwqUDbxmkoK1m8P+3ekgy3l6C9kfhPg60pUNo9f0mlBP
okznPJQU4KCOUSqsOTu/qTD+LQqCp4odgbOelFBBAoGAJyhBwb2NN7Pia4CdN2Pd
ukN4ZYWH+ImhwHbuMB0ap633oKci8WpCBn1gEsvI8MiSQLoXGyY0NULt+4/zY6Qe
X0BhQOC+abKri6mKSJt61cKhmYeNZvQon/Y9lKAGTuOS/a4NiebKytmyArbHKZ3J
4iWXZYuCrKtcQEU4nAY/FgA=
-----END PRIVATE KEY-----
`;

/** The serial the Java SDK's tests give that platform key. */
export const SDK_PLATFORM_SERIAL = '440024045C4A427599D09BB4E3DE0279F2E813FD';
