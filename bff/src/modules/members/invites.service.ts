import {
  In,
  LessThanOrEqual,
  MoreThan,
  type DataSource,
  type EntityManager,
  type FindOptionsWhere,
} from 'typeorm';
import {
  INVITE_DEFAULT_TTL_H,
  type AcceptInviteBody,
  type CreateInviteBody,
  type CreateInviteResponse,
  type InviteItem,
  type InviteListQuery,
  type InviteListResponse,
  type RoleLoginResponse,
} from '@omni/shared-types';
import type { Clock } from '../../clock';
import { isUniqueViolation, type TxRunner } from '../../db/tx';
import type { Principal } from '../../http/context';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../http/errors';
import { storeScopeOf } from '../../http/permissions';
import type { AuditActor, AuditService } from '../audit/audit.service';
import { updateVersioned } from '../audit/versioned';
import type { AuthService } from '../auth/auth.service';
import { CourierEntity, StoreEntity } from '../stores/store.entity';
import { InviteEntity } from './member.entity';
import type { MembersService } from './members.service';
import { inviteCodeHash, inviteScene, newInviteCode } from './invite-code';

const inviteNotFound = () => new NotFoundError('INVITE_NOT_FOUND', '邀请码无效，请核对后重试');
const storeNotFound = () => new NotFoundError('STORE_NOT_FOUND', '门店不存在');

/** Why invite `e` cannot be accepted at `now`, or null when it can. */
function refusal(e: InviteEntity, now: Date): AppError | null {
  if (e.status === 'revoked') return new AppError(410, 'INVITE_REVOKED', '邀请码已撤销，请联系店长');
  if (e.status === 'spent') return new ConflictError('INVITE_SPENT', '邀请码已被使用');
  if (e.expiresAt.getTime() <= now.getTime())
    return new AppError(410, 'INVITE_EXPIRED', '邀请码已过期，请联系店长重新邀请');
  return null;
}

/** The fields of an invite the audit log keeps (never the code or its hash). */
function auditView(e: InviteEntity): Record<string, unknown> {
  const { id, role, storeId, courierId, displayName, status, expiresAt, memberId } = e;
  return { id, role, storeId, courierId, displayName, status, expiresAt, memberId };
}

/** Sensible defaults of a courier record made by accepting an invite (the store edits them later). */
const NEW_COURIER = {
  phone: '',
  vehicle: 'ebike',
  capacityL: 50,
  shiftStart: '09:00',
  shiftEnd: '21:00',
} as const;

/**
 * Invites: an admin (any store) or a store manager (its own store; staff and couriers only)
 * creates a single-use code; whoever accepts it first with a WeChat login code holds the role.
 */
