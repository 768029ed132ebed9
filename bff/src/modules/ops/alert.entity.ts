import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OpsAlert } from '@omni/shared-types';

/** Something an operator must look at; written in the transaction that found it. */
@Entity({ name: 'ops_alerts' })
@Index('ix_ops_alerts_created', ['createdAt'])
export class OpsAlertEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  kind!: OpsAlert['kind'];

  @Column({ type: 'varchar', length: 16 })
  severity!: OpsAlert['severity'];

  @Column({ type: 'varchar', length: 300 })
  message!: string;

  /** JSON. */
  @Column({ type: 'text' })
  details!: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'acknowledged_at', type: 'datetime', nullable: true })
  acknowledgedAt!: Date | null;
}
