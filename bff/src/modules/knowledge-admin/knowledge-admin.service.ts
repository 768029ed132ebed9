import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import type {
  AdminSuitability,
  PutSuitabilityBody,
  SuitableFor,
  AdminFaq,
  AdminProductRelation,
  CreateFaqBody,
  CreateProductRelationBody,
  FaqListQuery,
  FaqListResponse,
  FaqTryResponse,
  ProductRelationListQuery,
  ProductRelationListResponse,
  UpdateFaqBody,
  UpdateProductRelationBody,
} from '@omni/shared-types';
import type { Clock } from '../../clock';
import { isUniqueViolation, type TxRunner } from '../../db/tx';
import { NotFoundError } from '../../http/errors';
import { VersionConflictError } from '../audit/versioned';
import { ProductEntity } from '../catalog/catalog.entity';
import type { Nlu } from '../../algorithms/nlu';
import type { AuditActor, AuditService } from '../audit/audit.service';
import { FaqArticleEntity, ProductRelationEntity, ProductSuitabilityEntity } from './knowledge.entity';
import type { KnowledgeSignal } from './knowledge-signal';
import {
  createFaqIn,
  createRelationIn,
  deleteFaqIn,
  deleteRelationIn,
  faqNotFound,
  toAdminFaq,
  toAdminRelations,
  updateFaqIn,
  updateRelationIn,
} from './knowledge-writer';

/** What the try box needs of the bot: its intent classifier and its FAQ retriever. */
export interface BotProbe {
  nlu: Nlu;
  knowledge: {
    refresh(): Promise<void>;
    answer(
      query: string,
    ): { article: { id: string; title: string; body: string }; confidence: number } | null;
  };
}

