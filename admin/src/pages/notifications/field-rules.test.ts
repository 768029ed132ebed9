import { fieldType, fitValue, previewLines } from './field-rules';

describe('template field rules', () => {
  it('reads the WeChat type from a key and refuses keys that are not WeChat keywords', () => {
    expect(fieldType('character_string12')).toBe('character_string');
    expect(fieldType('thing1')).toBe('thing');
    expect(fieldType('thing')).toBeNull();
    expect(fieldType('orderNo1')).toBeNull();
    expect(fieldType('amount1234')).toBeNull();
  });

  it.each([
    [
      'thing',
      '蛋糕请尽快冷藏，两小时内食用风味最佳，祝您用餐愉快',
      '蛋糕请尽快冷藏，两小时内食用风味最佳，…',
    ],
    ['thing', '草莓奶油蛋糕 等 2 件', '草莓奶油蛋糕 等 2 件'],
    ['phrase', '配送未成功啦', '配送未成功'],
    ['amount', '128', '¥128.00'],
    ['amount', '¥1,280.5', '¥1280.50'],
    ['time', '12月8日 18:00–20:00', '12月8日 18:00~20:00'],
    ['character_string', 'AS 2026 1208 0001', 'AS202612080001'],
    ['name', '欧阳娜娜娜娜娜娜娜娜娜', '欧阳娜娜娜娜娜娜娜娜'],
  ] as const)('fits a %s value for the preview: %s → %s', (type, raw, fitted) => {
    expect(fitValue(type, raw)).toBe(fitted);
    if (type === 'thing') expect([...fitValue(type, raw)].length).toBeLessThanOrEqual(20);
  });

  it('previews complete rows only, with the variable labels and fitted samples', () => {
    const lines = previewLines('order_paid', [
      { key: 'character_string1', var: 'orderNo' },
      { key: 'thing2', var: 'items' },
      { key: 'amount3', var: 'amount' },
      { key: 'time4', var: 'slot' },
      { key: 'thing5' },
      undefined,
    ]);
    expect(lines.map((l) => [l.label, l.value])).toEqual([
      ['订单号', '2026120812345678'],
      ['商品', '草莓奶油蛋糕 等 2 件'],
      ['金额', '¥128.00'],
      ['配送/自提时间', '12月8日 18:00~20:00'],
    ]);
    expect(lines.map((l) => l.fitted)).toEqual([false, false, false, true]);
  });
});
