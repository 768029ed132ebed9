import type { EntityManager } from 'typeorm';
import type {
  AdminFaq,
  AdminProductRelation,
  CreateFaqBody,
  CreateProductRelationBody,
  SuitableFor,
  UpdateFaqBody,
  UpdateProductRelationBody,
} from '@omni/shared-types';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../../http/errors';
import { isUniqueViolation } from '../../db/tx';
import { ProductEntity } from '../catalog/catalog.entity';
import { updateVersioned, VersionConflictError } from '../audit/versioned';
import { FaqArticleEntity, ProductRelationEntity, ProductSuitabilityEntity } from './knowledge.entity';

// The writes behind the FAQ and product-relation admin API, taking the caller's EntityManager: the
// services run them in a transaction with the audit entry, and the demo seed runs the very same ones.

/** 404 FAQ_NOT_FOUND. */
export const faqNotFound = () => new NotFoundError('FAQ_NOT_FOUND', '常见问题不存在');
/** 404 RELATION_NOT_FOUND. */
export const relationNotFound = () => new NotFoundError('RELATION_NOT_FOUND', '商品关系不存在');

/** The back-office view of an FAQ row. */
export function toAdminFaq(f: FaqArticleEntity): AdminFaq {
  return {
    id: f.id,
    slug: f.slug,
    category: f.category,
    question: f.question,
    answer: f.answer,
    keywords: f.keywords,
    questions: f.questions,
    active: f.active,
    version: f.version,
    updatedAt: f.updatedAt.toISOString(),
  };
}

/** The same word listed twice counts once. */
function distinct(words: readonly string[]): string[] {
  return [...new Set(words)];
}

/** Inserts an article; `slug` is the stable key of a seeded one. */
export async function createFaqIn(
  m: EntityManager,
  body: CreateFaqBody,
  now: Date,
  slug: string | null = null,
): Promise<FaqArticleEntity> {
  const repo = m.getRepository(FaqArticleEntity);
  const res = await repo.insert({
    slug,
    category: body.category,
    question: body.question,
    answer: body.answer,
    keywords: distinct(body.keywords),
    questions: distinct(body.questions),
    active: body.active,
    version: 1,
    updatedAt: now,
  });
  return repo.findOneByOrFail({ id: Number(res.identifiers[0].id) });
}

/** Applies a PATCH under its version; the row before and after, for the audit log. */
export async function updateFaqIn(
  m: EntityManager,
  id: number,
  body: UpdateFaqBody,
  now: Date,
): Promise<{ before: FaqArticleEntity; after: FaqArticleEntity }> {
  const { version, ...fields } = body;
  const patch: Partial<FaqArticleEntity> = { ...fields, updatedAt: now };
  if (fields.keywords) patch.keywords = distinct(fields.keywords);
  if (fields.questions) patch.questions = distinct(fields.questions);
  return updateVersioned(m, FaqArticleEntity, id, version, patch, {
    notFound: faqNotFound,
    current: toAdminFaq,
  });
}

/** Deletes an article if it is still at `version`; the deleted row. */
export async function deleteFaqIn(m: EntityManager, id: number, version: number): Promise<FaqArticleEntity> {
  const repo = m.getRepository(FaqArticleEntity);
  const row = await repo.findOneBy({ id });
  if (!row) throw faqNotFound();
  const res = await repo.delete({ id, version });
  if (res.affected !== 1) {
    const now = await repo.findOneBy({ id });
    if (!now) throw faqNotFound();
    throw new VersionConflictError(toAdminFaq(now));
  }
  return row;
}

