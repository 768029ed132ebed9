import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { StopStatus, UnassignedReason } from '@omni/shared-types';

/** One version of a store's delivery plan for a Shanghai day; the highest version is current. */
@Entity({ name: 'route_plans' })
@Unique('uq_route_plan_version', ['storeId', 'date', 'version'])
export class RoutePlanEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'store_id', type: 'int' })
  storeId!: number;

  @Column({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'int' })
  version!: number;

  /** `reassign`: a back-office user moved one stop (the other routes are copied unchanged). */
  @Column({ name: 'trigger_kind', type: 'varchar', length: 16 })
  triggerKind!: 'manual' | 'scheduled' | 'reassign';

  @Column({ name: 'created_by', type: 'int', nullable: true })
  createdBy!: number | null;

  @Column({ name: 'distance_m', type: 'int' })
  distanceM!: number;

  @Column({ name: 'computing_ms', type: 'int' })
  computingMs!: number;

  @Column({ type: 'simple-json' })
  unassigned!: Array<{ orderId: number; reason: UnassignedReason }>;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}

/** One order's stop in one plan version; times UTC. */
@Entity({ name: 'route_stops' })
@Unique('uq_route_stop_order', ['planId', 'orderId'])
@Index('ix_route_stops_courier', ['planId', 'courierId', 'seq'])
@Index('ix_route_stops_order', ['orderId'])
export class RouteStopEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'plan_id', type: 'int' })
  planId!: number;

  @Column({ name: 'courier_id', type: 'int' })
  courierId!: number;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ name: 'order_id', type: 'int' })
  orderId!: number;

  @Column({ name: 'eta_at', type: 'datetime' })
  etaAt!: Date;

  @Column({ name: 'window_start', type: 'datetime' })
  windowStart!: Date;

  @Column({ name: 'window_end', type: 'datetime' })
  windowEnd!: Date;

  @Column({ type: 'varchar', length: 16 })
  status!: StopStatus;

  @Column({ name: 'arrived_at', type: 'datetime', nullable: true })
  arrivedAt!: Date | null;

  @Column({ name: 'done_at', type: 'datetime', nullable: true })
  doneAt!: Date | null;

  @Column({ name: 'proof_type', type: 'varchar', length: 8, nullable: true })
  proofType!: 'code' | 'photo' | null;

  @Column({ name: 'proof_ref', type: 'varchar', length: 64, nullable: true })
  proofRef!: string | null;

  @Column({ name: 'fail_reason', type: 'varchar', length: 100, nullable: true })
  failReason!: string | null;
}

/** A courier's stop action, stored once under its client-made id so a replay answers the same. */
@Entity({ name: 'stop_events' })
// The unique's name is the one TypeORM generated when the migration created it.
@Unique('UQ_15029f8213cfedce26b89a5c51b', ['clientEventId'])
export class StopEventEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'client_event_id', type: 'varchar', length: 64 })
  clientEventId!: string;

  @Column({ name: 'courier_id', type: 'int' })
  courierId!: number;

  @Column({ name: 'order_id', type: 'int' })
  orderId!: number;

  @Column({ type: 'varchar', length: 8 })
  action!: 'arrive' | 'deliver' | 'fail';

  @Column({ type: 'text' })
  result!: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}

/** A proof-of-delivery photo uploaded by a courier; the bytes live in the uploads folder. */
@Entity({ name: 'courier_photos' })
@Unique('UQ_c8e1e2a48e47a87c883223d13a0', ['photoId'])
export class CourierPhotoEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'photo_id', type: 'varchar', length: 64 })
  photoId!: string;

  @Column({ name: 'courier_id', type: 'int' })
  courierId!: number;

  @Column({ name: 'content_type', type: 'varchar', length: 16 })
  contentType!: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes!: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}

/** A claimed scheduled-dispatch run: the unique key makes it happen once across instances. */
@Entity({ name: 'dispatch_runs' })
@Unique('UQ_456f8e57baef3133bf16484a592', ['runKey'])
export class DispatchRunEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'run_key', type: 'varchar', length: 64 })
  runKey!: string;

  @Column({ name: 'store_id', type: 'int' })
  storeId!: number;

  @Column({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ name: 'plan_id', type: 'int', nullable: true })
  planId!: number | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
