import { In, Raw, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { BoundRole, MemberItem, MemberListQuery, MemberListResponse, Role } from '@omni/shared-types';
import type { Clock } from '../../clock';
import { likeAnywhere } from '../../db/like';
import type { TxRunner } from '../../db/tx';
import { isUniqueViolation } from '../../db/tx';
import type { Principal } from '../../http/context';
import { AppError, ForbiddenError, NotFoundError } from '../../http/errors';
import { storeScopeOf } from '../../http/permissions';
import type { AuditActor, AuditService } from '../audit/audit.service';
import { updateVersioned } from '../audit/versioned';
import { StoreEntity } from '../stores/store.entity';
import { UserEntity } from '../users/user.entity';
import { UserRoleEntity } from './member.entity';

/** What binding one role to an identity sets. */
export interface Binding {
  userId: number;
  role: Exclude<Role, 'consumer'>;
  storeId: number | null;
  courierId: number | null;
  displayName: string;
}

const memberNotFound = () => new NotFoundError('MEMBER_NOT_FOUND', '成员不存在');
/** 403 MEMBER_DISABLED: the role exists but an admin switched it off. */
export const memberDisabled = () => new AppError(403, 'MEMBER_DISABLED', '该身份已停用，请联系店长');

/** Roles a store manager may manage in its own store (not other managers, not admins). */
const MANAGER_MAY_MANAGE: readonly Role[] = ['staff', 'courier'];

async function storeNames(m: EntityManager, ids: Array<number | null>): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (!wanted.length) return new Map();
  const rows = await m
    .getRepository(StoreEntity)
    .find({ where: { id: In(wanted) }, select: { id: true, name: true } });
  return new Map(rows.map((s) => [s.id, s.name]));
}

function toMember(e: UserRoleEntity, names: Map<number, string>): MemberItem {
  return {
    id: e.id,
    userId: e.userId,
    role: e.role,
    storeId: e.storeId,
    storeName: e.storeId === null ? null : (names.get(e.storeId) ?? null),
    courierId: e.courierId,
    name: e.displayName,
    displayName: e.displayName,
    disabled: e.disabled,
    createdAt: e.createdAt.toISOString(),
    version: e.version,
  };
}

function toBound(e: UserRoleEntity, names: Map<number, string>): BoundRole {
  const { id, role, storeId, storeName, courierId, displayName, disabled } = toMember(e, names);
  return { id, role, storeId, storeName, courierId, displayName, disabled };
}

/** The record fields the audit log keeps of a member. */
function auditView(e: UserRoleEntity): Record<string, unknown> {
  const { id, userId, role, storeId, courierId, displayName, disabled } = e;
  return { id, userId, role, storeId, courierId, displayName, disabled };
}

/**
 * Members: the roles bound to WeChat identities (several per identity), listed, disabled and
 * re-enabled from the back office. Disabling bumps the identity's token version, so every token it
 * holds dies on the next request.
 */
