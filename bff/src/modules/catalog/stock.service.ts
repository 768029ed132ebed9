import { In, type DataSource, type EntityManager } from 'typeorm';
import { ConflictError } from '../../http/errors';
import { StockEntity } from './catalog.entity';

/** A quantity of one product. */
export interface StockLine {
  productId: number;
  quantity: number;
  name?: string;
}

/** Store stock changes, decided by the database through conditional updates. */
export class StockService {
  constructor(private readonly db: DataSource) {}

  /** Throws OUT_OF_STOCK when a line is plainly short now; a cheap read before the transaction decides. */
  async precheck(storeId: number, lines: StockLine[]): Promise<void> {
    const rows = await this.db
      .getRepository(StockEntity)
      .findBy({ storeId, productId: In(lines.map((l) => l.productId)) });
    const have = new Map(rows.map((r) => [r.productId, r.quantity]));
    const short = lines
      .filter((l) => (have.get(l.productId) ?? 0) < l.quantity)
      .map((l) => ({
        productId: l.productId,
        name: l.name,
        requested: l.quantity,
        available: have.get(l.productId) ?? 0,
      }));
    if (short.length) throw outOfStock(short);
  }

  /**
   * Takes `lines` from `storeId`'s stock inside the caller's transaction. Every line is tried so
   * the error names all short items; the caller's rollback undoes the ones that succeeded.
   */
  async reserve(m: EntityManager, storeId: number, lines: StockLine[]): Promise<void> {
    const short: Array<{ productId: number; name?: string; requested: number; available: number }> = [];
    // One global lock order (by product id) keeps concurrent multi-line orders from deadlocking.
    for (const l of [...lines].sort((a, b) => a.productId - b.productId)) {
      const res = await m
        .createQueryBuilder()
        .update(StockEntity)
        .set({ quantity: () => `quantity - ${Number(l.quantity)}` })
        .where('store_id = :storeId AND product_id = :productId AND quantity >= :q', {
          storeId,
          productId: l.productId,
          q: l.quantity,
        })
        .execute();
      if (res.affected !== 1) {
        const row = await m.getRepository(StockEntity).findOneBy({ storeId, productId: l.productId });
        short.push({
          productId: l.productId,
          name: l.name,
          requested: l.quantity,
          available: row?.quantity ?? 0,
        });
      }
    }
    if (short.length) {
      throw new ConflictError(
        'OUT_OF_STOCK',
        `库存不足: ${short.map((s) => s.name ?? s.productId).join('、')}`,
        {
          items: short,
        },
      );
    }
  }

  /** Puts `lines` back into `storeId`'s stock. */
  async release(m: EntityManager, storeId: number, lines: StockLine[]): Promise<void> {
    for (const l of [...lines].sort((a, b) => a.productId - b.productId)) {
      await m
        .createQueryBuilder()
        .update(StockEntity)
        .set({ quantity: () => `quantity + ${Number(l.quantity)}` })
        .where('store_id = :storeId AND product_id = :productId', { storeId, productId: l.productId })
        .execute();
    }
  }
}

function outOfStock(
  short: Array<{ productId: number; name?: string; requested: number; available: number }>,
): ConflictError {
  return new ConflictError(
    'OUT_OF_STOCK',
    `库存不足: ${short.map((s) => s.name ?? s.productId).join('、')}`,
    { items: short },
  );
}
