import { In, type EntityManager } from 'typeorm';
import { faqArticles, productGraph } from '@omni/mock/data';
import { CreateFaqBody, CreateProductRelationBody } from '@omni/shared-types';
import { ProductEntity } from '../modules/catalog/catalog.entity';
import { FaqArticleEntity, ProductRelationEntity } from '../modules/knowledge-admin/knowledge.entity';
import {
  createFaqIn,
  createRelationIn,
  upsertSuitabilityIn,
} from '../modules/knowledge-admin/knowledge-writer';

/** What `upsertKnowledge` added. */
export interface KnowledgeSeedReport {
  faq: number;
  relations: number;
}

/**
 * The demo help centre and product graph, validated and written by the same code as the admin API.
 * Idempotent: articles are matched by slug and edges by (from, to, kind); what exists is left alone,
 * so an admin's edits survive a re-seed and a database seeded before the FAQ lived here is topped up.
 */
export async function upsertKnowledge(m: EntityManager, now: Date): Promise<KnowledgeSeedReport> {
  const report: KnowledgeSeedReport = { faq: 0, relations: 0 };
  const faq = m.getRepository(FaqArticleEntity);
  const have = new Set((await faq.findBy({ slug: In(faqArticles.map((a) => a.id)) })).map((f) => f.slug));
  for (const a of faqArticles) {
    if (have.has(a.id)) continue;
    const body = CreateFaqBody.parse({
      question: a.title,
      answer: a.body,
      keywords: a.keywords,
      questions: a.questions,
      category: a.category,
    });
    await createFaqIn(m, body, now, a.id);
    report.faq++;
  }

  const skus = new Set([
    ...productGraph.edges.flatMap((e) => [e.from, e.to]),
    ...Object.keys(productGraph.suitableFor),
  ]);
  const products = await m.getRepository(ProductEntity).findBy({ sku: In([...skus]) });
  const idOf = new Map(products.map((p) => [p.sku, p.id]));
  const relations = m.getRepository(ProductRelationEntity);
  for (const e of productGraph.edges) {
    const fromProductId = idOf.get(e.from);
    const toProductId = idOf.get(e.to);
    if (fromProductId === undefined || toProductId === undefined) continue;
    if (await relations.existsBy({ fromProductId, toProductId, kind: e.kind })) continue;
    await createRelationIn(
      m,
      CreateProductRelationBody.parse({ fromProductId, toProductId, kind: e.kind }),
      now,
    );
    report.relations++;
  }
  for (const [sku, suitable] of Object.entries(productGraph.suitableFor)) {
    const productId = idOf.get(sku);
    if (productId !== undefined) await upsertSuitabilityIn(m, productId, suitable);
  }
  return report;
}
