import { buildBm25Index, type Bm25Field } from './bm25';

const doc = (...fields: Array<[string, number]>): Bm25Field[] =>
  fields.map(([text, weight]) => ({ tokens: text.split(' '), weight }));

describe('buildBm25Index', () => {
  it('ranks the document containing the rarer query term first', () => {
    const index = buildBm25Index([doc(['发票 订单', 1]), doc(['订单 配送', 1]), doc(['订单 积分', 1])]);
    const scores = index.score(['订单', '发票']);
    expect(scores[0]).toBeGreaterThan(scores[1]);
    expect(scores[1]).toBeCloseTo(scores[2]);
  });

  it('counts a match in a heavier field more than the same match in a lighter one', () => {
    const index = buildBm25Index([
      doc(['退款', 3], ['其他 内容', 1]),
      doc(['其他', 3], ['退款 内容', 1]),
      doc(['无关', 3], ['无关 内容', 1]),
    ]);
    const scores = index.score(['退款']);
    expect(scores[0]).toBeGreaterThan(scores[1]);
    expect(scores[2]).toBe(0);
  });

  it('dilutes a match inside a long field (length normalisation)', () => {
    const long = Array.from({ length: 30 }, (_, i) => `词${i}`).join(' ');
    const index = buildBm25Index([doc([`积分 ${long}`, 1]), doc(['积分 抵现', 1]), doc(['优惠券', 1])]);
    const scores = index.score(['积分']);
    expect(scores[1]).toBeGreaterThan(scores[0]);
  });

  it('never lets a term add more than its idf, so scores divided by the summed idf stay within 0..1', () => {
    const index = buildBm25Index([doc(['运费 运费 运费 运费', 5]), doc(['自提', 1])]);
    const [score] = index.score(['运费', '运费']);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(index.idf('运费'));
  });

  it('gives a term never seen the largest idf and no score', () => {
    const index = buildBm25Index([doc(['发票', 1]), doc(['发票 抬头', 1])]);
    expect(index.idf('天气')).toBeGreaterThan(index.idf('抬头'));
    expect(index.idf('抬头')).toBeGreaterThan(index.idf('发票'));
    expect([...index.score(['天气'])]).toEqual([0, 0]);
  });
});
