import { In, type DataSource, type EntityManager } from 'typeorm';
import type {
  AdminCase,
  AdminCaseAction,
  AdminCaseActionBody,
  AdminCaseAssignBody,
  AdminCaseListQuery,
  AdminCaseListResponse,
  CaseStatus,
  MemberItem,
} from '@omni/shared-types';
import type { Clock } from '../../clock';
import { likeAnywhere } from '../../db/like';
import type { TxRunner } from '../../db/tx';
import type { Principal } from '../../http/context';
import { ConflictError, NotFoundError, UnprocessableError } from '../../http/errors';
import { assertStoreAccess, storeScopeOf } from '../../http/permissions';
import type { AuditActor, AuditService } from '../audit/audit.service';
import { VersionConflictError } from '../audit/versioned';
import type { MembersService } from '../members/members.service';
import { OrderEntity } from '../orders/order.entity';
import { StoreEntity } from '../stores/store.entity';
import { CaseEntity } from './aftersales.entity';
import type { AftersalesService } from './aftersales.service';

const CLOSED: CaseStatus[] = ['resolved', 'rejected'];
/** Roles a case may be assigned to: the people working in its store. */
const ASSIGNABLE = new Set(['staff', 'store_manager']);
const notFound = () => new NotFoundError('CASE_NOT_FOUND', '售后单不存在');

/**
 * The back office's after-sales queue: admins see every store, a store manager its own (others
 * 404). Decisions go through AftersalesService.act — the same states and refund path the store
 * staff use — and each one, like an assignment, is audited in its own transaction.
 */
