import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { BackofficeRole, LoginOutcome } from '@omni/shared-types';

/** A back-office account: username + argon2id password, optional TOTP; never a WeChat identity. */
@Entity({ name: 'admin_users' })
export class AdminUserEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  /** As created (shown); `usernameKey` is what is unique. */
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  /** The lower-cased username: unique, so `Admin` and `admin` are one account. */
  @Index('uq_admin_users_username_key', { unique: true })
  @Column({ name: 'username_key', type: 'varchar', length: 64 })
  usernameKey!: string;

  /** argon2id, PHC string format. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: BackofficeRole;

  /** The managed store (store managers only). */
  @Column({ name: 'store_id', type: 'int', nullable: true })
  storeId!: number | null;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  /** Bumped on disable, password or role change: tokens carrying an older value are refused. */
  @Column({ name: 'token_version', type: 'int', default: 0 })
  tokenVersion!: number;

  /** The TOTP secret sealed with AES-256-GCM (see SecretBox); null before enrolment. */
  @Column({ name: 'totp_secret', type: 'varchar', length: 255, nullable: true })
  totpSecret!: string | null;

  @Column({ name: 'totp_enabled', type: 'boolean', default: false })
  totpEnabled!: boolean;

  @Column({ name: 'last_login_at', type: 'datetime', nullable: true })
  lastLoginAt!: Date | null;

  /** Record version for optimistic concurrency of admin edits. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}

/** One back-office login attempt, successful or not. */
@Entity({ name: 'admin_login_log' })
@Index('ix_admin_login_log_username', ['username', 'at'])
@Index('ix_admin_login_log_at', ['at'])
export class AdminLoginEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  /** The username as tried, lower-cased. */
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  /** The account, when the username named one. */
  @Column({ name: 'admin_user_id', type: 'int', nullable: true })
  adminUserId!: number | null;

  @Column({ type: 'varchar', length: 24 })
  outcome!: LoginOutcome;

  @Column({ type: 'varchar', length: 64 })
  ip!: string;

  @Column({ name: 'user_agent', type: 'varchar', length: 255 })
  userAgent!: string;

  @Column({ type: 'datetime' })
  at!: Date;
}
