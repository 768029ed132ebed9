import { fieldValueProblem } from '@omni/mock/wechat';
import {
  fitFields,
  fitValue,
  maskPhone,
  shanghaiRange,
  type FieldType,
  type NotifyValue,
} from '../src/modules/notifications/fit';

// Whatever a customer typed or a product is called, the value sent fits WeChat's rule for the
// field (the WeChat mock checks the rules as WeChat documents them).
const TYPES: FieldType[] = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
];
const NASTY: NotifyValue[] = [
  '草莓奶油蛋糕（6 寸）等 3 件',
  '😊🎂 生日快乐 👨‍👩‍👧 超长'.repeat(20),
  'x'.repeat(300),
  '上海市静安区南京西路 1266 号恒隆广场 2 座 45 楼 4501 室（前台代收）',
  'Zhang Wei',
  '张小姐',
  '',
  null,
  undefined,
  '\u0000\u0007 控制字符\u200b零宽',
  '2026120812345678',
  'AS20261208000123',
  '138 0013 8000',
  12.5,
  { fen: 12850 },
  { fen: 0 },
  { at: new Date('2026-12-08T10:00:00Z') },
  { from: new Date('2026-12-08T10:00:00Z'), to: new Date('2026-12-08T12:00:00Z') },
  '配送中',
  '沪A12345',
];

describe('fitting values to WeChat subscription fields', () => {
  it.each(TYPES)('never sends a %s value WeChat would refuse', (type) => {
    for (const v of NASTY) {
      const out = fitValue(type, v);
      expect({ type, v, out, problem: fieldValueProblem(`${type}1`, out) }).toMatchObject({ problem: null });
    }
  });

  it('keeps what fits and shortens what does not, in Asia/Shanghai', () => {
    expect(fitValue('thing', '草莓奶油蛋糕 等 3 件')).toBe('草莓奶油蛋糕 等 3 件');
    const long = fitValue('thing', '上海市静安区南京西路 1266 号恒隆广场 2 座 45 楼');
    expect([...long]).toHaveLength(20);
    expect(long.endsWith('…')).toBe(true);
    expect(fitValue('thing', '生日快乐🎂')).toBe('生日快乐');
    expect(fitValue('amount', { fen: 12850 })).toBe('¥128.50');
    expect(fitValue('phrase', '配送中 (骑手已出发)')).toBe('配送中骑手');
    expect(fitValue('time', { at: new Date('2026-12-08T10:05:00Z') })).toBe('2026年12月8日 18:05');
    expect(shanghaiRange(new Date('2026-12-08T10:00:00Z'), new Date('2026-12-08T12:00:00Z'))).toBe(
      '2026年12月8日 18:00~20:00',
    );
    expect(fitValue('character_string', '订单 2026120812345678')).toBe('2026120812345678');
    expect(fitValue('name', 'Zhang Wei')).toBe('Zhang Wei');
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('123')).toBeUndefined();
  });

  it('fills each configured key from its variable and reports keys the event cannot fill', () => {
    const { data, missing } = fitFields(
      { thing1: 'items', amount2: 'amount', thing3: 'nothing', title4: 'items' },
      { items: '蛋糕', amount: { fen: 100 } },
    );
    expect(data).toEqual({ thing1: { value: '蛋糕' }, amount2: { value: '¥1.00' } });
    expect(missing).toEqual(['thing3', 'title4']);
  });
});
