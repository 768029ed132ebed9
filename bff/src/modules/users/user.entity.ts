import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Role } from '@omni/shared-types';

/** A person who logs in: consumer (WeChat openid), courier, staff or admin. */
@Entity({ name: 'users' })
// The unique's name is the one TypeORM generated when the migration created it.
@Unique('UQ_9c98f005249412c8333a3b2c593', ['openid'])
@Index('ix_users_unionid', ['unionid'])
@Index('ux_users_phone', ['phone'], { unique: true })
@Index('ux_users_oa_openid', ['oaOpenid'], { unique: true })
export class UserEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 64 })
  openid!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid!: string | null;

  /** A mainland mobile number the user proved by SMS code (H5 login, `POST /me/phone`). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  /** The official account's openid (H5 web authorisation); not the mini-program's `openid`. */
  @Column({ name: 'oa_openid', type: 'varchar', length: 64, nullable: true })
  oaOpenid!: string | null;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @Column({ type: 'varchar', length: 64 })
  nickname!: string;

  @Column({ name: 'avatar_url', type: 'varchar', length: 255, nullable: true })
  avatarUrl!: string | null;

  @Column({ name: 'store_id', type: 'int', nullable: true })
  storeId!: number | null;

  @Column({ name: 'courier_id', type: 'int', nullable: true })
  courierId!: number | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'last_login_at', type: 'datetime' })
  lastLoginAt!: Date;

  /** Bumped when this identity's access changes: tokens carrying an older value are refused. */
  @Column({ name: 'token_version', type: 'int', default: 0 })
  tokenVersion!: number;
}