export class AftersalesAdminService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      cases: AftersalesService;
      members: MembersService;
      audit: AuditService;
      clock: Clock;
    },
  ) {}

  /** One page of the queue, filtered; every item with its SLA countdown and assignee. */
  async list(p: Principal, q: AdminCaseListQuery): Promise<AdminCaseListResponse> {
    const scope = storeScopeOf(p);
    const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    if (scope && q.storeId && !scope.includes(q.storeId)) return empty;
    const qb = this.deps.db.getRepository(CaseEntity).createQueryBuilder('c');
    const stores = q.storeId ? [q.storeId] : scope;
    if (stores) qb.andWhere('c.storeId IN (:...stores)', { stores: stores.length ? stores : [-1] });
    if (q.status) qb.andWhere('c.status IN (:...status)', { status: q.status });
    if (q.type) qb.andWhere('c.type = :type', { type: q.type });
    if (q.orderId) qb.andWhere('c.orderId = :orderId', { orderId: q.orderId });
    if (q.assigneeId === 'none') qb.andWhere('c.assigneeId IS NULL');
    else if (q.assigneeId) qb.andWhere('c.assigneeId = :assignee', { assignee: q.assigneeId });
    if (q.overdue) {
      const late = 'c.status NOT IN (:...closed) AND c.slaDueAt < :now';
      qb.andWhere(q.overdue === 'true' ? `(${late})` : `NOT (${late})`, {
        closed: CLOSED,
        now: this.deps.clock.now(),
      });
    }
    if (q.q) {
      const orders = qb
        .subQuery()
        .select('o.id')
        .from(OrderEntity, 'o')
        .where("o.orderNo LIKE :like ESCAPE '!'")
        .getQuery();
      qb.andWhere(`(c.caseNo LIKE :like ESCAPE '!' OR c.orderId IN ${orders})`, {
        like: likeAnywhere(q.q),
      });
    }
    if (q.sort === 'sla') qb.orderBy('c.slaDueAt', 'ASC').addOrderBy('c.id', 'ASC');
    else qb.orderBy('c.id', 'DESC');
    const [rows, total] = await qb
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: await this.toAdmin(rows), total, page: q.page, pageSize: q.pageSize };
  }

  /** One case of a store the caller may see, or 404. */
  async get(p: Principal, id: number): Promise<AdminCase> {
    return (await this.toAdmin([await this.entityFor(p, id)]))[0];
  }

  /** approve / reject / progress / resolve, as the store staff would, audited as `aftersales`. */
  async act(
    actor: AuditActor,
    id: number,
    action: AdminCaseAction,
    body: AdminCaseActionBody,
  ): Promise<AdminCase> {
    const p = actor.principal;
    const c = await this.entityFor(p, id);
    if (body.version !== undefined && c.version !== body.version) throw await this.conflict(p, id);
    try {
      await this.deps.cases.act(p, id, action, body.note, {
        version: body.version,
        inTx: (m, change) =>
          this.deps.audit.record(m, actor, {
            action,
            entity: 'aftersales',
            entityId: id,
            before: { status: change.from },
            after: { status: change.to, note: change.note },
          }),
      });
    } catch (err) {
      // Changed between the check above and the conditional update: the console needs the record as it sees it.
      if (err instanceof VersionConflictError) throw await this.conflict(p, id);
      throw err;
    }
    return this.get(p, id);
  }

  /**
   * Hands the case to `assigneeId`, an enabled staff member or manager of the case's store
   * (422 ASSIGNEE_INVALID otherwise); a closed case cannot be assigned (409 INVALID_STATE).
   */
  async assign(actor: AuditActor, id: number, body: AdminCaseAssignBody): Promise<AdminCase> {
    const p = actor.principal;
    const c = await this.entityFor(p, id);
    const [member] = await this.deps.members.byIds([body.assigneeId]);
    if (!member || member.storeId !== c.storeId || !ASSIGNABLE.has(member.role) || member.disabled) {
      throw new UnprocessableError('ASSIGNEE_INVALID', '只能指派给本店在职的店员或店长', {
        fields: [{ path: 'assigneeId', message: '只能指派给本店在职的店员或店长' }],
      });
    }
    await this.deps.tx.run(async (m) => {
      const now = await m.getRepository(CaseEntity).findOneByOrFail({ id });
      if (body.version !== undefined && now.version !== body.version) {
        throw new VersionConflictError((await this.toAdmin([now], m))[0]);
      }
      if (CLOSED.includes(now.status)) throw new ConflictError('INVALID_STATE', '售后单已结束，不能再指派');
      const res = await m
        .createQueryBuilder()
        .update(CaseEntity)
        .set({
          assigneeId: member.id,
          assignedAt: this.deps.clock.now(),
          updatedAt: this.deps.clock.now(),
          version: () => 'version + 1',
        })
        .where('id = :id AND version = :v', { id, v: now.version })
        .execute();
      if (res.affected !== 1) {
        const after = await m.getRepository(CaseEntity).findOneByOrFail({ id });
        throw new VersionConflictError((await this.toAdmin([after], m))[0]);
      }
      await this.deps.audit.record(m, actor, {
        action: 'assign',
        entity: 'aftersales',
        entityId: id,
        before: {
          assigneeId: now.assigneeId,
          assigneeName:
            now.assigneeId === null
              ? null
              : ((await this.deps.members.byIds([now.assigneeId], m))[0]?.displayName ?? null),
        },
        after: { assigneeId: member.id, assigneeName: member.displayName },
      });
    });
    return this.get(p, id);
  }

  private async conflict(p: Principal, id: number): Promise<VersionConflictError> {
    return new VersionConflictError(await this.get(p, id));
  }

  private async entityFor(p: Principal, id: number): Promise<CaseEntity> {
    const c = await this.deps.db.getRepository(CaseEntity).findOneBy({ id });
    if (!c) throw notFound();
    assertStoreAccess(p, c.storeId, notFound);
    return c;
  }

  /** The customer-visible case plus store name, SLA countdown (seconds), assignee and version. */
  private async toAdmin(rows: CaseEntity[], m: EntityManager = this.deps.db.manager): Promise<AdminCase[]> {
    if (!rows.length) return [];
    const assigneeIds = rows.map((r) => r.assigneeId).filter((x): x is number => x !== null);
    const [base, members, stores] = await Promise.all([
      this.deps.cases.toDtos(rows),
      this.deps.members.byIds(assigneeIds, m),
      m.getRepository(StoreEntity).find({
        where: { id: In([...new Set(rows.map((r) => r.storeId))]) },
        select: { id: true, name: true },
      }),
    ]);
    const memberById = new Map<number, MemberItem>(members.map((x) => [x.id, x]));
    const now = this.deps.clock.now().getTime();
    return rows.map((c, i) => {
      const who = c.assigneeId === null ? undefined : memberById.get(c.assigneeId);
      return {
        ...base[i],
        storeName: stores.find((s) => s.id === c.storeId)?.name ?? '',
        slaRemainingS: CLOSED.includes(c.status) ? null : Math.floor((c.slaDueAt.getTime() - now) / 1000),
        assignee: who
          ? { id: who.id, userId: who.userId, role: who.role, name: who.displayName, disabled: who.disabled }
          : null,
        assignedAt: c.assignedAt?.toISOString() ?? null,
        updatedAt: c.updatedAt.toISOString(),
        version: c.version,
      };
    });
  }
}
