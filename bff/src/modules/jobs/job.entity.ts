import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JobStatus } from '@omni/shared-types';

/**
 * One durable job (an outbox row): written in the transaction of the change that needs it,
 * claimed by a conditional UPDATE with a lease, retried with backoff, dead-lettered at the end.
 */
@Entity({ name: 'jobs' })
@Index('ix_jobs_due', ['status', 'runAt'])
export class JobEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 48 })
  kind!: string;

  /** JSON. */
  @Column({ type: 'text' })
  payload!: string;

  /** At most one job per key ever (e.g. `order.expire:42`); null for jobs that may repeat. */
  @Index('uq_jobs_dedupe_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 96, nullable: true })
  dedupeKey!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: JobStatus;

  @Column({ name: 'run_at', type: 'datetime' })
  runAt!: Date;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'max_attempts', type: 'int' })
  maxAttempts!: number;

  @Column({ name: 'lease_owner', type: 'varchar', length: 64, nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'lease_until', type: 'datetime', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;

  @Column({ name: 'finished_at', type: 'datetime', nullable: true })
  finishedAt!: Date | null;
}
