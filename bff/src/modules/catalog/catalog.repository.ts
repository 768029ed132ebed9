import type { DataSource } from 'typeorm';
import { CategoryEntity, ProductEntity, StockEntity } from './catalog.entity';

/** One page of products and the total count. */
export interface ProductPage {
  rows: ProductEntity[];
  total: number;
}

/** Escapes LIKE wildcards with `!` (portable: MySQL treats `\\` in literals specially). */
function likePattern(q: string): string {
  return `%${q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
const LIKE = "LIKE :pattern ESCAPE '!'";

/** Reads the catalogue. */
export class CatalogRepository {
  constructor(private readonly db: DataSource) {}

  /** Active products matching `q` (name or description substring) and category; name matches first, then id. */
  async search(opts: {
    q?: string;
    categoryId?: string;
    offset: number;
    limit: number;
  }): Promise<ProductPage> {
    const qb = this.db
      .getRepository(ProductEntity)
      .createQueryBuilder('p')
      .where('p.active = :active', { active: true });
    if (opts.categoryId) qb.andWhere('p.category_id = :cat', { cat: opts.categoryId });
    if (opts.q) {
      const pattern = likePattern(opts.q);
      qb.andWhere(`(p.name ${LIKE} OR p.subtitle ${LIKE} OR p.description ${LIKE})`, { pattern });
      qb.addSelect(`CASE WHEN p.name ${LIKE} THEN 0 ELSE 1 END`, 'name_rank').orderBy('name_rank', 'ASC');
    }
    qb.addOrderBy('p.id', 'ASC').skip(opts.offset).take(opts.limit);
    const [rows, total] = await qb.getManyAndCount();
    return { rows, total };
  }

  /** Active products matching `q` per category (no category filter), for the search's filter chips. */
  async countByCategory(q: string): Promise<Array<{ categoryId: string; count: number }>> {
    const pattern = likePattern(q);
    const rows = await this.db
      .getRepository(ProductEntity)
      .createQueryBuilder('p')
      .select('p.category_id', 'categoryId')
      .addSelect('COUNT(*)', 'n')
      .where('p.active = :active', { active: true })
      .andWhere(`(p.name ${LIKE} OR p.subtitle ${LIKE} OR p.description ${LIKE})`, { pattern })
      .groupBy('p.category_id')
      .getRawMany<{ categoryId: string; n: number | string }>();
    return rows.map((r) => ({ categoryId: r.categoryId, count: Number(r.n) }));
  }

  /**
   * Names of active products sharing the most two-character pieces with `q` (one character for a
   * one-character query): what to offer when a search found nothing, e.g. 保湿霜 → 玻尿酸保湿面霜.
   */
  async similarNames(q: string, limit: number): Promise<string[]> {
    const chars = [...q.replace(/\s+/g, '')];
    const pieces = [
      ...new Set(chars.length < 2 ? chars : chars.slice(0, -1).map((c, i) => c + chars[i + 1])),
    ].slice(0, 12);
    if (!pieces.length) return [];
    const params = Object.fromEntries(pieces.map((piece, i) => [`g${i}`, likePattern(piece)]));
    const rows = await this.db
      .getRepository(ProductEntity)
      .createQueryBuilder('p')
      .select(['p.id', 'p.name'])
      .where('p.active = :active', { active: true })
      .andWhere(`(${pieces.map((_, i) => `p.name LIKE :g${i} ESCAPE '!'`).join(' OR ')})`, params)
      .orderBy('p.id', 'ASC')
      .take(200)
      .getMany();
    return rows
      .map((r) => ({ name: r.name, hits: pieces.filter((piece) => r.name.includes(piece)).length, id: r.id }))
      .sort((a, b) => b.hits - a.hits || a.id - b.id)
      .slice(0, limit)
      .map((r) => r.name);
  }

  /** The product with this id, or null. */
  byId(id: number): Promise<ProductEntity | null> {
    return this.db.getRepository(ProductEntity).findOneBy({ id, active: true });
  }

  /** Stock rows of one product. */
  stockOf(productId: number): Promise<StockEntity[]> {
    return this.db.getRepository(StockEntity).findBy({ productId });
  }

  /** Units on hand across all stores, per product id. */
  async totalStock(productIds: number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    if (!productIds.length) return out;
    const rows = await this.db
      .getRepository(StockEntity)
      .createQueryBuilder('s')
      .select('s.product_id', 'productId')
      .addSelect('SUM(s.quantity)', 'units')
      .where('s.product_id IN (:...ids)', { ids: productIds })
      .groupBy('s.product_id')
      .getRawMany<{ productId: number | string; units: number | string }>();
    for (const r of rows) out.set(Number(r.productId), Number(r.units));
    return out;
  }

  /** All categories with their active product counts, in display order. */
  async categories(): Promise<Array<CategoryEntity & { productCount: number }>> {
    const cats = await this.db.getRepository(CategoryEntity).find({ order: { sort: 'ASC', id: 'ASC' } });
    const counts = await this.db
      .getRepository(ProductEntity)
      .createQueryBuilder('p')
      .select('p.category_id', 'categoryId')
      .addSelect('COUNT(*)', 'n')
      .where('p.active = :active', { active: true })
      .groupBy('p.category_id')
      .getRawMany<{ categoryId: string; n: number | string }>();
    const byCat = new Map(counts.map((c) => [c.categoryId, Number(c.n)]));
    return cats.map((c) => Object.assign(c, { productCount: byCat.get(c.id) ?? 0 }));
  }
}
