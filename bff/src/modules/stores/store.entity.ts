import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { WeeklyHours } from '@omni/shared-types';

/** A brand store; lat/lng are GCJ-02 degrees. */
@Entity({ name: 'stores' })
// The unique's name is the one TypeORM generated when the migration created it.
@Unique('UQ_72bdebc754d6a689b3c169cab8a', ['code'])
export class StoreEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  district!: string;

  @Column({ type: 'varchar', length: 255 })
  address!: string;

  @Column({ type: 'varchar', length: 32 })
  phone!: string;

  @Column({ type: 'double' })
  lat!: number;

  @Column({ type: 'double' })
  lng!: number;

  @Column({ type: 'simple-json' })
  hours!: WeeklyHours[];

  @Column({ type: 'simple-json' })
  services!: Array<'pickup' | 'delivery'>;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Bumped by every admin edit; a write naming an older one is refused (VERSION_CONFLICT). */
  @Column({ type: 'int', default: 1 })
  version!: number;
}

/** A courier attached to a store. */
@Entity({ name: 'couriers' })
@Unique('UQ_a701eaab5e852840e3a4f8616b8', ['code'])
export class CourierEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 32 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  phone!: string;

  @Column({ name: 'store_id', type: 'int' })
  storeId!: number;

  @Column({ type: 'varchar', length: 16 })
  vehicle!: 'ebike' | 'walking' | 'driving';

  @Column({ name: 'capacity_l', type: 'double' })
  capacityL!: number;

  @Column({ name: 'shift_start', type: 'varchar', length: 5 })
  shiftStart!: string;

  @Column({ name: 'shift_end', type: 'varchar', length: 5 })
  shiftEnd!: string;
}
