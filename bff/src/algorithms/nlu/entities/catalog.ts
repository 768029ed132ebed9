import type { ProductMatch, ProductRef, SkinType, StoreRef } from '../nlu.types';

const SKIN_TYPES: readonly (readonly [RegExp, SkinType])[] = [
  [/敏感肌|敏感皮|敏感性|皮肤敏感|易过敏|敏肌/, 'sensitive'],
  [/混合皮|混合性|混油|混干|混合肌|t区油/, 'combination'],
  [/(?<!混)(?:干皮|干性|皮肤干|干燥肌|大干皮)/, 'dry'],
  [/(?<!混)(?:油皮|油性|大油田|皮肤油|油痘肌)/, 'oily'],
  [/中性皮|中性肌|中性皮肤/, 'normal'],
];

const COLORS = [
  '藏青',
  '卡其',
  '酒红',
  '奶白',
  '米白',
  '米色',
  '咖啡色',
  '驼色',
  '黑',
  '白',
  '红',
  '橙',
  '黄',
  '绿',
  '青',
  '蓝',
  '紫',
  '灰',
  '粉',
  '棕',
  '金',
  '银',
];
const COLOR = new RegExp(`(${COLORS.join('|')})(?:色|的)`, 'g');
const COLOR_EN = /\b(black|white|red|blue|green|grey|gray|pink|beige|navy)\b/g;

/** Clothing sizes (S-XXXL, 2XL, L码), numeric sizes with 码 (38码), and 均码 / 大码 / 小码. */
const SIZE =
  /(?<![a-z0-9])(x{0,3}[sml]|[2-5]xl|xxl|xxxl)(?:码|号)?(?![a-z])|(\d{2,3})\s*码|(均码|大码|小码)/g;

function distinct<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Skin types mentioned (干皮 -> dry, 敏感肌 -> sensitive ...), in a fixed order, without duplicates. */
export function extractSkinTypes(canonical: string): SkinType[] {
  return SKIN_TYPES.filter(([re]) => re.test(canonical)).map(([, type]) => type);
}

/** Colours as written with 色 (黑色, 藏青色), English colour words kept as is, in order of appearance. */
export function extractColors(canonical: string): string[] {
  const found: { at: number; color: string }[] = [];
  for (const m of canonical.matchAll(COLOR)) found.push({ at: m.index, color: `${m[1]}色` });
  for (const m of canonical.matchAll(COLOR_EN)) found.push({ at: m.index, color: m[1] });
  return distinct(found.sort((a, b) => a.at - b.at).map((f) => f.color));
}

/** Sizes as upper-case letters (S, M, L, XL, 2XL) or as written (38码, 均码), in order of appearance. */
export function extractSizes(canonical: string): string[] {
  const sizes: string[] = [];
  for (const m of canonical.matchAll(SIZE)) {
    if (m[1]) {
      // A lone "m"/"s" in English text ("i'm", "is") is not a size unless it carries 码/号 or stands alone.
      const standalone = m[0].length > m[1].length || m[1].length > 1 || /^\s*[sml]\s*$/.test(canonical);
      const nearSizeWord = /码|号|尺|size|换|穿/.test(canonical);
      if (standalone || nearSizeWord) sizes.push(m[1].toUpperCase());
    } else {
      sizes.push(m[2] ? `${m[2]}码` : (m[3] as string));
    }
  }
  return distinct(sizes);
}

function storeNames(store: StoreRef): string[] {
  const names = [store.name, ...(store.aliases ?? [])].map((n) => n.normalize('NFKC').toLowerCase().trim());
  // Customers drop the trailing 店 / 门店: "静安" for 静安店.
  const bare = names.map((n) => n.replace(/(门店|店)$/, '')).filter((n) => [...n].length >= 2);
  return distinct([...names, ...bare]).filter((n) => n !== '');
}

/** Stores whose name or alias appears in the text; the longest matching name wins where two overlap. */
export function extractStores(
  canonical: string,
  stores: readonly StoreRef[],
): { id: string; name: string; matched: string }[] {
  const hits: { at: number; end: number; id: string; name: string; matched: string }[] = [];
  for (const store of stores) {
    for (const name of storeNames(store)) {
      const at = canonical.indexOf(name);
      if (at >= 0) hits.push({ at, end: at + name.length, id: store.id, name: store.name, matched: name });
    }
  }
  hits.sort((a, b) => b.end - b.at - (a.end - a.at) || a.at - b.at);
  const kept: typeof hits = [];
  for (const h of hits) {
    if (kept.some((k) => k.id === h.id || (h.at < k.end && k.at < h.end))) continue;
    kept.push(h);
  }
  return kept.sort((a, b) => a.at - b.at).map(({ id, name, matched }) => ({ id, name, matched }));
}

function productKey(text: string): string {
  // Volumes and weights (30ml, 500g) do not identify a product in chat.
  return text.replace(/\d+(?:\.\d+)?\s*(?:ml|g|kg|克|毫升|片|支|瓶)?/g, '').replace(/[\s\p{P}]+/gu, '');
}

function bigrams(text: string): Set<string> {
  const chars = [...text];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

function longestCommonRun(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let best = 0;
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const row = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) {
      if (x[i - 1] === y[j - 1]) {
        row[j] = prev[j - 1] + 1;
        best = Math.max(best, row[j]);
      }
    }
    prev = row;
  }
  return best;
}

/** Shortest run of a product name (in characters) that counts as naming it: 保湿精华 names 玻尿酸保湿精华液. */
export const PRODUCT_MIN_RUN = 3;

/**
 * Products the message names, best first, at most 3. `score` is the share of the product name found as one
 * run in the text (1 for the whole name); a run of PRODUCT_MIN_RUN characters, half the name, or the name's
 * last two characters (its category: 卫衣, 面霜) counts.
 */
export function extractProducts(canonical: string, products: readonly ProductRef[]): ProductMatch[] {
  const text = productKey(canonical);
  const textPairs = bigrams(text);
  const matches: ProductMatch[] = [];
  for (const product of products) {
    const name = productKey(product.name.normalize('NFKC').toLowerCase());
    const length = [...name].length;
    if (length === 0) continue;
    // Cheap pre-check before the quadratic run search: the name must share some character pair.
    if (length > 1 && ![...bigrams(name)].some((p) => textPairs.has(p))) continue;
    const run = text.includes(name) ? length : longestCommonRun(name, text);
    // Names end in their category (男士连帽卫衣): "卫衣有L码吗" means one of the hoodies.
    const category = length > 2 && text.includes([...name].slice(-2).join(''));
    if (run >= Math.min(PRODUCT_MIN_RUN, length) || run >= length / 2 || (category && run >= 2)) {
      if (run < 2 && length > 1) continue;
      matches.push({ id: product.id, name: product.name, score: Math.round((run / length) * 1000) / 1000 });
    }
  }
  return matches.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, 3);
}
