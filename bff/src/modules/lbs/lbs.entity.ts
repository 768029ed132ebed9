import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { LbsEventKind, LbsEventStatus } from '@omni/shared-types';

/** A consumer's location consent; withdrawing it deletes stored positions. */
@Entity({ name: 'lbs_consents' })
export class ConsentEntity {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ type: 'boolean', default: false })
  location!: boolean;

  @Column({ name: 'nearby_offers', type: 'boolean', default: false })
  nearbyOffers!: boolean;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}

/** The last accepted position of a consumer (GCJ-02), kept only while consent lasts. */
@Entity({ name: 'user_positions' })
export class PositionEntity {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ type: 'double' })
  lat!: number;

  @Column({ type: 'double' })
  lng!: number;

  @Column({ name: 'reported_at', type: 'datetime' })
  reportedAt!: Date;

  /** Consecutive reports flagged TOO_FAST against this position. */
  @Column({ name: 'rejected_streak', type: 'int', default: 0 })
  rejectedStreak!: number;
}

/** Geofence state of one consumer at one store's fence (arrival / nearby). */
@Entity({ name: 'fence_states' })
@Unique('uq_fence_state', ['userId', 'storeId', 'kind'])
export class FenceStateEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'store_id', type: 'int' })
  storeId!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: 'arrival' | 'nearby';

  @Column({ type: 'text' })
  state!: string;
}

/** One event in a store's staff inbox. */
@Entity({ name: 'lbs_events' })
// The unique's name is the one TypeORM generated when the migration created it.
@Unique('UQ_fc476c9d495ff5e44a544a2c81d', ['dedupeKey'])
@Index('ix_lbs_events_store', ['storeId', 'status', 'id'])
export class LbsEventEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'store_id', type: 'int' })
  storeId!: number;

  @Column({ type: 'varchar', length: 24 })
  kind!: LbsEventKind;

  @Column({ type: 'varchar', length: 16 })
  status!: LbsEventStatus;

  @Column({ name: 'user_id', type: 'int', nullable: true })
  userId!: number | null;

  @Column({ name: 'order_id', type: 'int', nullable: true })
  orderId!: number | null;

  @Column({ name: 'distance_m', type: 'int', nullable: true })
  distanceM!: number | null;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 96, nullable: true })
  dedupeKey!: string | null;

  /** The inbox text when it says more than its kind (a KPI anomaly's value and band); null: the kind's title. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  title!: string | null;

  @Column({ name: 'claimed_by', type: 'int', nullable: true })
  claimedBy!: number | null;

  @Column({ name: 'claimed_at', type: 'datetime', nullable: true })
  claimedAt!: Date | null;

  @Column({ name: 'resolved_at', type: 'datetime', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  @Column({ name: 'escalated_at', type: 'datetime', nullable: true })
  escalatedAt!: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
