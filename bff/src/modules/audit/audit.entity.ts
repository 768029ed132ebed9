import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One admin-side write, appended in the transaction of the change it records. */
@Entity({ name: 'audit_log' })
@Index('ix_audit_entity', ['entity', 'entityId', 'at'])
@Index('ix_audit_actor', ['actorKind', 'actorId', 'at'])
@Index('ix_audit_at', ['at'])
export class AuditEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'datetime' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'int' })
  actorId!: number;

  @Column({ name: 'actor_kind', type: 'varchar', length: 16 })
  actorKind!: 'backoffice' | 'wechat';

  @Column({ type: 'varchar', length: 16 })
  role!: string;

  @Column({ type: 'varchar', length: 48 })
  action!: string;

  @Column({ type: 'varchar', length: 32 })
  entity!: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  entityId!: string;

  @Column({ type: 'simple-json', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'simple-json', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;
}
