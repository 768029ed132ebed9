import type { ProductAttribute, ProductEdgeKind, ProductGraph, SkinType } from '@omni/shared-types';

/** What `recommend` needs of a product (a catalogue row or a demo seed product fits). */
export interface RecommendProduct {
  sku: string;
  name: string;
  categoryId: string;
  tags: readonly string[];
  attributes: readonly ProductAttribute[];
}

/** What the customer wants, as the NLU extracts it: skin type, clothing size, colour, category or product word. */
export interface RecommendAttributes {
  skin?: SkinType;
  size?: string;
  color?: string;
  /** A category id ("skincare"), its Chinese name ("护肤") or a product word ("面霜"). */
  category?: string;
}

/** Inputs of `recommend`; `seedSource` only changes the wording of reasons. */
export interface RecommendOptions {
  /** Products the customer bought, has in the cart or mentioned, most relevant first. */
  seedSkus?: readonly string[];
  seedSource?: 'purchased' | 'cart' | 'mentioned';
  attributes?: RecommendAttributes;
  /** When given, only skus for which it returns true are recommended. */
  inStock?: (sku: string) => boolean;
  k?: number;
}

/** One recommendation: `reason` is shown to the customer (Simplified Chinese); higher `score` ranks first. */
export interface Recommendation {
  sku: string;
  reason: string;
  score: number;
}

/** Category names as customers say them, by category id. */
export const CATEGORY_NAMES: Readonly<Record<string, string>> = {
  skincare: '护肤',
  makeup: '彩妆',
  fragrance: '香氛',
  'personal-care': '个护',
  apparel: '服饰',
  home: '家居',
  food: '食品',
};

// How strongly an edge suggests its far end: what goes *with* a product beats what replaces it.
const FORWARD: Readonly<Record<ProductEdgeKind, number>> = {
  complement: 1,
  accessory: 0.8,
  upgrade: 0.7,
  same_series: 0.6,
  substitute: 0.4,
};
const BACKWARD: Readonly<Record<ProductEdgeKind, number>> = {
  complement: 0.7,
  accessory: 0.5,
  // Suggesting the cheaper version of what the customer has is rarely what they want.
  upgrade: 0.2,
  same_series: 0.6,
  substitute: 0.4,
};
// A substitute for something the customer wants but cannot get is the most useful suggestion of all.
const SUBSTITUTE_FOR_MISSING = 1.1;
const SOURCE_WORDS = { purchased: '你买过的', cart: '你购物车里的', mentioned: '你提到的' } as const;
const COLOR_ATTRS = new Set(['颜色', '色号', '色系']);

interface Candidate {
  score: number;
  reasons: string[];
}

