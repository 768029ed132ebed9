import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RefundStatus } from '@omni/shared-types';

/** One line of a refund as stored (JSON in `refunds.lines`); amounts in fen. */
export interface StoredRefundLine {
  orderItemId: number;
  productId: number;
  name: string;
  quantity: number;
  amountFen: number;
}

/**
 * A refund as our own record: created in the transaction that cancels an order or resolves a case,
 * sent to WeChat Pay by a job with `out_refund_no` = `refundNo` (so a retry never refunds twice),
 * settled by the refund notify or a query.
 */
@Entity({ name: 'refunds' })
@Index('ix_refunds_order', ['orderId'])
@Index('ix_refunds_status', ['status'])
export class RefundEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Index('uq_refunds_refund_no', { unique: true })
  @Column({ name: 'refund_no', type: 'varchar', length: 32 })
  refundNo!: string;

  @Column({ name: 'order_id', type: 'int' })
  orderId!: number;

  @Column({ name: 'case_id', type: 'int', nullable: true })
  caseId!: number | null;

  @Column({ type: 'varchar', length: 16 })
  status!: RefundStatus;

  @Column({ name: 'amount_fen', type: 'int' })
  amountFen!: number;

  @Column({ name: 'fee_fen', type: 'int' })
  feeFen!: number;

  /** JSON `StoredRefundLine[]`. */
  @Column({ type: 'text' })
  lines!: string;

  @Column({ type: 'varchar', length: 80 })
  reason!: string;

  @Column({ name: 'requested_by_type', type: 'varchar', length: 16 })
  requestedByType!: string;

  @Column({ name: 'requested_by_id', type: 'int', nullable: true })
  requestedById!: number | null;

  @Column({ name: 'wechat_refund_id', type: 'varchar', length: 64, nullable: true })
  wechatRefundId!: string | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;

  /** When WeChat says the money arrived (its success_time), or when the refund closed. */
  @Column({ name: 'settled_at', type: 'datetime', nullable: true })
  settledAt!: Date | null;
}
