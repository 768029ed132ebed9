import { canonicalize } from '../normalize';
import { extractOrderIds, extractPhones, maskPhone, maskPhonesInText } from './identifiers';

describe('extractOrderIds', () => {
  it.each([
    ['订单123456到哪了', ['123456']],
    ['订单号：202611250001', ['202611250001']],
    ['单号 O20261124088 麻烦看下', ['O20261124088']],
    ['o20261124088', ['O20261124088']],
    ['dd-12345678 退款', ['DD12345678']],
    ['我的订单12还没到', ['12']],
    ['订单#778899', ['778899']],
    ['order 556677 status?', ['556677']],
    ['202611250001和202611250002都取消', ['202611250001', '202611250002']],
    ['订单１２３４５６', ['123456']],
  ])('finds the order number in %s', (text, ids) => expect(extractOrderIds(canonicalize(text))).toEqual(ids));

  it.each([
    '手机号13812345678',
    '订单13812345678',
    '+86 138 1234 5678',
    '明天下午3点',
    '我买了3件',
    '满300减50',
    '',
  ])('does not take %s for an order number', (text) =>
    expect(extractOrderIds(canonicalize(text))).toEqual([]),
  );
});

describe('extractPhones', () => {
  it.each([
    ['电话改成13812345678', ['13812345678']],
    ['+86 138 1234 5678', ['13812345678']],
    ['138-1234-5678 或 13900001111', ['13812345678', '13900001111']],
    ['8613812345678', ['13812345678']],
  ])('finds the mobile number in %s', (text, phones) =>
    expect(extractPhones(canonicalize(text))).toEqual(phones),
  );

  it.each(['订单202611250001', '12345678901', '座机021-12345678'])('finds no mobile number in %s', (text) =>
    expect(extractPhones(canonicalize(text))).toEqual([]),
  );
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['+86 138-1234-5678', '138****5678'],
    ['123', '***'],
  ])('masks %s as %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it('masks every mobile number inside a chat message for logs', () => {
    expect(maskPhonesInText('联系我 13812345678 或 139-0000-1111')).toBe('联系我 138****5678 或 139****1111');
  });
});