/** "玻尿酸保湿面霜 50g" → "玻尿酸保湿面霜": trailing size, shade and SPF tokens make reasons clumsy. */
function shortName(name: string): string {
  const parts = name.split(/\s+/);
  while (parts.length > 1 && /[\d#×+]/.test(parts[parts.length - 1])) parts.pop();
  return parts.join(' ');
}

function edgeReason(kind: ProductEdgeKind, seedName: string, missing: boolean, categoryId: string): string {
  if (missing && kind === 'substitute') return `${seedName}暂时缺货，可以看看这款`;
  switch (kind) {
    case 'complement':
      if (categoryId === 'apparel') return `和${seedName}搭配着穿`;
      if (categoryId === 'food') return `和${seedName}是好搭配`;
      return `和${seedName}搭配使用`;
    case 'accessory':
      return `${seedName}的好搭档`;
    case 'same_series':
      return `和${seedName}同系列`;
    case 'substitute':
      return `可替代${seedName}`;
    case 'upgrade':
      return `${seedName}的升级款`;
  }
}

function matchesCategory(product: RecommendProduct, category: string): boolean {
  return (
    product.categoryId === category ||
    CATEGORY_NAMES[product.categoryId] === category ||
    product.name.includes(category)
  );
}

/** Attribute fit: a score and reason, or null when the product contradicts what the customer asked for. */
function attributeFit(
  product: RecommendProduct,
  skinsOf: (sku: string) => readonly SkinType[] | undefined,
  wanted: RecommendAttributes,
): Candidate | null {
  const fit: Candidate = { score: 0, reasons: [] };
  if (wanted.category !== undefined) {
    if (!matchesCategory(product, wanted.category)) return null;
    fit.score += 0.2;
  }
  if (wanted.skin !== undefined) {
    const skins = skinsOf(product.sku);
    if (skins?.includes(wanted.skin)) {
      // Made for this skin type (the product's own 肤质) beats merely suitable for it.
      const madeFor = product.attributes.some((a) => a.name === '肤质' && a.value === wanted.skin);
      fit.score += madeFor ? 0.7 : 0.6;
      fit.reasons.push(`适合${wanted.skin}`);
    } else if (skins?.includes('所有肤质')) {
      fit.score += 0.3;
      fit.reasons.push('所有肤质都适用');
    } else if (skins !== undefined || wanted.category === undefined) {
      return null;
    }
  }
  if (wanted.size !== undefined) {
    const sizes = product.attributes
      .find((a) => a.name === '尺码')
      ?.value.toUpperCase()
      .split(/[/、,]/);
    const size = wanted.size.toUpperCase();
    if (sizes !== undefined) {
      if (!sizes.includes(size) && !sizes.includes('均码')) return null;
      fit.score += 0.2;
      fit.reasons.push(sizes.includes(size) ? `有${size}码` : '均码');
    }
  }
  if (wanted.color !== undefined) {
    const colorAttr = product.attributes.find(
      (a) => COLOR_ATTRS.has(a.name) && a.value.includes(wanted.color!),
    );
    if (colorAttr) {
      fit.score += 0.4;
      fit.reasons.push(`有${wanted.color}`);
    }
  }
  return fit;
}

/**
 * Recommends up to `k` (default 3) products from the knowledge graph: what goes with the seed products
 * (complements, accessories, same series, substitutes when a seed is out of stock), filtered and boosted by
 * the wanted skin type, size, colour and category, in stock only when `inStock` is given. Deterministic:
 * ties break by sku. Without seeds or attributes it falls back to the shop's best sellers.
 */
export function recommend(
  graph: ProductGraph,
  products: readonly RecommendProduct[],
  options: RecommendOptions = {},
): Recommendation[] {
  const k = options.k ?? 3;
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const seeds = [...new Set(options.seedSkus ?? [])].filter((sku) => bySku.has(sku));
  const seedSet = new Set(seeds);
  const prefix = options.seedSource ? SOURCE_WORDS[options.seedSource] : '';
  const available = (sku: string) => options.inStock?.(sku) ?? true;

  // The strongest edge per candidate gives its score and reason; every further link to a seed adds a little.
  const linked = new Map<string, { best: number; links: number; reason: string }>();
  for (const edge of graph.edges) {
    for (const [seed, other, weights, forward] of [
      [edge.from, edge.to, FORWARD, true],
      [edge.to, edge.from, BACKWARD, false],
    ] as const) {
      if (!seedSet.has(seed) || seedSet.has(other) || !bySku.has(other)) continue;
      const missing = !available(seed);
      const weight =
        (missing && edge.kind === 'substitute' ? SUBSTITUTE_FOR_MISSING : weights[edge.kind]) *
        (edge.weight ?? 1);
      const seedName = prefix + shortName(bySku.get(seed)!.name);
      // An edge's own reason (written in the back office) describes its far end, so only forwards.
      const reason =
        (forward && !missing ? edge.reason : null) ??
        (forward || edge.kind !== 'upgrade'
          ? edgeReason(edge.kind, seedName, missing, bySku.get(other)!.categoryId)
          : `比${seedName}更实惠`);
      const current = linked.get(other) ?? { best: 0, links: 0, reason };
      linked.set(other, {
        best: Math.max(current.best, weight),
        links: current.links + 1,
        reason: weight > current.best ? reason : current.reason,
      });
    }
  }

  const wanted = options.attributes ?? {};
  const hasWanted = Object.values(wanted).some((v) => v !== undefined);
  const skinsOf = (sku: string) => graph.suitableFor[sku]?.skin;
  const results: Recommendation[] = [];
  for (const product of products) {
    if (seedSet.has(product.sku) || !available(product.sku)) continue;
    const fit = attributeFit(product, skinsOf, wanted);
    if (!fit) continue;
    const link = linked.get(product.sku);
    const popularity =
      (product.tags.includes('热销') ? 0.05 : 0) + (product.tags.includes('新品') ? 0.02 : 0);
    let reasons = link ? [...fit.reasons, link.reason] : fit.reasons;
    if (!link && fit.score === 0) {
      // Unrelated to what the customer has or wants: only worth showing as a best seller, and only
      // when there is nothing more specific to go on.
      if (seeds.length > 0 || hasWanted || popularity === 0) continue;
      reasons = ['店内热销'];
    }
    if (reasons.length === 0 && wanted.category !== undefined) reasons = [`你想要的${wanted.category}`];
    const linkScore = link ? link.best + 0.1 * (link.links - 1) : 0;
    const score = Math.round((linkScore + fit.score + popularity) * 1000) / 1000;
    results.push({ sku: product.sku, reason: reasons.join('，'), score });
  }
  return results.sort((x, y) => y.score - x.score || (x.sku < y.sku ? -1 : 1)).slice(0, Math.max(0, k));
}