/** Relation rows with both products' sku and name, in the order given. */
export async function toAdminRelations(
  m: EntityManager,
  rows: ProductRelationEntity[],
): Promise<AdminProductRelation[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.fromProductId, r.toProductId]))];
  const products = ids.length
    ? await m
        .getRepository(ProductEntity)
        .createQueryBuilder('p')
        .select(['p.id', 'p.sku', 'p.name'])
        .whereInIds(ids)
        .getMany()
    : [];
  const byId = new Map(products.map((p) => [p.id, p]));
  return rows.map((r) => ({
    id: r.id,
    fromProductId: r.fromProductId,
    fromSku: byId.get(r.fromProductId)?.sku ?? '',
    fromName: byId.get(r.fromProductId)?.name ?? '',
    toProductId: r.toProductId,
    toSku: byId.get(r.toProductId)?.sku ?? '',
    toName: byId.get(r.toProductId)?.name ?? '',
    kind: r.kind,
    weight: r.weight,
    reason: r.reason,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

const relationExists = (body: CreateProductRelationBody) =>
  new ConflictError('RELATION_EXISTS', '这两个商品之间已有同类关系', {
    fromProductId: body.fromProductId,
    toProductId: body.toProductId,
    kind: body.kind,
  });

/**
 * Inserts an edge: 400 RELATION_SELF for a product with itself, 422 PRODUCT_NOT_FOUND for an
 * unknown product, 409 RELATION_EXISTS when the same edge exists (decided by the unique key).
 */
export async function createRelationIn(
  m: EntityManager,
  body: CreateProductRelationBody,
  now: Date,
): Promise<ProductRelationEntity> {
  if (body.fromProductId === body.toProductId) {
    throw new ValidationError(
      '商品不能和自己建立关系',
      [{ path: 'toProductId', message: '不能与 fromProductId 相同' }],
      'RELATION_SELF',
    );
  }
  const products = m.getRepository(ProductEntity);
  for (const field of ['fromProductId', 'toProductId'] as const) {
    if (!(await products.existsBy({ id: body[field] }))) {
      throw new UnprocessableError('PRODUCT_NOT_FOUND', `商品 ${body[field]} 不存在`, {
        fields: [{ path: field, message: '商品不存在' }],
      });
    }
  }
  const repo = m.getRepository(ProductRelationEntity);
  try {
    const res = await repo.insert({ ...body, version: 1, updatedAt: now });
    return await repo.findOneByOrFail({ id: Number(res.identifiers[0].id) });
  } catch (err) {
    if (isUniqueViolation(err)) throw relationExists(body);
    throw err;
  }
}

/** Changes an edge's weight or reason under its version. */
export async function updateRelationIn(
  m: EntityManager,
  id: number,
  body: UpdateProductRelationBody,
  now: Date,
): Promise<{ before: ProductRelationEntity; after: ProductRelationEntity }> {
  const { version, ...fields } = body;
  return updateVersioned(
    m,
    ProductRelationEntity,
    id,
    version,
    { ...fields, updatedAt: now },
    { notFound: relationNotFound, current: (r) => r },
  );
}

/** Deletes an edge if it is still at `version`; the deleted row. */
export async function deleteRelationIn(
  m: EntityManager,
  id: number,
  version: number,
): Promise<ProductRelationEntity> {
  const repo = m.getRepository(ProductRelationEntity);
  const row = await repo.findOneBy({ id });
  if (!row) throw relationNotFound();
  const res = await repo.delete({ id, version });
  if (res.affected !== 1) {
    const now = await repo.findOneBy({ id });
    if (!now) throw relationNotFound();
    throw new VersionConflictError(now);
  }
  return row;
}

/** Sets who a product suits (skin types, seasons...), bumping the row's version when it changes. */
export async function upsertSuitabilityIn(
  m: EntityManager,
  productId: number,
  suitable: SuitableFor,
): Promise<void> {
  const repo = m.getRepository(ProductSuitabilityEntity);
  const row = await repo.findOneBy({ productId });
  if (!row) await repo.insert({ productId, suitable, version: 1 });
  else if (JSON.stringify(row.suitable) !== JSON.stringify(suitable))
    await repo.update({ productId }, { suitable, version: row.version + 1 });
}
