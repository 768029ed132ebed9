import { productGraph, products } from '@omni/mock/data';
import { recommend, type RecommendOptions } from './recommend';

const skus = (options: RecommendOptions) => recommend(productGraph, products, options).map((r) => r.sku);

describe('recommend', () => {
  it.each<[string, RecommendOptions, string[]]>([
    [
      'dry skin asking for a cream gets dry-skin creams',
      { attributes: { skin: '干皮', category: '面霜' } },
      ['SK-0001', 'SK-0003', 'SK-0002'],
    ],
    ['a cleanser buyer gets the next routine steps', { seedSkus: ['SK-0007'] }, ['SK-0006', 'SK-0012']],
    ['a sunscreen buyer gets a makeup remover', { seedSkus: ['SK-0008'], k: 2 }, ['MU-0003', 'SK-0012']],
    ['a T-shirt in the cart gets trousers first', { seedSkus: ['AP-0001'], k: 1 }, ['AP-0004']],
    ['a coffee-bean buyer gets chocolate and a jar', { seedSkus: ['FD-0003'], k: 2 }, ['FD-0006', 'HM-0007']],
    [
      'a missing face cream gets its substitutes first',
      { seedSkus: ['SK-0001'], inStock: (s) => s !== 'SK-0001', k: 2 },
      ['SK-0002', 'SK-0004'],
    ],
  ])('%s', (_name, options, expected) => {
    expect(skus(options)).toEqual(expected);
  });

  it('never recommends a product that contradicts the skin type', () => {
    const picks = recommend(productGraph, products, { attributes: { skin: '干皮' }, k: 20 });
    expect(picks.length).toBeGreaterThan(3);
    for (const p of picks) {
      const skins = productGraph.suitableFor[p.sku].skin ?? [];
      expect([p.sku, skins.includes('干皮') || skins.includes('所有肤质')]).toEqual([p.sku, true]);
    }
    expect(picks[0]).toEqual({ sku: 'SK-0001', reason: '适合干皮', score: expect.any(Number) });
  });

  it('explains a complement with the product the customer bought', () => {
    const [first] = recommend(productGraph, products, { seedSkus: ['SK-0001'], seedSource: 'purchased' });
    expect(first.reason).toBe('和你买过的玻尿酸保湿面霜搭配使用');
  });

  it('excludes out-of-stock products and the seeds themselves', () => {
    const outOfStock = new Set(['SK-0006']);
    const picks = skus({ seedSkus: ['SK-0007'], inStock: (s) => !outOfStock.has(s), k: 10 });
    expect(picks).not.toContain('SK-0006');
    expect(picks).not.toContain('SK-0007');
    expect(picks).toContain('SK-0012');
  });

  it('only offers sizes the customer asked for', () => {
    const picks = recommend(productGraph, products, { seedSkus: ['AP-0001'], attributes: { size: 'XXL' } });
    expect(picks.map((p) => p.sku)).toEqual(['AP-0008', 'AP-0009']); // 均码 socks and a bag; no XXL clothes
    const inL = recommend(productGraph, products, { seedSkus: ['AP-0001'], attributes: { size: 'l' }, k: 1 });
    expect(inL[0].reason).toBe('有L码，和纯棉圆领T恤搭配着穿');
  });

  it('puts products in the wanted colour first', () => {
    expect(skus({ attributes: { color: '黑色', category: 'apparel' } })).toEqual([
      'AP-0008',
      'AP-0006',
      'AP-0004',
    ]);
  });

  it('falls back to best sellers when it knows nothing about the customer', () => {
    const picks = recommend(productGraph, products, {});
    expect(picks).toHaveLength(3);
    for (const p of picks) expect(p.reason).toBe('店内热销');
  });

  it('is deterministic whatever the order of products and edges', () => {
    const options: RecommendOptions = {
      seedSkus: ['SK-0005', 'MU-0003'],
      attributes: { skin: '混合皮' },
      k: 5,
    };
    const shuffled = { ...productGraph, edges: [...productGraph.edges].reverse() };
    const a = recommend(productGraph, products, options);
    const b = recommend(shuffled, [...products].reverse(), options);
    expect(b).toEqual(a);
    expect(a).toHaveLength(5);
  });

  it('ignores unknown seed skus and returns nothing for k = 0', () => {
    expect(skus({ seedSkus: ['NOPE-1', 'SK-0007'] })).toEqual(skus({ seedSkus: ['SK-0007'] }));
    expect(skus({ seedSkus: ['SK-0007'], k: 0 })).toEqual([]);
  });
});
