import { compareBill } from './bills.service';
import { parseTradeBill, yuanToFen } from './bill-parse';

const HEADER =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
const row = (o: { state: string; tradeNo: string; settle: string; refundNo?: string; refund?: string }) =>
  [
    '2026-12-01 10:00:00',
    'wxmockappid0000001',
    '1900000109',
    '0',
    '',
    '4200000001',
    o.tradeNo,
    'openid',
    'JSAPI',
    o.state,
    'OTHERS',
    'CNY',
    o.settle,
    '0.00',
    o.refundNo ? '50300001' : '0',
    o.refundNo ?? '0',
    o.refund ?? '0.00',
    '0.00',
    o.refundNo ? 'ORIGINAL' : '',
    o.refundNo ? 'SUCCESS' : '',
    '商品',
    '',
    '0.07',
    '0.60%',
    o.settle,
    o.refund ?? '0.00',
    '',
  ]
    .map((c) => `\`${c}`)
    .join(',');
const SUMMARY =
  '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n`2,`12.30,`1.00,`0.00,`0.07,`12.30,`1.00';

describe('yuanToFen', () => {
  it.each([
    ['12.30', 1230],
    ['0.01', 1],
    ['7', 700],
    ['7.5', 750],
  ])('reads %s yuan as %d fen', (s, fen) => expect(yuanToFen(s)).toBe(fen));
  it.each(['', '-1.00', '1.234', 'abc', '1,00'])('refuses %j', (s) => expect(yuanToFen(s)).toBeNull());
});

describe('parseTradeBill', () => {
  it('reads payments and refunds, strips the backticks and stops at the summary', () => {
    const text = [
      HEADER,
      row({ state: 'SUCCESS', tradeNo: '2026120100000001', settle: '12.30' }),
      row({ state: 'REFUND', tradeNo: '2026120100000001', settle: '0.00', refundNo: 'RF1', refund: '1.00' }),
      SUMMARY,
    ].join('\n');
    expect(parseTradeBill(`\uFEFF${text}`)).toEqual({
      lines: [
        { kind: 'payment', key: '2026120100000001', amountFen: 1230, line: 2 },
        { kind: 'refund', key: 'RF1', amountFen: 100, line: 3 },
      ],
      broken: [],
    });
  });

  it('reports a broken line by number and still reads the others', () => {
    const text = [
      HEADER,
      '`2026-12-01 10:00:00,`"unclosed',
      row({ state: 'SUCCESS', tradeNo: 'A1', settle: '1.00' }),
      row({ state: 'SUCCESS', tradeNo: 'A2', settle: 'x' }),
    ].join('\r\n');
    const bill = parseTradeBill(text);
    expect(bill.lines.map((l) => l.key)).toEqual(['A1']);
    expect(bill.broken.map((b) => b.line)).toEqual([2, 4]);
  });

  it('refuses a file whose header lacks the columns it matches on', () => {
    expect(parseTradeBill('a,b,c\n1,2,3').broken[0]).toMatchObject({ line: 1 });
  });
});

describe('compareBill', () => {
  it('sorts every line into matched, missing on either side, or a different amount', () => {
    const l = (kind: 'payment' | 'refund', key: string, amountFen: number) => ({
      kind,
      key,
      amountFen,
      line: 0,
    });
    const r = compareBill(
      [l('payment', 'A', 100), l('payment', 'B', 200), l('refund', 'R1', 50), l('payment', 'C', 300)],
      [l('payment', 'A', 100), l('payment', 'B', 201), l('refund', 'R1', 50), l('payment', 'D', 400)],
    );
    expect(r.matched).toBe(2);
    expect(r.amountMismatches).toEqual([{ kind: 'payment', key: 'B', oursFen: 200, theirsFen: 201 }]);
    expect(r.missingTheirs).toEqual([{ kind: 'payment', key: 'C', oursFen: 300, theirsFen: null }]);
    expect(r.missingOurs).toEqual([{ kind: 'payment', key: 'D', oursFen: null, theirsFen: 400 }]);
  });
});
