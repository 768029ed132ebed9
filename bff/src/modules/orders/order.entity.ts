import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { OrderStatus } from '@omni/shared-types';

/** An order; money in fen, times UTC, lat/lng GCJ-02. */
@Entity({ name: 'orders' })
@Unique('uq_orders_idempotency', ['userId', 'idempotencyKey'])
// The unique's name is the one TypeORM generated when the migration created it.
@Unique('UQ_035026a83bef9740d7ad05df383', ['orderNo'])
@Index('ix_orders_user', ['userId', 'id'])
@Index('ix_orders_store', ['storeId', 'status'])
@Index('ix_orders_expiry', ['status', 'expiresAt'])
@Index('ix_orders_slot', ['slotId'])
@Index('ix_orders_paid', ['paidAt'])
export class OrderEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'order_no', type: 'varchar', length: 24 })
  orderNo!: string;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ type: 'varchar', length: 16 })
  type!: 'delivery' | 'pickup';

  @Column({ type: 'varchar', length: 24 })
  status!: OrderStatus;

  @Column({ name: 'store_id', type: 'int' })
  storeId!: number;

  @Column({ name: 'zone_id', type: 'int', nullable: true })
  zoneId!: number | null;

  @Column({ name: 'slot_id', type: 'int', nullable: true })
  slotId!: number | null;

  @Column({ name: 'contact_name', type: 'varchar', length: 32, nullable: true })
  contactName!: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 16, nullable: true })
  contactPhone!: string | null;

  @Column({ name: 'address_text', type: 'varchar', length: 160, nullable: true })
  addressText!: string | null;

  @Column({ name: 'address_detail', type: 'varchar', length: 64, nullable: true })
  addressDetail!: string | null;

  @Column({ type: 'double', nullable: true })
  lat!: number | null;

  @Column({ type: 'double', nullable: true })
  lng!: number | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  note!: string | null;

  @Column({ name: 'items_total_fen', type: 'int' })
  itemsTotalFen!: number;

  @Column({ name: 'delivery_fee_fen', type: 'int' })
  deliveryFeeFen!: number;

  @Column({ name: 'total_fen', type: 'int' })
  totalFen!: number;

  @Column({ name: 'volume_l', type: 'double' })
  volumeL!: number;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 })
  idempotencyKey!: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash!: string;

  @Column({ name: 'transaction_id', type: 'varchar', length: 64, nullable: true })
  transactionId!: string | null;

  /** Fen held by refunds that are not closed (pending, processing, success, abnormal); never above `totalFen`. */
  @Column({ name: 'refund_held_fen', type: 'int', default: 0 })
  refundHeldFen!: number;

  /** The part of `refundHeldFen` that is the delivery fee; never above `deliveryFeeFen`. */
  @Column({ name: 'refund_fee_held_fen', type: 'int', default: 0 })
  refundFeeHeldFen!: number;

  /** Fen WeChat Pay has confirmed paid back (successful refunds). */
  @Column({ name: 'refund_paid_fen', type: 'int', default: 0 })
  refundPaidFen!: number;

  /** Wrong delivery codes typed by couriers; the deliver-by-code is locked at DELIVERY_CODE_MAX_ATTEMPTS. */
  @Column({ name: 'delivery_code_failures', type: 'int', default: 0 })
  deliveryCodeFailures!: number;

  @Column({ name: 'staff_ack', type: 'boolean', default: false })
  staffAck!: boolean;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;

  @Column({ name: 'paid_at', type: 'datetime', nullable: true })
  paidAt!: Date | null;

  @Column({ name: 'expires_at', type: 'datetime', nullable: true })
  expiresAt!: Date | null;
}

/** A priced line of an order (price copied at order time). */
@Entity({ name: 'order_items' })
@Index('ix_order_items_order', ['orderId'])
export class OrderItemEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'order_id', type: 'int' })
  orderId!: number;

  @Column({ name: 'product_id', type: 'int' })
  productId!: number;

  @Column({ type: 'varchar', length: 32 })
  sku!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 255 })
  image!: string;

  @Column({ name: 'price_fen', type: 'int' })
  priceFen!: number;

  @Column({ type: 'int' })
  quantity!: number;

  /** Units held by refunds that are not closed; never above `quantity` (a conditional UPDATE keeps it so). */
  @Column({ name: 'refunded_qty', type: 'int', default: 0 })
  refundedQty!: number;

  /** Fen held by refunds that are not closed; never above `priceFen * quantity`. */
  @Column({ name: 'refunded_fen', type: 'int', default: 0 })
  refundedFen!: number;
}

/** One status change of an order: who, when, why. */
@Entity({ name: 'order_events' })
@Index('ix_order_events_order', ['orderId'])
export class OrderEventEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'order_id', type: 'int' })
  orderId!: number;

  @Column({ name: 'from_status', type: 'varchar', length: 24, nullable: true })
  fromStatus!: OrderStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 24 })
  toStatus!: OrderStatus;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType!: 'customer' | 'staff' | 'courier' | 'system' | 'wechat' | 'admin';

  @Column({ name: 'actor_id', type: 'int', nullable: true })
  actorId!: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
