import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { CaseStatus, CaseType } from '@omni/shared-types';

/** An after-sales case (return, refund, exchange, complaint, inquiry) on one order. */
@Entity({ name: 'aftersales_cases' })
// The unique's name is the one TypeORM generated when the migration created it.
@Unique('UQ_53db26cec0a99661f28a283409f', ['caseNo'])
@Index('ix_cases_user', ['userId', 'id'])
@Index('ix_cases_sla_due', ['slaDueAt'])
@Index('ix_cases_store', ['storeId', 'status'])
export class CaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'case_no', type: 'varchar', length: 24 })
  caseNo!: string;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'order_id', type: 'int' })
  orderId!: number;

  @Column({ name: 'store_id', type: 'int' })
  storeId!: number;

  @Column({ type: 'varchar', length: 16 })
  type!: CaseType;

  @Column({ type: 'varchar', length: 16 })
  status!: CaseStatus;

  @Column({ type: 'varchar', length: 300 })
  reason!: string;

  @Column({ type: 'text' })
  lines!: string;

  @Column({ name: 'refund_fen', type: 'int', nullable: true })
  refundFen!: number | null;

  @Column({ name: 'conversation_id', type: 'int', nullable: true })
  conversationId!: number | null;

  @Column({ name: 'sla_due_at', type: 'datetime' })
  slaDueAt!: Date;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;

  /** The member (`user_roles` id) of the case's store handling it; set from the back office. */
  @Column({ name: 'assignee_id', type: 'int', nullable: true })
  assigneeId!: number | null;

  @Column({ name: 'assigned_at', type: 'datetime', nullable: true })
  assignedAt!: Date | null;

  /** Bumped by every change; a back-office write naming an older one is refused (VERSION_CONFLICT). */
  @Column({ type: 'int', default: 1 })
  version!: number;
}

/** One status change of a case. */
@Entity({ name: 'aftersales_events' })
@Index('ix_case_events_case', ['caseId'])
export class CaseEventEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'case_id', type: 'int' })
  caseId!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: CaseStatus;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType!: string;

  @Column({ name: 'actor_id', type: 'int', nullable: true })
  actorId!: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  note!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
