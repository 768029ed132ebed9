import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { InviteRole, Role } from '@omni/shared-types';

/** One role bound to a WeChat identity (a member): a courier, staff or manager of one store. */
@Entity({ name: 'user_roles' })
@Index('uq_user_roles_user_role', ['userId', 'role'], { unique: true })
@Index('ix_user_roles_store', ['storeId', 'role'])
export class UserRoleEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @Column({ name: 'store_id', type: 'int', nullable: true })
  storeId!: number | null;

  @Column({ name: 'courier_id', type: 'int', nullable: true })
  courierId!: number | null;

  @Column({ name: 'display_name', type: 'varchar', length: 64 })
  displayName!: string;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  /** Bumped by every admin edit; a write naming an older one is refused (VERSION_CONFLICT). */
  @Column({ type: 'int', default: 1 })
  version!: number;
}

/** What an invite is now; an `expired` invite is a pending one past `expiresAt` (never stored). */
export type InviteState = 'pending' | 'spent' | 'revoked';

/** A single-use invitation to bind a role of one store to whoever accepts it first. */
@Entity({ name: 'invites' })
@Index('uq_invites_code_hash', ['codeHash'], { unique: true })
@Index('ix_invites_store', ['storeId', 'createdAt'])
export class InviteEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  /** SHA-256 (hex) of the code: the code itself is shown once and never stored. */
  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: InviteRole;

  @Column({ name: 'store_id', type: 'int' })
  storeId!: number;

  /** An existing courier record to bind; null creates one on accept (courier invites). */
  @Column({ name: 'courier_id', type: 'int', nullable: true })
  courierId!: number | null;

  @Column({ name: 'display_name', type: 'varchar', length: 64 })
  displayName!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: InviteState;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt!: Date;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'created_by_id', type: 'int' })
  createdById!: number;

  @Column({ name: 'created_by_kind', type: 'varchar', length: 16 })
  createdByKind!: 'backoffice' | 'wechat';

  @Column({ name: 'spent_at', type: 'datetime', nullable: true })
  spentAt!: Date | null;

  /** The `user_roles` row the invite became. */
  @Column({ name: 'member_id', type: 'int', nullable: true })
  memberId!: number | null;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
