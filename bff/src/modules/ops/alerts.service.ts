import type { DataSource, EntityManager } from 'typeorm';
import type { OpsAlert } from '@omni/shared-types';
import type { Clock } from '../../clock';
import type { Logger } from '../../logger';
import { OpsAlertEntity } from './alert.entity';

/** Ops alerts: a table admins read (and, later, notifications), plus one warning in the log. */
export class AlertsService {
  constructor(private readonly deps: { db: DataSource; clock: Clock; log: Logger }) {}

  /** Records an alert inside `m` (the transaction that found the problem), or on its own. */
  async raise(
    a: { kind: OpsAlert['kind']; severity: OpsAlert['severity']; message: string; details?: unknown },
    m: EntityManager = this.deps.db.manager,
  ): Promise<void> {
    await m.getRepository(OpsAlertEntity).insert({
      kind: a.kind,
      severity: a.severity,
      message: a.message.slice(0, 300),
      details: JSON.stringify(a.details ?? null),
      createdAt: this.deps.clock.now(),
      acknowledgedAt: null,
    });
    this.deps.log.warn({ alert: a.kind, details: a.details }, a.message);
  }

  /** Newest first; `kind` filters. */
  async list(kind?: OpsAlert['kind'], limit = 100): Promise<OpsAlert[]> {
    const rows = await this.deps.db
      .getRepository(OpsAlertEntity)
      .find({ where: kind ? { kind } : {}, order: { id: 'DESC' }, take: limit });
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      severity: r.severity,
      message: r.message,
      details: JSON.parse(r.details) as unknown,
      createdAt: r.createdAt.toISOString(),
      acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    }));
  }
}