/** `%` and `_` typed by an admin are searched for, not wildcards (`!` escapes alike on SQLite and MySQL). */
function likePattern(q: string): string {
  return `%${q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** The back office's FAQ articles and product relations; every write is audited and re-teaches the bot. */
export class KnowledgeAdminService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      audit: AuditService;
      signal: KnowledgeSignal;
      clock: Clock;
      bot?: BotProbe;
    },
  ) {}

  /** Newest first; `q` matches question, answer, keywords and alternative questions. */
  async listFaq(q: FaqListQuery): Promise<FaqListResponse> {
    const qb = this.deps.db.getRepository(FaqArticleEntity).createQueryBuilder('f');
    if (q.category) qb.andWhere('f.category = :category', { category: q.category });
    if (q.active !== undefined) qb.andWhere('f.active = :active', { active: q.active });
    if (q.q) {
      const like = likePattern(q.q);
      qb.andWhere(
        new Brackets((w) =>
          ['question', 'answer', 'keywords', 'questions'].forEach((c) =>
            w.orWhere(`f.${c} LIKE :like ESCAPE '!'`, { like }),
          ),
        ),
      );
    }
    const [rows, total] = await qb
      .orderBy('f.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: rows.map(toAdminFaq), total, page: q.page, pageSize: q.pageSize };
  }

  async getFaq(id: number): Promise<AdminFaq> {
    const row = await this.deps.db.getRepository(FaqArticleEntity).findOneBy({ id });
    if (!row) throw faqNotFound();
    return toAdminFaq(row);
  }

  async createFaq(actor: AuditActor, body: CreateFaqBody): Promise<AdminFaq> {
    return this.write(async (m) => {
      const row = toAdminFaq(await createFaqIn(m, body, this.deps.clock.now()));
      await this.deps.audit.record(m, actor, {
        action: 'create',
        entity: 'faq',
        entityId: row.id,
        after: row,
      });
      return row;
    });
  }

  /** 409 VERSION_CONFLICT (with the article now) when `version` is stale; `active: false` archives. */
  async updateFaq(actor: AuditActor, id: number, body: UpdateFaqBody): Promise<AdminFaq> {
    return this.write(async (m) => {
      const { before, after } = await updateFaqIn(m, id, body, this.deps.clock.now());
      const action = body.active === false && before.active ? 'archive' : 'update';
      await this.deps.audit.record(m, actor, {
        action,
        entity: 'faq',
        entityId: id,
        before: toAdminFaq(before),
        after: toAdminFaq(after),
      });
      return toAdminFaq(after);
    });
  }

  async deleteFaq(actor: AuditActor, id: number, version: number): Promise<void> {
    await this.write(async (m) => {
      const gone = await deleteFaqIn(m, id, version);
      await this.deps.audit.record(m, actor, {
        action: 'delete',
        entity: 'faq',
        entityId: id,
        before: toAdminFaq(gone),
      });
    });
  }

  /** What the bot would make of `text`: its intent and the FAQ answer it would give, if any. */
  async tryFaq(text: string): Promise<FaqTryResponse> {
    const bot = this.deps.bot;
    if (!bot) return { intent: 'out_of_scope', confidence: 0, article: null };
    await bot.knowledge.refresh();
    const parsed = bot.nlu.parse(text, { now: this.deps.clock.now() });
    const hit = bot.knowledge.answer(text);
    return {
      intent: parsed.intent,
      confidence: parsed.confidence,
      article: hit
        ? {
            id: hit.article.id,
            question: hit.article.title,
            answer: hit.article.body,
            confidence: hit.confidence,
          }
        : null,
    };
  }

  /** Edges touching `productId` (either end), newest first. */
  async listRelations(q: ProductRelationListQuery): Promise<ProductRelationListResponse> {
    const qb = this.deps.db.getRepository(ProductRelationEntity).createQueryBuilder('r');
    if (q.productId) qb.andWhere('(r.fromProductId = :pid OR r.toProductId = :pid)', { pid: q.productId });
    if (q.kind) qb.andWhere('r.kind = :kind', { kind: q.kind });
    const [rows, total] = await qb
      .orderBy('r.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const items = await toAdminRelations(this.deps.db.manager, rows);
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  async createRelation(actor: AuditActor, body: CreateProductRelationBody): Promise<AdminProductRelation> {
    return this.write(async (m) => {
      const [row] = await toAdminRelations(m, [await createRelationIn(m, body, this.deps.clock.now())]);
      await this.deps.audit.record(m, actor, {
        action: 'create',
        entity: 'product_relation',
        entityId: row.id,
        after: row,
      });
      return row;
    });
  }

  async updateRelation(
    actor: AuditActor,
    id: number,
    body: UpdateProductRelationBody,
  ): Promise<AdminProductRelation> {
    return this.write(async (m) => {
      const { before, after } = await updateRelationIn(m, id, body, this.deps.clock.now());
      const [b, a] = await toAdminRelations(m, [before, after]);
      await this.deps.audit.record(m, actor, {
        action: 'update',
        entity: 'product_relation',
        entityId: id,
        before: b,
        after: a,
      });
      return a;
    });
  }

  async deleteRelation(actor: AuditActor, id: number, version: number): Promise<void> {
    await this.write(async (m) => {
      const [gone] = await toAdminRelations(m, [await deleteRelationIn(m, id, version)]);
      await this.deps.audit.record(m, actor, {
        action: 'delete',
        entity: 'product_relation',
        entityId: id,
        before: gone,
      });
    });
  }

  /** Who and when a product suits (skin types, seasons…), as the recommender reads it. */
  async getSuitability(productId: number): Promise<AdminSuitability> {
    await this.productOrThrow(this.deps.db.manager, productId);
    const row = await this.deps.db.getRepository(ProductSuitabilityEntity).findOneBy({ productId });
    return { productId, suitable: row?.suitable ?? {}, version: row?.version ?? 0 };
  }

  /** Replaces a product's suitability; a stale `version` → 409 VERSION_CONFLICT with the current one. */
  async putSuitability(
    actor: AuditActor,
    productId: number,
    body: PutSuitabilityBody,
  ): Promise<AdminSuitability> {
    return this.write(async (m) => {
      await this.productOrThrow(m, productId);
      const repo = m.getRepository(ProductSuitabilityEntity);
      const row = await repo.findOneBy({ productId });
      const current: AdminSuitability = {
        productId,
        suitable: row?.suitable ?? {},
        version: row?.version ?? 0,
      };
      if (body.version !== undefined && body.version !== current.version)
        throw new VersionConflictError(current);
      if (!row) {
        try {
          await repo.insert({ productId, suitable: body.suitable as SuitableFor, version: 1 });
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
          throw new VersionConflictError((await repo.findOneBy({ productId })) ?? current);
        }
      } else {
        const res = await m
          .createQueryBuilder()
          .update(ProductSuitabilityEntity)
          .set({ suitable: body.suitable as SuitableFor, version: () => 'version + 1' })
          .where('product_id = :productId AND version = :v', { productId, v: row.version })
          .execute();
        if (res.affected !== 1) throw new VersionConflictError(await repo.findOneBy({ productId }));
      }
      const saved = await repo.findOneByOrFail({ productId });
      const after: AdminSuitability = { productId, suitable: saved.suitable, version: saved.version };
      await this.deps.audit.record(m, actor, {
        action: row ? 'update' : 'create',
        entity: 'product_suitability',
        entityId: productId,
        before: row ? { suitable: row.suitable } : null,
        after: { suitable: saved.suitable },
      });
      return after;
    });
  }

  private async productOrThrow(m: EntityManager, productId: number): Promise<void> {
    if (!(await m.getRepository(ProductEntity).existsBy({ id: productId }))) {
      throw new NotFoundError('PRODUCT_NOT_FOUND', '商品不存在');
    }
  }

  /** Runs a write in a transaction, then tells every instance's bot (only once it is committed). */
  private async write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const out = await this.deps.tx.run(work);
    this.deps.signal.changed();
    return out;
  }
}