export class InvitesService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      auth: AuthService;
      members: MembersService;
      audit: AuditService;
      clock: Clock;
    },
  ) {}

  /** `POST /admin/invites`: the code is in this answer only. */
  async create(actor: AuditActor, body: CreateInviteBody): Promise<CreateInviteResponse> {
    const p = actor.principal;
    if (p.role === 'store_manager' && body.role === 'store_manager')
      throw new ForbiddenError('店长只能邀请本店店员和骑手');
    if (body.courierId && body.role !== 'courier') {
      throw new ValidationError('只有骑手邀请可以指定 courierId', [
        { path: 'courierId', message: `not allowed for ${body.role}` },
      ]);
    }
    const { storeId, courierId } = await this.targetOf(p, body);
    const now = this.deps.clock.now();
    const expiresAt = new Date(now.getTime() + (body.ttlH ?? INVITE_DEFAULT_TTL_H) * 3600_000);
    for (let attempt = 1; ; attempt++) {
      const code = newInviteCode();
      try {
        const saved = await this.deps.tx.run(async (m) => {
          const row = await m.getRepository(InviteEntity).save(
            m.getRepository(InviteEntity).create({
              codeHash: inviteCodeHash(code),
              role: body.role,
              storeId,
              courierId,
              displayName: body.name,
              status: 'pending',
              expiresAt,
              createdAt: now,
              createdById: p.userId,
              createdByKind: p.kind ?? 'wechat',
              spentAt: null,
              memberId: null,
              version: 1,
            }),
          );
          await this.deps.audit.record(m, actor, {
            action: 'create',
            entity: 'invite',
            entityId: row.id,
            after: auditView(row),
          });
          return row;
        });
        return {
          id: saved.id,
          code,
          expiresAt: expiresAt.toISOString(),
          scene: inviteScene(code),
          role: saved.role,
          storeId,
          name: saved.displayName,
        };
      } catch (err) {
        // Two equal random codes (about one in a trillion): draw again.
        if (!isUniqueViolation(err) || attempt >= 3) throw err;
      }
    }
  }

  /**
   * The store (and courier record) an invite is for. A store manager's is its own store (another
   * store → 404); staff and managers need one; a courier invite without one goes to the named
   * courier's store, or the first active store that delivers.
   */
  private async targetOf(
    p: Principal,
    body: CreateInviteBody,
  ): Promise<{ storeId: number; courierId: number | null }> {
    const db = this.deps.db;
    let courier: CourierEntity | null = null;
    if (body.courierId) {
      courier = await db.getRepository(CourierEntity).findOneBy({ id: body.courierId });
      if (!courier || (p.role === 'store_manager' && courier.storeId !== p.storeId))
        throw new NotFoundError('COURIER_NOT_FOUND', '骑手不存在');
      if (body.storeId && body.storeId !== courier.storeId) {
        throw new ValidationError('骑手不属于该门店', [
          { path: 'storeId', message: 'not the courier’s store' },
        ]);
      }
    }
    let storeId = body.storeId ?? courier?.storeId ?? null;
    if (p.role === 'store_manager') {
      if (p.storeId === null) throw new ForbiddenError('店长账号未关联门店');
      if (storeId !== null && storeId !== p.storeId) throw storeNotFound();
      storeId = p.storeId;
    }
    if (storeId === null) {
      if (body.role !== 'courier') {
        throw new ValidationError('店员和店长邀请需要 storeId', [
          { path: 'storeId', message: `required for ${body.role}` },
        ]);
      }
      const active = await db
        .getRepository(StoreEntity)
        .find({ where: { active: true }, order: { id: 'ASC' } });
      const store = active.find((s) => s.services.includes('delivery')) ?? active[0];
      if (!store) throw storeNotFound();
      storeId = store.id;
    } else if (!(await db.getRepository(StoreEntity).existsBy({ id: storeId }))) throw storeNotFound();
    return { storeId, courierId: courier?.id ?? null };
  }

  /** `GET /admin/invites`, newest first; a store manager sees its own store's only. */
  async list(p: Principal, q: InviteListQuery): Promise<InviteListResponse> {
    const scope = storeScopeOf(p);
    if (scope && q.storeId && !scope.includes(q.storeId)) {
      return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    }
    const now = this.deps.clock.now();
    const where: FindOptionsWhere<InviteEntity> = {};
    if (q.storeId) where.storeId = q.storeId;
    else if (scope) where.storeId = In(scope.length ? scope : [-1]);
    if (q.status === 'pending') Object.assign(where, { status: 'pending', expiresAt: MoreThan(now) });
    else if (q.status === 'expired')
      Object.assign(where, { status: 'pending', expiresAt: LessThanOrEqual(now) });
    else if (q.status) where.status = q.status;
    const [rows, total] = await this.deps.db.getRepository(InviteEntity).findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    const stores = rows.length
      ? await this.deps.db.getRepository(StoreEntity).find({
          where: { id: In([...new Set(rows.map((r) => r.storeId))]) },
          select: { id: true, name: true },
        })
      : [];
    const names = new Map(stores.map((s) => [s.id, s.name]));
    return { items: rows.map((r) => this.toItem(r, names, now)), total, page: q.page, pageSize: q.pageSize };
  }

  /** `POST /admin/invites/:id/revoke`: a pending (or expired) invite can no longer be accepted. */
  async revoke(actor: AuditActor, id: number, version?: number): Promise<InviteItem> {
    const p = actor.principal;
    const row = await this.deps.tx.run(async (m) => {
      const current = await m.getRepository(InviteEntity).findOneBy({ id });
      if (!current) throw inviteNotFound();
      const scope = storeScopeOf(p);
      if (scope && !scope.includes(current.storeId)) throw inviteNotFound();
      if (p.role === 'store_manager' && current.role === 'store_manager')
        throw new ForbiddenError('店长只能撤销本店店员和骑手的邀请');
      if (current.status !== 'pending')
        throw new ConflictError(
          'INVALID_STATE',
          current.status === 'spent' ? '邀请码已被使用' : '邀请码已撤销',
        );
      const { before, after } = await updateVersioned(
        m,
        InviteEntity,
        id,
        version,
        { status: 'revoked' },
        {
          notFound: inviteNotFound,
          current: (r) => this.toItem(r, new Map(), this.deps.clock.now()),
        },
      );
      if (before.status !== 'pending') throw new ConflictError('INVALID_STATE', '邀请码已被使用或撤销');
      await this.deps.audit.record(m, actor, {
        action: 'revoke',
        entity: 'invite',
        entityId: id,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
    return this.toItem(row, new Map(), this.deps.clock.now());
  }

  /**
   * `POST /auth/invite/accept`: the WeChat identity behind `wxCode` holds the invite's role from
   * now on, and the code is spent by one conditional UPDATE (of two accepts, one wins; the other
   * gets 409 INVITE_SPENT). Answers a token for the bound role.
   */
  async accept(body: AcceptInviteBody, requestId?: string): Promise<RoleLoginResponse> {
    const hash = inviteCodeHash(body.code);
    const first = await this.deps.db.getRepository(InviteEntity).findOneBy({ codeHash: hash });
    if (!first) throw inviteNotFound();
    const early = refusal(first, this.deps.clock.now());
    if (early) throw early;
    const user = await this.deps.auth.identify(body.wxCode);
    await this.deps.tx.run(async (m) => {
      const now = this.deps.clock.now();
      const res = await m
        .createQueryBuilder()
        .update(InviteEntity)
        .set({ status: 'spent', spentAt: now, version: () => 'version + 1' })
        .where('id = :id AND status = :pending AND expires_at > :now', {
          id: first.id,
          pending: 'pending',
          now,
        })
        .execute();
      if (res.affected !== 1) {
        const again = await m.getRepository(InviteEntity).findOneByOrFail({ id: first.id });
        throw refusal(again, now) ?? new ConflictError('INVITE_SPENT', '邀请码已被使用');
      }
      const invite = await m.getRepository(InviteEntity).findOneByOrFail({ id: first.id });
      const courierId = invite.role === 'courier' ? await this.courierFor(m, invite, user.id) : null;
      const { after: member } = await this.deps.members.bind(m, {
        userId: user.id,
        role: invite.role,
        storeId: invite.storeId,
        courierId,
        displayName: invite.displayName,
      });
      await m.getRepository(InviteEntity).update({ id: invite.id }, { memberId: member.id, courierId });
      const principal: Principal = {
        userId: user.id,
        role: invite.role,
        storeId: invite.storeId,
        courierId,
        kind: 'wechat',
      };
      await this.deps.audit.record(
        m,
        { principal, requestId },
        {
          action: 'accept',
          entity: 'invite',
          entityId: invite.id,
          before: auditView(first),
          after: { ...auditView(invite), memberId: member.id, courierId, userId: user.id },
        },
      );
    });
    return this.deps.auth.issueFor(user, first.role);
  }

  /**
   * The courier record a courier invite binds: the one it names, else the one this identity
   * already drives for that store, else a new one in the invite's store with default vehicle and shift.
   */
  private async courierFor(m: EntityManager, invite: InviteEntity, userId: number): Promise<number> {
    const repo = m.getRepository(CourierEntity);
    if (invite.courierId) {
      const named = await repo.findOneBy({ id: invite.courierId });
      if (!named) throw new NotFoundError('COURIER_NOT_FOUND', '骑手不存在');
      return named.id;
    }
    const held = (await this.deps.members.rolesOf(userId, m)).find((r) => r.role === 'courier');
    if (held?.courierId) {
      const own = await repo.findOneBy({ id: held.courierId });
      if (own && own.storeId === invite.storeId) return own.id;
    }
    const created = await repo.save(
      repo.create({
        ...NEW_COURIER,
        code: `INV-${invite.id}`,
        name: invite.displayName,
        storeId: invite.storeId,
      }),
    );
    return created.id;
  }

  private toItem(e: InviteEntity, names: Map<number, string>, now: Date): InviteItem {
    const expired = e.status === 'pending' && e.expiresAt.getTime() <= now.getTime();
    return {
      id: e.id,
      role: e.role,
      storeId: e.storeId,
      storeName: names.get(e.storeId) ?? null,
      courierId: e.courierId,
      name: e.displayName,
      status: expired ? 'expired' : e.status,
      expiresAt: e.expiresAt.toISOString(),
      createdAt: e.createdAt.toISOString(),
      spentAt: e.spentAt?.toISOString() ?? null,
      memberId: e.memberId,
      version: e.version,
    };
  }
}
