import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A holiday closure or special hours of a store on one Shanghai date. */
@Entity({ name: 'store_exceptions' })
@Unique('uq_store_exception', ['storeId', 'date'])
export class StoreExceptionEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'store_id', type: 'int' })
  storeId!: number;

  @Column({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'boolean', default: false })
  closed!: boolean;

  @Column({ name: 'open_local', type: 'varchar', length: 5, nullable: true })
  openLocal!: string | null;

  @Column({ name: 'close_local', type: 'varchar', length: 5, nullable: true })
  closeLocal!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  reason!: string | null;
}
