import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BillReport } from '@omni/shared-types';

/** The 对账 report of one day's WeChat Pay trade bill; re-running the day replaces it. */
@Entity({ name: 'bill_reports' })
export class BillReportEntity {
  /** `YYYY-MM-DD`, Asia/Shanghai. */
  @PrimaryColumn({ name: 'bill_date', type: 'varchar', length: 10 })
  billDate!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: BillReport['status'];

  @Column({ type: 'int' })
  matched!: number;

  @Column({ name: 'payments_fen', type: 'bigint', transformer: { to: (v: number) => v, from: Number } })
  paymentsFen!: number;

  @Column({ name: 'refunds_fen', type: 'bigint', transformer: { to: (v: number) => v, from: Number } })
  refundsFen!: number;

  /** JSON: missingOurs, missingTheirs, amountMismatches, brokenLines. */
  @Column({ type: 'text' })
  details!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
