import type { DataSource } from 'typeorm';
import { faqArticles, productGraph, products } from '@omni/mock/data';
import { createKnowledgeBase } from '../../algorithms/kb/kb';
import { recommend, type RecommendAttributes } from '../../algorithms/kb/recommend';
import type { Knowledge } from './dialogue.types';

/** The bot's knowledge: the FAQ retriever (BM25 + n-grams) and the product graph recommender. */
export async function createKnowledge(_db: DataSource): Promise<Knowledge> {
  // Product names do not count against an article ("烟酰胺精华拆封了还能退吗" is a returns question).
  const kb = createKnowledgeBase(faqArticles, { shopWords: products.map((p) => p.name) });
  return {
    answer: (query) => kb.answer(query),
    bestIn: (query, categories) => {
      const hit = kb.search(query, 8).find((h) => categories.includes(h.article.category) && h.score > 0);
      return hit ? { article: hit.article, confidence: hit.confidence } : null;
    },
    recommend: (opts) =>
      recommend(productGraph, products, {
        seedSkus: opts.seedSkus,
        seedSource: opts.seedSource,
        attributes: {
          skin: opts.attributes.skin?.[0] as RecommendAttributes['skin'],
          size: opts.attributes.sizes?.[0],
          color: opts.attributes.colors?.[0],
          category: opts.attributes.category,
        },
        inStock: opts.inStock,
        k: opts.k,
      }).map((r) => ({ sku: r.sku, reason: r.reason })),
  };
}
