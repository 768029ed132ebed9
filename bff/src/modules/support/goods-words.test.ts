import { goodsWordIn, isOfKind } from './goods-words';

describe('goodsWordIn', () => {
  it('finds the kind of goods a recommendation request names', () => {
    expect(goodsWordIn('有什么推荐的水果')).toBe('水果');
    expect(goodsWordIn('干皮适合什么面霜')).toBe('面霜');
    expect(goodsWordIn('推荐一款护手霜')).toBe('护手霜');
    expect(goodsWordIn('有没有好喝的咖啡推荐')).toBe('咖啡');
    expect(goodsWordIn('t恤有什么推荐')).toBe('T恤');
  });

  it('finds nothing in a request that names no goods', () => {
    expect(goodsWordIn('有什么推荐的')).toBeNull();
    expect(goodsWordIn('帮我推荐一下')).toBeNull();
  });
});

describe('isOfKind', () => {
  const coffee = { categoryId: 'food', name: '冻干咖啡 12颗', subtitle: '3秒即溶', tags: ['热销'] };
  it('goes by category, name, subtitle and tags', () => {
    expect(isOfKind(coffee, '咖啡')).toBe(true);
    expect(isOfKind(coffee, '食品')).toBe(true);
    expect(isOfKind(coffee, '面霜')).toBe(false);
  });
});
