import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One entry of a customer's address book; lat/lng GCJ-02, times UTC. The default address is
 * the row whose `defaultUserId` is set: a unique key on it lets the database, not the code,
 * guarantee at most one default per user (NULLs do not collide on SQLite or MySQL).
 */
@Entity({ name: 'addresses' })
@Index('ix_addresses_user', ['userId'])
export class AddressEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'contact_name', type: 'varchar', length: 32 })
  contactName!: string;

  @Column({ type: 'varchar', length: 16 })
  phone!: string;

  @Column({ type: 'varchar', length: 160 })
  address!: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  detail!: string | null;

  @Column({ type: 'double' })
  lat!: number;

  @Column({ type: 'double' })
  lng!: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  tag!: string | null;

  /** The owner's id while this is their default address, otherwise null. */
  @Index('uq_addresses_default_user', { unique: true })
  @Column({ name: 'default_user_id', type: 'int', nullable: true })
  defaultUserId!: number | null;

  /** When an order last used it (its copy lives on the order). */
  @Column({ name: 'last_used_at', type: 'datetime', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
