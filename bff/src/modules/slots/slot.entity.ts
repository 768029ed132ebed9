import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { LatLng } from '@omni/shared-types';

/** A delivery area (GCJ-02 polygon) fulfilled by one store. */
@Entity({ name: 'delivery_zones' })
// The unique's name is the one TypeORM generated when the migration created it.
@Unique('UQ_8435ac1a6bc1d3e865d950d9214', ['code'])
export class ZoneEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ name: 'store_id', type: 'int' })
  storeId!: number;

  @Column({ type: 'simple-json' })
  polygon!: LatLng[];

  @Column({ name: 'fee_fen', type: 'int' })
  feeFen!: number;

  @Column({ name: 'free_threshold_fen', type: 'int', nullable: true })
  freeThresholdFen!: number | null;

  @Column({ name: 'cutoff_min', type: 'int' })
  cutoffMin!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Bumped by every admin edit; a write naming an older one is refused (VERSION_CONFLICT). */
  @Column({ type: 'int', default: 1 })
  version!: number;
}

/** A daily slot pattern of a zone, local Asia/Shanghai times. */
@Entity({ name: 'slot_templates' })
export class SlotTemplateEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'zone_id', type: 'int' })
  zoneId!: number;

  @Column({ name: 'start_local', type: 'varchar', length: 5 })
  startLocal!: string;

  @Column({ name: 'end_local', type: 'varchar', length: 5 })
  endLocal!: string;

  @Column({ type: 'int' })
  capacity!: number;

  /** Bumped by every admin edit; a write naming an older one is refused (VERSION_CONFLICT). */
  @Column({ type: 'int', default: 1 })
  version!: number;

  /** 0 = Sunday … 6 = Saturday; null = every day. */
  @Column({ type: 'int', nullable: true })
  weekday!: number | null;

  /** Minutes before the start when booking closes; null = the zone's cut-off. */
  @Column({ name: 'cutoff_min', type: 'int', nullable: true })
  cutoffMin!: number | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}

/** A day on which a zone (or every zone, when `zoneId` is null) delivers nothing. */
@Entity({ name: 'slot_blackouts' })
export class SlotBlackoutEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'zone_id', type: 'int', nullable: true })
  zoneId!: number | null;

  @Column({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'varchar', length: 64 })
  reason!: string;
}

/** A per-day capacity change of one template slot (0 closes it). */
@Entity({ name: 'slot_overrides' })
@Index('uq_slot_override', ['zoneId', 'date', 'startLocal'], { unique: true })
export class SlotOverrideEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'zone_id', type: 'int' })
  zoneId!: number;

  @Column({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ name: 'start_local', type: 'varchar', length: 5 })
  startLocal!: string;

  @Column({ type: 'int' })
  capacity!: number;
}

/** One bookable slot on one day; `booked` only changes by conditional UPDATE. */
@Entity({ name: 'delivery_slots' })
@Unique('uq_slot_zone_start', ['zoneId', 'startAt'])
@Index('ix_slots_zone_date', ['zoneId', 'date'])
export class SlotEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'zone_id', type: 'int' })
  zoneId!: number;

  @Column({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ name: 'start_local', type: 'varchar', length: 5 })
  startLocal!: string;

  @Column({ name: 'end_local', type: 'varchar', length: 5 })
  endLocal!: string;

  @Column({ name: 'start_at', type: 'datetime' })
  startAt!: Date;

  @Column({ name: 'end_at', type: 'datetime' })
  endAt!: Date;

  @Column({ name: 'cutoff_at', type: 'datetime' })
  cutoffAt!: Date;

  @Column({ type: 'int' })
  capacity!: number;

  @Column({ type: 'int' })
  booked!: number;

  @Column({ type: 'boolean', default: false })
  blocked!: boolean;

  @Column({ name: 'block_reason', type: 'varchar', length: 64, nullable: true })
  blockReason!: string | null;
}
