import { faqArticles, productGraph, products } from '@omni/mock/data';

describe('help-centre articles', () => {
  it('has at least 30 articles with unique ids across every category', () => {
    expect(faqArticles.length).toBeGreaterThanOrEqual(30);
    expect(new Set(faqArticles.map((a) => a.id)).size).toBe(faqArticles.length);
    expect(new Set(faqArticles.map((a) => a.category)).size).toBe(10);
  });

  it('lists 4–8 ways to ask each article, some keywords and a body without links', () => {
    for (const a of faqArticles) {
      expect([a.id, a.questions.length >= 4 && a.questions.length <= 8]).toEqual([a.id, true]);
      expect([a.id, a.keywords.length > 0, a.body.length > 40]).toEqual([a.id, true, true]);
      expect([a.id, /https?:|www\.|\.com/i.test(a.body)]).toEqual([a.id, false]);
    }
  });

  it('states the shop rules the bot must get right', () => {
    const body = (id: string) => faqArticles.find((a) => a.id === id)?.body ?? '';
    expect(body('delivery-fee')).toMatch(/¥6[\s\S]*¥99/);
    expect(body('delivery-slots')).toMatch(/10:00–22:00[\s\S]*60分钟/);
    expect(body('order-expiry')).toContain('15分钟');
    expect(body('human-service-hours')).toContain('09:00–21:00');
    expect(body('refund-timing')).toMatch(/原路退回[\s\S]*1–3个工作日/);
  });
});

describe('product graph', () => {
  const skus = new Set(products.map((p) => p.sku));

  it('has at least 60 edges between existing, distinct products, without duplicates', () => {
    expect(productGraph.edges.length).toBeGreaterThanOrEqual(60);
    const pairs = new Set<string>();
    for (const e of productGraph.edges) {
      expect([e.from, e.to, skus.has(e.from), skus.has(e.to), e.from !== e.to]).toEqual([
        e.from,
        e.to,
        true,
        true,
        true,
      ]);
      const key = [e.from, e.to].sort().join('|');
      expect([key, pairs.has(key)]).toEqual([key, false]);
      pairs.add(key);
    }
  });

  it('links every demo product and says who each suits', () => {
    const linked = new Set(productGraph.edges.flatMap((e) => [e.from, e.to]));
    expect(products.filter((p) => !linked.has(p.sku)).map((p) => p.sku)).toEqual([]);
    expect(products.filter((p) => !productGraph.suitableFor[p.sku]).map((p) => p.sku)).toEqual([]);
  });

  it('agrees with the skin type printed on each skincare product', () => {
    for (const p of products) {
      const skin = p.attributes.find((a) => a.name === '肤质')?.value;
      if (skin)
        expect([p.sku, productGraph.suitableFor[p.sku].skin]).toEqual([
          p.sku,
          expect.arrayContaining([skin]),
        ]);
    }
  });
});
