import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AppError, ConflictError } from '../../http/errors';

/** A row an admin edits: an integer id and a version bumped by every write. */
export interface Versioned extends ObjectLiteral {
  id: number;
  version: number;
}

/** 409 VERSION_CONFLICT: someone saved the record since the caller read it; `details.current` is it now. */
export class VersionConflictError extends ConflictError {
  constructor(current: unknown) {
    super('VERSION_CONFLICT', '该记录已被他人修改，请刷新后再试', { current });
  }
}

/**
 * Applies `patch` to row `id` if its version is still `version` (when given), bumping the version
 * in the same conditional UPDATE, so two admins can never overwrite each other silently. Run it
 * inside a transaction; answers the row before and after for the audit log.
 */
export async function updateVersioned<E extends Versioned>(
  m: EntityManager,
  target: EntityTarget<E>,
  id: number,
  version: number | undefined,
  patch: Partial<E>,
  opts: { notFound: () => AppError; current: (row: E) => unknown },
): Promise<{ before: E; after: E }> {
  const repo = m.getRepository(target);
  const before = await repo.findOneBy({ id } as never);
  if (!before) throw opts.notFound();
  if (version !== undefined && before.version !== version)
    throw new VersionConflictError(opts.current(before));
  const res = await m
    .createQueryBuilder()
    .update(target)
    .set({ ...patch, version: () => 'version + 1' } as never)
    .where('id = :id AND version = :v', { id, v: before.version })
    .execute();
  const after = await repo.findOneBy({ id } as never);
  if (!after) throw opts.notFound();
  if (res.affected !== 1) throw new VersionConflictError(opts.current(after));
  return { before, after };
}
