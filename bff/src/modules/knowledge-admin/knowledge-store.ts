import { In, type DataSource } from 'typeorm';
import type { FaqArticle, ProductAttribute, ProductGraph, SkinType } from '@omni/shared-types';
import { ProductEntity } from '../catalog/catalog.entity';
import { FaqArticleEntity, ProductRelationEntity, ProductSuitabilityEntity } from './knowledge.entity';

/** A product as the bot knows it: enough to match its name, answer its attributes and recommend it. */
export interface KnownProduct {
  id: number;
  sku: string;
  name: string;
  categoryId: string;
  tags: string[];
  attributes: ProductAttribute[];
}

/** Everything the bot answers from, read from the database in one go. */
export interface KnowledgeData {
  articles: FaqArticle[];
  products: KnownProduct[];
  graph: ProductGraph;
}

// Attribute names and values by which a product without a suitability row says whom it suits.
const SKIN_ATTRS = new Set(['肤质', '适用肤质', '适合肤质']);
const SKIN_TYPES = new Set<string>(['干皮', '油皮', '混合皮', '敏感肌', '所有肤质']);

/** The article the retriever reads from a stored row (the admin's question is its title). */
export function toArticle(row: FaqArticleEntity): FaqArticle {
  return {
    id: row.slug ?? String(row.id),
    title: row.question,
    category: row.category,
    body: row.answer,
    questions: row.questions,
    keywords: row.keywords,
  };
}

/** Active FAQ articles, active products, and the relations and suitability between active products. */
export async function loadKnowledgeData(db: DataSource): Promise<KnowledgeData> {
  const [faq, products] = await Promise.all([
    db.getRepository(FaqArticleEntity).find({ where: { active: true }, order: { id: 'ASC' } }),
    db.getRepository(ProductEntity).find({ where: { active: true }, order: { id: 'ASC' } }),
  ]);
  const ids = products.map((p) => p.id);
  const [relations, suitability] = ids.length
    ? await Promise.all([
        db.getRepository(ProductRelationEntity).find({ order: { id: 'ASC' } }),
        db.getRepository(ProductSuitabilityEntity).findBy({ productId: In(ids) }),
      ])
    : [[], []];
  const skuOf = new Map(products.map((p) => [p.id, p.sku]));
  const graph: ProductGraph = { edges: [], suitableFor: {} };
  for (const r of relations) {
    const from = skuOf.get(r.fromProductId);
    const to = skuOf.get(r.toProductId);
    if (from && to) graph.edges.push({ from, to, kind: r.kind, weight: r.weight, reason: r.reason });
  }
  for (const s of suitability) graph.suitableFor[skuOf.get(s.productId)!] = s.suitable;
  for (const p of products) {
    // A product made in the back office says whom it suits through its 肤质 attribute.
    const skin = p.attributes.find((a) => SKIN_ATTRS.has(a.name))?.value.split(/[、/,，\s]+/);
    const known = skin?.filter((v): v is SkinType => SKIN_TYPES.has(v));
    if (!graph.suitableFor[p.sku] && known?.length) graph.suitableFor[p.sku] = { skin: known };
  }
  return {
    articles: faq.map(toArticle),
    products: products.map((p) => ({
      id: p.id,
      sku: p.sku,
      name: p.name,
      categoryId: p.categoryId,
      tags: p.tags,
      attributes: p.attributes,
    })),
    graph,
  };
}

const WATCHED: ReadonlyArray<readonly [table: string, key: string]> = [
  ['faq_articles', 'id'],
  ['product_relations', 'id'],
  ['product_suitability', 'product_id'],
  ['products', 'id'],
];

/**
 * A cheap fingerprint of the knowledge tables (row count, highest id and sum of versions per table):
 * every insert, delete and versioned update changes it, so another instance's edit is noticed
 * without events. Products come from the `products` table itself, whoever wrote them.
 */
export async function knowledgeSignature(db: DataSource): Promise<string> {
  const parts = WATCHED.flatMap(([t, k], i) => [
    `(SELECT COUNT(*) FROM ${t}) AS c${i}`,
    `(SELECT COALESCE(MAX(${k}), 0) FROM ${t}) AS m${i}`,
    `(SELECT COALESCE(SUM(version), 0) FROM ${t}) AS v${i}`,
  ]);
  const rows = (await db.query(`SELECT ${parts.join(', ')}`)) as Array<Record<string, unknown>>;
  return Object.values(rows[0] ?? {})
    .map((v) => String(v))
    .join(':');
}
