import {
  Between,
  LessThanOrEqual,
  MoreThanOrEqual,
  type DataSource,
  type EntityManager,
  type FindOptionsWhere,
} from 'typeorm';
import type { AuditItem, AuditListResponse, AuditQuery } from '@omni/shared-types';
import type { Clock } from '../../clock';
import type { AppState, Principal } from '../../http/context';
import { UnauthenticatedError } from '../../http/errors';
import { AuditEntity } from './audit.entity';

/** Who made an admin-side write, and under which request. */
export interface AuditActor {
  principal: Principal;
  requestId?: string;
}

/** One write to record; `before`/`after` are the record's plain fields (reduced to what changed). */
export interface AuditChange {
  action: string;
  entity: string;
  entityId: string | number;
  before?: object | null;
  after?: object | null;
}

/** Field names whose values never reach the log, whatever the entity. */
const SECRET_FIELDS = /password|secret|hash|token|totp|codehash/i;
/** Bookkeeping fields that change on every write and say nothing. */
const NOISE_FIELDS = new Set(['version', 'updatedAt', 'updated_at']);

function plain(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  return v;
}

function redact(o: object | null | undefined): Record<string, unknown> | null {
  if (!o) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'function' || v === undefined) continue;
    out[k] = SECRET_FIELDS.test(k) ? '[redacted]' : plain(v);
  }
  return out;
}

/**
 * The changed fields of an update: `before` and `after` keep only keys whose values differ
 * (compared as JSON), so the log says what moved, not the whole record. Creates (no `before`)
 * and deletes (no `after`) keep every field.
 */
export function changedFields(
  before: object | null | undefined,
  after: object | null | undefined,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  const b = redact(before);
  const a = redact(after);
  if (!b || !a) return { before: b, after: a };
  const ob: Record<string, unknown> = {};
  const oa: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (NOISE_FIELDS.has(k)) continue;
    if (JSON.stringify(b[k]) === JSON.stringify(a[k])) continue;
    ob[k] = b[k] ?? null;
    oa[k] = a[k] ?? null;
  }
  return { before: ob, after: oa };
}

function toItem(e: AuditEntity): AuditItem {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorKind: e.actorKind,
    role: e.role,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
    requestId: e.requestId,
  };
}

/** The append-only log of admin-side writes. */
export class AuditService {
  constructor(private readonly deps: { db: DataSource; clock: Clock }) {}

  /** Appends one entry through `m`: call it inside the transaction of the change. */
  async record(m: EntityManager, actor: AuditActor, change: AuditChange): Promise<void> {
    const { before, after } = changedFields(change.before, change.after);
    // save(), not insert(): insert's deep-partial type does not take a JSON record.
    await m.getRepository(AuditEntity).save({
      at: this.deps.clock.now(),
      actorId: actor.principal.userId,
      actorKind: actor.principal.kind ?? 'wechat',
      role: actor.principal.role,
      action: change.action,
      entity: change.entity,
      entityId: String(change.entityId),
      before,
      after,
      requestId: actor.requestId ?? null,
    });
  }

  /** Newest first, filtered by entity, record, actor and time. */
  async list(q: AuditQuery): Promise<AuditListResponse> {
    const where: FindOptionsWhere<AuditEntity> = {};
    if (q.entity) where.entity = q.entity;
    if (q.entityId) where.entityId = q.entityId;
    if (q.actor) where.actorId = q.actor;
    const from = q.from ? new Date(q.from) : null;
    const to = q.to ? new Date(q.to) : null;
    if (from && to) where.at = Between(from, to);
    else if (from) where.at = MoreThanOrEqual(from);
    else if (to) where.at = LessThanOrEqual(to);
    const [rows, total] = await this.deps.db.getRepository(AuditEntity).findAndCount({
      where,
      order: { at: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return { items: rows.map(toItem), total, page: q.page, pageSize: q.pageSize };
  }
}

/** The audit actor of a request (its principal and request id); 401 when nobody is signed in. */
export function auditActor(state: AppState): AuditActor {
  if (!state.principal) throw new UnauthenticatedError();
  return { principal: state.principal, requestId: state.requestId };
}
