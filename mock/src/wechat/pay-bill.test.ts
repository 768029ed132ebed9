import { createHash } from 'node:crypto';
import { fenToYuan, TRADE_BILL_HEADER } from './pay-bill';
import { platformSigned, startPayKit, type KitAnswer, type PayKit } from './pay-test-kit';

const HEADER =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
const SUMMARY_HEADER =
  '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额';

let kit: PayKit;
beforeAll(async () => {
  kit = await startPayKit();
});
afterAll(() => kit.close());
afterEach(() => {
  kit.mock.setBillFaults({});
  kit.setNow(null);
});

/** Shanghai wall time → the instant (Shanghai is UTC+8 all year). */
const shanghai = (local: string) => new Date(`${local}+08:00`);
const tradeBill = (billDate: string) =>
  kit.call('GET', `/v3/bill/tradebill?bill_date=${billDate}&bill_type=ALL`);

/** Fetches the bill of `billDate` the way a merchant does: apply, then download the file. */
async function downloadBill(billDate: string): Promise<{ applied: KitAnswer; file: KitAnswer }> {
  const applied = await tradeBill(billDate);
  expect(applied.status).toBe(200);
  return { applied, file: await kit.call('GET', applied.body.download_url as string) };
}

/** A data line's cells without WeChat's backticks, or null when the line is not one clean CSV record. */
function cells(line: string): Record<string, string> | null {
  const raw = line.split(',');
  if (line.includes('"') || raw.length !== TRADE_BILL_HEADER.length || !raw.every((c) => c.startsWith('`'))) {
    return null;
  }
  return Object.fromEntries(TRADE_BILL_HEADER.map((h, i) => [h, raw[i].slice(1)]));
}

