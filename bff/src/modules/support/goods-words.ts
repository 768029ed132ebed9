// What kind of goods a customer asks to be recommended ("有什么推荐的水果" → 水果), so the bot
// recommends within it or says the shop has none — never an unrelated category.

import { CATEGORY_NAMES as CATEGORY_WORDS } from '../../algorithms/kb/recommend';

/**
 * Nouns for kinds of goods people shop for, whether or not this shop sells them: what the bot
 * looks for in a recommendation request. Curated by hand; longer words win over their parts.
 */
const GOODS_WORDS = [
  // food and drink
  '水果',
  '蔬菜',
  '生鲜',
  '海鲜',
  '肉',
  '零食',
  '饮料',
  '牛奶',
  '酸奶',
  '咖啡',
  '茶叶',
  '茶',
  '酒',
  '面包',
  '蛋糕',
  '巧克力',
  '坚果',
  '燕麦',
  '麦片',
  '大米',
  '饼干',
  '糖果',
  '果汁',
  '矿泉水',
  // beauty and care
  '面霜',
  '精华',
  '乳液',
  '爽肤水',
  '化妆水',
  '面膜',
  '防晒',
  '口红',
  '唇膏',
  '粉底',
  '眼影',
  '香水',
  '眼霜',
  '洗面奶',
  '卸妆',
  '洗发水',
  '护发素',
  '沐浴露',
  '身体乳',
  '牙膏',
  '牙刷',
  '护手霜',
  // apparel
  'T恤',
  '衬衫',
  '裤子',
  '裙子',
  '外套',
  '卫衣',
  '毛衣',
  '袜子',
  '鞋',
  '包',
  '帽子',
  '围巾',
  '手套',
  // home
  '毛巾',
  '床品',
  '四件套',
  '枕头',
  '杯子',
  '蜡烛',
  '香薰',
  '餐具',
  '收纳',
  // what many shops sell and this one may not
  '手机',
  '电脑',
  '耳机',
  '家电',
  '玩具',
  '图书',
  '书',
  '药',
  '保健品',
  '宠物',
  '猫粮',
  '狗粮',
  '奶粉',
  '尿不湿',
  '纸巾',
  '花',
];

const ALL_WORDS = [...new Set([...Object.values(CATEGORY_WORDS), ...GOODS_WORDS])].sort(
  (a, b) => b.length - a.length,
);

/** The first kind of goods named in `text` (longest match), or null. */
export function goodsWordIn(text: string): string | null {
  const upper = text.toUpperCase();
  let best: { word: string; at: number } | null = null;
  for (const word of ALL_WORDS) {
    const at = upper.indexOf(word.toUpperCase());
    if (at < 0) continue;
    // Skip a word inside a longer one already found there (面霜 in 护手霜).
    if (best && at >= best.at && at < best.at + best.word.length) continue;
    if (!best || at < best.at) best = { word, at };
  }
  return best?.word ?? null;
}

/** Whether a product is of that kind: its category, name, subtitle or tags say so (not a mention in its description). */
export function isOfKind(
  product: { categoryId: string; name: string; subtitle: string; tags: readonly string[] },
  word: string,
): boolean {
  return (
    CATEGORY_WORDS[product.categoryId] === word ||
    product.name.includes(word) ||
    product.subtitle.includes(word) ||
    product.tags.some((t) => t.includes(word))
  );
}
