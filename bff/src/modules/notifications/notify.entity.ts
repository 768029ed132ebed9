import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationChannel, NotificationStatus } from '@omni/shared-types';

/**
 * One outbox row: a subscription message or a shipping-info upload owed to someone, written in the
 * transaction of the change it tells about. A `notify.send` job (the durable-jobs table, claimed by
 * lease) sends it; `dedupe_key` makes it once per (event, recipient, template).
 */
@Entity({ name: 'notifications' })
@Index('ix_notifications_status', ['status', 'createdAt'])
@Index('ix_notifications_order', ['orderId'])
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Index('uq_notifications_dedupe', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 160 })
  dedupeKey!: string;

  @Column({ type: 'varchar', length: 48 })
  event!: string;

  @Column({ type: 'varchar', length: 16 })
  channel!: NotificationChannel;

  @Column({ name: 'user_id', type: 'int', nullable: true })
  userId!: number | null;

  @Column({ name: 'recipient_role', type: 'varchar', length: 16 })
  recipientRole!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  openid!: string | null;

  @Column({ name: 'template_id', type: 'varchar', length: 64, nullable: true })
  templateId!: string | null;

  @Column({ name: 'order_id', type: 'int', nullable: true })
  orderId!: number | null;

  @Column({ name: 'case_id', type: 'int', nullable: true })
  caseId!: number | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  page!: string | null;

  /** JSON: the fitted `{ key: { value } }` of a message, or the upload body. */
  @Column({ type: 'text' })
  data!: string;

  @Column({ type: 'varchar', length: 24 })
  status!: NotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** Whether this row has taken its recipient's one-time allowance (so a retry does not take another). */
  @Column({ name: 'allowance_spent', type: 'boolean', default: false })
  allowanceSpent!: boolean;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ type: 'int', nullable: true })
  errcode!: number | null;

  @Column({ name: 'next_attempt_at', type: 'datetime', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;

  @Column({ name: 'sent_at', type: 'datetime', nullable: true })
  sentAt!: Date | null;
}

/** Which WeChat template carries an event, and what each of its fields shows (admin-edited). */
@Entity({ name: 'notify_templates' })
export class NotifyTemplateEntity {
  @PrimaryColumn({ type: 'varchar', length: 48 })
  event!: string;

  @Column({ name: 'template_id', type: 'varchar', length: 64, nullable: true })
  templateId!: string | null;

  /** WeChat key → event variable. */
  @Column({ type: 'simple-json' })
  fields!: Record<string, string>;

  @Column({ type: 'varchar', length: 255 })
  page!: string;

  @Column({ type: 'simple-json' })
  scenes!: string[];

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}

/** One-time subscriptions a user accepted and we have not spent yet, per template. */
@Entity({ name: 'notify_allowances' })
export class NotifyAllowanceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId!: number;

  @PrimaryColumn({ name: 'template_id', type: 'varchar', length: 64 })
  templateId!: string;

  @Column({ type: 'int', default: 0 })
  remaining!: number;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}

/** An event a user turned off in 我的 → 消息通知 (no row: on). */
@Entity({ name: 'notify_prefs' })
export class NotifyPrefEntity {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId!: number;

  @PrimaryColumn({ type: 'varchar', length: 48 })
  event!: string;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}

/**
 * The template ids offered to a user for a scene (GET /notifications/templates). A consent result
 * counts only for an open offer, once: a replayed or forged result adds nothing.
 */
@Entity({ name: 'notify_offers' })
@Index('ix_notify_offers_user', ['userId', 'scene', 'expiresAt'])
export class NotifyOfferEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ type: 'varchar', length: 16 })
  scene!: string;

  @Column({ name: 'template_ids', type: 'simple-json' })
  templateIds!: string[];

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'datetime', nullable: true })
  usedAt!: Date | null;
}

/** The shared WeChat access_token when there is no Redis (one row, `key` = appid). */
@Entity({ name: 'wechat_tokens' })
export class WechatTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  appid!: string;

  @Column({ name: 'access_token', type: 'varchar', length: 512 })
  accessToken!: string;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt!: Date;
}