/** The bill's parts: header, data lines (parsed or null), summary header and summary cells. */
function parts(csv: string) {
  const lines = csv.split('\r\n');
  expect(lines.pop()).toBe(''); // the file ends with a line break
  const s = lines.indexOf(SUMMARY_HEADER);
  return {
    header: lines[0],
    data: lines.slice(1, s).map(cells),
    summaryHeader: lines[s],
    summary: lines[s + 1].split(',').map((c) => c.replace(/^`/, '')),
    rest: lines.slice(s + 2),
  };
}

describe('fenToYuan', () => {
  it.each([
    [1230, '12.30'],
    [1, '0.01'],
    [0, '0.00'],
    [100000, '1000.00'],
    [-24, '-0.24'],
  ])('writes %d fen as %s yuan', (fen, yuan) => expect(fenToYuan(fen)).toBe(yuan));
});

describe('WeChat Pay mock: trade bill of 2026-12-07', () => {
  let a: string; // paid 12.30 at 10:00, refunded 1.00 at 15:30
  let b: string; // paid 39.90 at 23:59:59
  let late: string; // paid at 00:00:00 the next day: not on this bill
  let pending: string; // a refund still PROCESSING: not on the bill

  beforeAll(async () => {
    kit.setNow(shanghai('2026-12-07T10:00:00'));
    a = await kit.paidOrder(1230);
    kit.setNow(shanghai('2026-12-07T15:30:00'));
    await kit.refund(a, `${a}R1`, 100);
    kit.mock.setMode({ refundStatus: 'PROCESSING' });
    await kit.refund(a, `${a}R2`, 200);
    pending = `${a}R2`;
    kit.mock.setMode({});
    kit.setNow(shanghai('2026-12-07T23:59:59'));
    b = await kit.paidOrder(3990);
    await kit.prepay(); // unpaid: not on the bill
    kit.setNow(shanghai('2026-12-08T00:00:00'));
    late = await kit.paidOrder(500);
  });
  beforeEach(() => kit.setNow(shanghai('2026-12-08T10:00:00')));

  it('answers a signed SHA1 and download_url, and the file hashes to it', async () => {
    const { applied, file } = await downloadBill('2026-12-07');
    expect(platformSigned(kit.keys, Object.fromEntries(applied.headers), applied.text)).toBe(true);
    expect(applied.body).toEqual({
      hash_type: 'SHA1',
      hash_value: expect.stringMatching(/^[0-9a-f]{40}$/),
      download_url: expect.stringMatching(
        new RegExp(`^${kit.mock.url}/v3/billdownload/file\\?token=[\\w-]+$`),
      ),
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(file.headers.get('wechatpay-signature')).toBeNull();
    expect(createHash('sha1').update(file.text, 'utf8').digest('hex')).toBe(applied.body.hash_value);
  });

  it('lists the day’s payments and successful refunds in time order, as WeChat writes them', async () => {
    const { file } = await downloadBill('2026-12-07');
    const bill = parts(file.text);
    expect(bill.header).toBe(HEADER);
    expect(bill.data.map((d) => [d?.交易时间, d?.交易状态, d?.商户订单号, d?.商户退款单号])).toEqual([
      ['2026-12-07 10:00:00', 'SUCCESS', a, '0'],
      ['2026-12-07 15:30:00', 'REFUND', a, `${a}R1`],
      ['2026-12-07 23:59:59', 'SUCCESS', b, '0'],
    ]);
    const txA = kit.mock.transactions.get(a)!;
    expect(bill.data[0]).toEqual({
      ...Object.fromEntries(TRADE_BILL_HEADER.map((h) => [h, ''])),
      交易时间: '2026-12-07 10:00:00',
      公众账号ID: txA.appid,
      商户号: '1900000109',
      特约商户号: '0',
      微信订单号: txA.transactionId,
      商户订单号: a,
      用户标识: 'oUser1',
      交易类型: 'JSAPI',
      交易状态: 'SUCCESS',
      付款银行: 'OTHERS',
      货币种类: 'CNY',
      应结订单金额: '12.30',
      代金券金额: '0.00',
      微信退款单号: '0',
      商户退款单号: '0',
      退款金额: '0.00',
      充值券退款金额: '0.00',
      商品名称: '鲜花礼盒',
      手续费: '0.07',
      费率: '0.60%',
      订单金额: '12.30',
      申请退款金额: '0.00',
    });
    expect(bill.data[1]).toMatchObject({
      应结订单金额: '0.00',
      微信订单号: txA.transactionId,
      微信退款单号: txA.refunds[0].refundId,
      退款金额: '1.00',
      退款类型: 'ORIGINAL',
      退款状态: 'SUCCESS',
      订单金额: '0.00',
      申请退款金额: '1.00',
      手续费: '-0.01',
    });
    expect(bill.data.some((d) => d?.商户订单号 === late || d?.商户退款单号 === pending)).toBe(false);
    expect(bill.summaryHeader).toBe(SUMMARY_HEADER);
    expect(bill.summary).toEqual(['3', '52.20', '1.00', '0.00', '0.30', '52.20', '1.00']);
    expect(bill.rest).toEqual([]);
    expect(file.text.split('\r\n')[1].startsWith('`2026-12-07 10:00:00,`')).toBe(true);
  });

  it('writes the faults into the file only: dropped and altered lines, broken lines among them', async () => {
    kit.mock.setBillFaults({ drop: [b, `${a}R1`], alter: { [a]: 1231 }, broken: 2 });
    const { applied, file } = await downloadBill('2026-12-07');
    expect(createHash('sha1').update(file.text, 'utf8').digest('hex')).toBe(applied.body.hash_value);
    const bill = parts(file.text);
    expect(bill.data).toHaveLength(3);
    expect(bill.data.filter((d) => d === null)).toHaveLength(2);
    const lines = file.text.split('\r\n').slice(1, 3);
    expect(lines.map((l) => l.split(',').length)).toEqual([27, 26]);
    expect(file.text.split('\r\n')[3]).toMatch(/,"商品,/);
    const good = bill.data.filter((d) => d !== null);
    expect(good.map((d) => [d.商户订单号, d.应结订单金额, d.订单金额])).toEqual([[a, '12.31', '12.31']]);
    expect(bill.summary.slice(0, 3)).toEqual(['1', '12.31', '0.00']);
    expect(kit.mock.transactions.get(a)!.paidFen).toBe(1230);
  });

  it('keeps serving the file it hashed, for 30 seconds', async () => {
    const applied = await tradeBill('2026-12-07');
    kit.mock.setBillFaults({ drop: [a] });
    const file = await kit.call('GET', applied.body.download_url as string);
    expect(createHash('sha1').update(file.text, 'utf8').digest('hex')).toBe(applied.body.hash_value);
    kit.setNow(shanghai('2026-12-08T10:00:31'));
    expect(await kit.call('GET', applied.body.download_url as string)).toMatchObject({
      status: 400,
      body: { code: 'INVALID_REQUEST' },
    });
  });

  it('refuses an unsigned download with 401 SIGN_ERROR', async () => {
    const applied = await tradeBill('2026-12-07');
    const res = await fetch(applied.body.download_url as string);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'SIGN_ERROR' });
  });

  it('puts a payment at 00:00:00 Shanghai on the bill of its own day', async () => {
    kit.setNow(shanghai('2026-12-09T10:00:00'));
    const { file } = await downloadBill('2026-12-08');
    expect(parts(file.text).data.map((d) => d?.商户订单号)).toEqual([late]);
  });
});

describe('WeChat Pay mock: trade bills that cannot be had', () => {
  beforeEach(() => kit.setNow(shanghai('2026-11-20T10:00:00')));

  it.each([
    ['today', '2026-11-20'],
    ['a later day', '2026-11-21'],
  ])('answers 400 INVALID_REQUEST for %s (账单尚未生成)', async (_name, day) => {
    expect(await tradeBill(day)).toMatchObject({ status: 400, body: { code: 'INVALID_REQUEST' } });
  });

  it('counts today by Shanghai time: at 16:30 UTC the next Shanghai day has begun', async () => {
    kit.setNow('2026-11-20T16:30:00Z'); // 2026-11-21 00:30 in Shanghai
    expect(await tradeBill('2026-11-21')).toMatchObject({ status: 400, body: { code: 'INVALID_REQUEST' } });
    expect(await tradeBill('2026-11-20')).toMatchObject({
      status: 400,
      body: { code: 'NO_STATEMENT_EXIST' },
    });
  });

  it.each(['2026-02-30', '20261119', '2026-11-1', ''])(
    'answers 400 PARAM_ERROR for bill_date %j',
    async (day) => {
      expect(await tradeBill(day)).toMatchObject({ status: 400, body: { code: 'PARAM_ERROR' } });
    },
  );

  it('answers 400 PARAM_ERROR without a bill_date', async () => {
    expect(await kit.call('GET', '/v3/bill/tradebill')).toMatchObject({
      status: 400,
      body: { code: 'PARAM_ERROR' },
    });
  });

  it('answers 400 NO_STATEMENT_EXIST for a past day without trades', async () => {
    expect(await tradeBill('2026-11-19')).toMatchObject({
      status: 400,
      body: { code: 'NO_STATEMENT_EXIST' },
    });
  });

  it('answers 400 INVALID_REQUEST for an unknown download token', async () => {
    expect(await kit.call('GET', '/v3/billdownload/file?token=nope')).toMatchObject({
      status: 400,
      body: { code: 'INVALID_REQUEST' },
    });
  });
});
