import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCorpus } from './corpus';
import { createNlu } from './nlu';
import { INTENTS } from './nlu.types';

const nlu = createNlu();
const NOW = new Date('2026-11-25T02:00:00Z'); // Wednesday 10:00 in Shanghai
const STORES = [{ id: 's-jingan', name: '上海静安嘉里中心店', aliases: ['静安店'] }];
const PRODUCTS = [{ id: 'p-cream', name: '修护面霜' }];

describe('classify', () => {
  it('labels at least 90% of the dev set correctly (messages it was never trained on)', () => {
    const dev = parseCorpus(readFileSync(path.join(__dirname, 'corpus', 'dev.jsonl'), 'utf8'), 'dev.jsonl');
    const correct = dev.filter((e) => nlu.classify(e.text).intent === e.intent).length;
    expect(correct / dev.length).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['订单123456到哪了', 'order_status'],
    ['can i 改时间', 'change_slot'],
    ['咋还没到啊', 'order_status'],
    ['我要退款', 'return_refund'],
    ['转人工', 'human_agent'],
    ['静安店几点关门', 'store_hours'],
    ['谢谢', 'thanks'],
    ['你好', 'greeting'],
  ])('understands %s as %s', (text, intent) => expect(nlu.classify(text).intent).toBe(intent));

  it('returns a ranking of all 20 intents whose probabilities sum to 1, best first', () => {
    const { intent, confidence, ranking } = nlu.classify('优惠券怎么用');
    expect(ranking.map((r) => r.intent).sort()).toEqual([...INTENTS].sort());
    expect(ranking[0]).toEqual({ intent, p: confidence });
    expect(ranking.reduce((s, r) => s + r.p, 0)).toBeCloseTo(1, 6);
    for (let i = 1; i < ranking.length; i++) expect(ranking[i].p).toBeLessThanOrEqual(ranking[i - 1].p);
  });

  it('gives the same answer for the same message every time and across instances', () => {
    const other = createNlu();
    for (const text of ['明天下午能送吗', '换成XL', '发票抬头写错了']) {
      expect(nlu.classify(text)).toEqual(nlu.classify(text));
      expect(other.classify(text)).toEqual(nlu.classify(text));
    }
  });

  it.each([
    ['empty', ''],
    ['whitespace', '   \n\t  '],
    ['emoji only', '😀😀🎉'],
    ['symbols only', '~~~ ### ***'],
  ])('answers out_of_scope with low confidence for %s text', (_name, text) => {
    const result = nlu.classify(text);
    expect(result.intent).toBe('out_of_scope');
    expect(result.confidence).toBeLessThan(0.5);
  });

  it.each([
    ['5,000 characters', '我'.repeat(2500) + '订单'.repeat(1250)],
    ['HTML', '<script>alert("x")</script><img src=x onerror=alert(1)>'],
    ['SQL', "'; DROP TABLE orders; --"],
    ['control characters', '\u0000\u0007\u200b\ufeff'],
    ['a lone surrogate', '\ud83d'],
  ])('does not throw on %s and stays in [0, 1]', (_name, text) => {
    const result = nlu.parse(text, { now: NOW, stores: STORES, products: PRODUCTS });
    expect(INTENTS).toContain(result.intent);
    expect(result.confidence).toBeGreaterThanOrEqual(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it.each(['<script>alert(1)</script>', 'select * from users where 1=1', '？？？！！！'])(
    'treats injected code %s as out_of_scope or low confidence',
    (text) => {
      const { intent, confidence } = nlu.classify(text);
      expect(intent === 'out_of_scope' || confidence < 0.5).toBe(true);
    },
  );

  it('tolerates a non-string from an untyped caller', () => {
    expect(nlu.classify(undefined as unknown as string).intent).toBe('out_of_scope');
  });
});

describe('parse', () => {
  it('returns intent and entities for a reschedule request', () => {
    const result = nlu.parse('订单123456能改到后天晚上七点送吗', { now: NOW });
    expect(result.intent).toBe('change_slot');
    expect(result.entities.orderIds).toEqual(['123456']);
    expect(result.entities.times).toEqual([
      { text: '后天晚上七点', date: '2026-11-27', from: '19:00', part: 'evening' },
    ]);
  });

  it('finds the store, product and attributes the customer names', () => {
    const { entities } = nlu.parse('静安店修护面霜还有吗 我是敏感肌', {
      now: NOW,
      stores: STORES,
      products: PRODUCTS,
    });
    expect(entities.stores.map((s) => s.id)).toEqual(['s-jingan']);
    expect(entities.products.map((p) => p.id)).toEqual(['p-cream']);
    expect(entities.skinTypes).toEqual(['sensitive']);
  });

  it('refuses to guess the date when the caller forgets ctx.now', () => {
    expect(() => nlu.parse('明天送', { now: new Date('nope') })).toThrow(TypeError);
    expect(() => nlu.parse('明天送', undefined as unknown as { now: Date })).toThrow('ctx.now');
  });

  it('works without stores and products in the context', () => {
    const { entities } = nlu.parse('电话改成13812345678', { now: NOW });
    expect(entities.phones).toEqual(['13812345678']);
    expect(entities.stores).toEqual([]);
    expect(entities.products).toEqual([]);
  });
});

describe('segmenter fallback', () => {
  it('still classifies sensibly with the pure-TS segmenter', () => {
    const fmm = createNlu({ segmenter: 'fmm' });
    expect(fmm.segmenter).toBe('fmm');
    expect(fmm.classify('我要退款').intent).toBe('return_refund');
    expect(fmm.classify('订单123456到哪了').intent).toBe('order_status');
  });

  it('uses jieba when its native module loads', () => expect(nlu.segmenter).toBe('jieba'));
});
