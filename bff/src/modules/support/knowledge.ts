import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { createKnowledgeBase, type KnowledgeBase } from '../../algorithms/kb/kb';
import { recommend, type RecommendAttributes } from '../../algorithms/kb/recommend';
import type { Logger } from '../../logger';
import {
  knowledgeSignature,
  loadKnowledgeData,
  type KnowledgeData,
} from '../knowledge-admin/knowledge-store';
import type { KnowledgeSignal } from '../knowledge-admin/knowledge-signal';
import type { Knowledge } from './dialogue.types';

/** How often, at most, the bot asks the database whether its knowledge changed; in ms. */
export const KNOWLEDGE_CHECK_INTERVAL_MS = 1000;

interface Built {
  data: KnowledgeData;
  kb: KnowledgeBase;
  refs: Array<{ id: string; name: string }>;
}

function build(data: KnowledgeData): Built {
  // Product names do not count against an article ("烟酰胺精华拆封了还能退吗" is a returns question).
  const kb = createKnowledgeBase(data.articles, { shopWords: data.products.map((p) => p.name) });
  return { data, kb, refs: data.products.map((p) => ({ id: String(p.id), name: p.name })) };
}

/**
 * The bot's knowledge built from the database: FAQ articles (BM25 + n-grams), active products and
 * the product graph. `refresh()` rebuilds it when the tables changed: at once after a change
 * signal (this instance's admin writes, other instances' over Redis), else after a cheap version
 * check at most every `checkIntervalMs`, so products written by any module are known too.
 */
export async function createKnowledge(
  db: DataSource,
  opts: { signal?: KnowledgeSignal; log?: Logger; checkIntervalMs?: number } = {},
): Promise<Knowledge> {
  const interval = opts.checkIntervalMs ?? KNOWLEDGE_CHECK_INTERVAL_MS;
  let signature = await knowledgeSignature(db);
  let current = build(await loadKnowledgeData(db));
  let checkedAt = performance.now();
  let dirty = false;
  let pending: Promise<void> | null = null;
  opts.signal?.onChange(() => {
    dirty = true;
  });

  const check = async () => {
    dirty = false;
    checkedAt = performance.now();
    const now = await knowledgeSignature(db);
    if (now === signature) return;
    // Read after the signature: a write in between only causes one more rebuild later.
    current = build(await loadKnowledgeData(db));
    signature = now;
    opts.log?.info({ articles: current.data.articles.length }, 'support knowledge rebuilt');
  };

  return {
    refresh() {
      if (pending) return pending;
      if (!dirty && performance.now() - checkedAt < interval) return Promise.resolve();
      pending = check()
        .catch((err: unknown) => opts.log?.warn({ err }, 'support knowledge refresh failed'))
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    products: () => current.refs,
    answer: (query) => current.kb.answer(query),
    bestIn: (query, categories) => {
      const hit = current.kb
        .search(query, 8)
        .find((h) => categories.includes(h.article.category) && h.score > 0);
      return hit ? { article: hit.article, confidence: hit.confidence } : null;
    },
    recommend: (o) =>
      recommend(current.data.graph, current.data.products, {
        seedSkus: o.seedSkus,
        seedSource: o.seedSource,
        attributes: {
          skin: o.attributes.skin?.[0] as RecommendAttributes['skin'],
          size: o.attributes.sizes?.[0],
          color: o.attributes.colors?.[0],
          category: o.attributes.category,
        },
        inStock: o.inStock,
        k: o.k,
      }).map((r) => ({ sku: r.sku, reason: r.reason })),
  };
}
