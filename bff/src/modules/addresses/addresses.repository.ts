import { IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import type { DbKind } from '../../db/data-source';
import { AddressEntity } from './address.entity';

/** The stored fields of a new address. */
export type NewAddress = Omit<AddressEntity, 'id'>;

/** Reads and writes the `addresses` table; writes take the caller's transaction. */
export class AddressesRepository {
  constructor(private readonly deps: { db: DataSource; dbKind: DbKind }) {}

  /** A user's addresses: the default first, then the most recently used or added. */
  async listOf(userId: number): Promise<AddressEntity[]> {
    return sortBook(await this.deps.db.getRepository(AddressEntity).findBy({ userId }));
  }

  /** The user's address `id`, or null (also when it belongs to someone else). */
  findOwned(userId: number, id: number, m?: EntityManager): Promise<AddressEntity | null> {
    return (m ?? this.deps.db.manager).getRepository(AddressEntity).findOneBy({ id, userId });
  }

  /**
   * Every address of the user, row-locked until the transaction ends, so that concurrent
   * changes to one address book (limit, default) run one after the other. SQLite transactions
   * are already serialised by the TxRunner.
   */
  lockBook(m: EntityManager, userId: number): Promise<AddressEntity[]> {
    const qb = m
      .getRepository(AddressEntity)
      .createQueryBuilder('a')
      .where('a.user_id = :userId', { userId });
    if (this.deps.dbKind === 'mysql') qb.setLock('pessimistic_write');
    return qb.getMany();
  }

  /** Inserts an address and returns it with its id. */
  insert(m: EntityManager, row: NewAddress): Promise<AddressEntity> {
    return m.getRepository(AddressEntity).save(m.getRepository(AddressEntity).create(row));
  }

  /** Changes the given fields of one of the user's addresses. */
  async update(m: EntityManager, userId: number, id: number, patch: Partial<NewAddress>): Promise<void> {
    await m.getRepository(AddressEntity).update({ id, userId }, patch);
  }

  /** Deletes one of the user's addresses. */
  async delete(m: EntityManager, userId: number, id: number): Promise<void> {
    await m.getRepository(AddressEntity).delete({ id, userId });
  }

  /** Clears the user's default (before another one is set, so the unique key never sees two). */
  async clearDefault(m: EntityManager, userId: number, now: Date): Promise<void> {
    await m
      .getRepository(AddressEntity)
      .update({ userId, defaultUserId: Not(IsNull()) }, { defaultUserId: null, updatedAt: now });
  }

  /** Makes `id` the user's default; the caller cleared the old one in the same transaction. */
  async setDefault(m: EntityManager, userId: number, id: number, now: Date): Promise<void> {
    await m.getRepository(AddressEntity).update({ id, userId }, { defaultUserId: userId, updatedAt: now });
  }

  /** Records that an order used the address; false when it is not the user's. */
  async markUsed(m: EntityManager, userId: number, id: number, at: Date): Promise<boolean> {
    const r = await m.getRepository(AddressEntity).update({ id, userId }, { lastUsedAt: at });
    return (r.affected ?? 0) > 0;
  }
}

/** When an address was last used, or else added, in ms. */
export function recencyMs(a: AddressEntity): number {
  return (a.lastUsedAt ?? a.createdAt).getTime();
}

/** The default first, then by recency (newest first), then by id (newest first). */
export function sortBook(rows: AddressEntity[]): AddressEntity[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.defaultUserId !== null) - Number(a.defaultUserId !== null) ||
      recencyMs(b) - recencyMs(a) ||
      b.id - a.id,
  );
}