export class MembersService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      audit: AuditService;
      clock: Clock;
      /** Called after a member was disabled (the container drops the identity's sockets). */
      onDisabled?: (userId: number) => void;
    },
  ) {}

  /** Every role bound to identity `userId` (disabled ones too, flagged), oldest first. */
  async rolesOf(userId: number, m: EntityManager = this.deps.db.manager): Promise<BoundRole[]> {
    const rows = await m.getRepository(UserRoleEntity).find({ where: { userId }, order: { id: 'ASC' } });
    const names = await storeNames(
      m,
      rows.map((r) => r.storeId),
    );
    return rows.map((r) => toBound(r, names));
  }

  /**
   * Binds `b` inside `m`: a new row, or the identity's existing row of that role moved to the new
   * store/courier/name and enabled again (an admin who re-invites means it). Unique per identity and role.
   */
  async bind(
    m: EntityManager,
    b: Binding,
  ): Promise<{ before: UserRoleEntity | null; after: UserRoleEntity }> {
    const repo = m.getRepository(UserRoleEntity);
    const before = await repo.findOneBy({ userId: b.userId, role: b.role });
    if (!before) {
      const after = await repo.save(
        repo.create({ ...b, disabled: false, createdAt: this.deps.clock.now(), version: 1 }),
      );
      return { before: null, after };
    }
    const snapshot = { ...before };
    await repo.update(
      { id: before.id, version: before.version },
      {
        storeId: b.storeId,
        courierId: b.courierId,
        displayName: b.displayName,
        disabled: false,
        version: () => 'version + 1',
      },
    );
    return { before: snapshot, after: await repo.findOneByOrFail({ id: before.id }) };
  }

  /**
   * The dev login's binding (ALLOW_DEV_LOGIN only): the role exists afterwards, so the token check
   * accepts its tokens; a role an admin disabled stays disabled (403 MEMBER_DISABLED).
   */
  async ensureDevBinding(b: Binding): Promise<void> {
    const repo = this.deps.db.getRepository(UserRoleEntity);
    const found = await repo.findOneBy({ userId: b.userId, role: b.role });
    if (found?.disabled) throw memberDisabled();
    if (found && found.storeId === b.storeId && found.courierId === b.courierId) return;
    try {
      await this.deps.tx.run((m) => this.bind(m, b));
    } catch (err) {
      // Two dev logins of one identity at once: the unique key decides, and both bound the same.
      if (!isUniqueViolation(err)) throw err;
    }
  }

  /** Back-office list, newest first; a store manager sees only its own store's members. */
  async list(p: Principal, q: MemberListQuery): Promise<MemberListResponse> {
    const scope = storeScopeOf(p);
    if (scope && q.storeId && !scope.includes(q.storeId)) {
      return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    }
    const where: FindOptionsWhere<UserRoleEntity> = {};
    if (q.role) where.role = q.role;
    if (q.disabled) where.disabled = q.disabled === 'true';
    if (q.storeId) where.storeId = q.storeId;
    else if (scope) where.storeId = In(scope.length ? scope : [-1]);
    if (q.q) where.displayName = Raw((col) => `${col} LIKE :like ESCAPE '!'`, { like: likeAnywhere(q.q) });
    const repo = this.deps.db.getRepository(UserRoleEntity);
    const [rows, total] = await repo.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    const names = await storeNames(
      this.deps.db.manager,
      rows.map((r) => r.storeId),
    );
    return { items: rows.map((r) => toMember(r, names)), total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * Disables or re-enables member `id` (a `user_roles` id), audited in the same transaction.
   * Either way the identity's token version moves on: a disabled role's tokens die at once, and
   * a token of a role that was switched back on is a fresh login's.
   */
  async setDisabled(actor: AuditActor, id: number, disabled: boolean, version?: number): Promise<MemberItem> {
    const p = actor.principal;
    const row = await this.deps.tx.run(async (m) => {
      const current = await m.getRepository(UserRoleEntity).findOneBy({ id });
      if (!current) throw memberNotFound();
      this.assertManages(p, current);
      const { before, after } = await updateVersioned(
        m,
        UserRoleEntity,
        id,
        version,
        { disabled },
        {
          notFound: memberNotFound,
          current: (r) => toMember(r, new Map()),
        },
      );
      if (before.disabled !== disabled) {
        await m
          .getRepository(UserEntity)
          .update({ id: after.userId }, { tokenVersion: () => 'token_version + 1' });
      }
      await this.deps.audit.record(m, actor, {
        action: disabled ? 'disable' : 'enable',
        entity: 'member',
        entityId: id,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
    if (disabled) this.deps.onDisabled?.(row.userId);
    return toMember(row, await storeNames(this.deps.db.manager, [row.storeId]));
  }

  /** Members by `user_roles` id (missing ids are left out), to name who a record is assigned to. */
  async byIds(ids: number[], m: EntityManager = this.deps.db.manager): Promise<MemberItem[]> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return [];
    const rows = await m.getRepository(UserRoleEntity).findBy({ id: In(wanted) });
    const names = await storeNames(
      m,
      rows.map((r) => r.storeId),
    );
    return rows.map((r) => toMember(r, names));
  }

  /** Admins manage every member; a store manager only staff and couriers of its own store (404 otherwise). */
  private assertManages(p: Principal, row: UserRoleEntity): void {
    if (p.role === 'admin') return;
    if (p.role !== 'store_manager' || row.storeId === null || row.storeId !== p.storeId)
      throw memberNotFound();
    if (!MANAGER_MAY_MANAGE.includes(row.role)) throw new ForbiddenError('店长只能管理本店店员和骑手');
  }
}
