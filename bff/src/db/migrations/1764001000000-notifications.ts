import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns';

/**
 * Notifications: the outbox of subscription messages and shipping-info uploads (sent by
 * `notify.send` jobs), the admin-edited template per event, one-time allowances per user and
 * template, preferences, consent offers, and the shared WeChat access_token when there is no Redis.
 * Every event starts with no WeChat template (nothing is sent until an admin configures one).
 */
export class Notifications1764001000000 implements MigrationInterface {
  name = 'Notifications1764001000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'notifications',
        columns: [
          col.id(),
          col.varchar('dedupe_key', 160),
          col.varchar('event', 48),
          col.varchar('channel', 16),
          col.int('user_id', { isNullable: true }),
          col.varchar('recipient_role', 16),
          col.varchar('openid', 64, { isNullable: true }),
          col.varchar('template_id', 64, { isNullable: true }),
          col.int('order_id', { isNullable: true }),
          col.int('case_id', { isNullable: true }),
          col.varchar('page', 255, { isNullable: true }),
          col.text('data'),
          col.varchar('status', 24),
          col.int('attempts', { default: 0 }),
          col.bool('allowance_spent', false),
          col.varchar('last_error', 500, { isNullable: true }),
          col.int('errcode', { isNullable: true }),
          col.datetime('next_attempt_at', { isNullable: true }),
          col.datetime('created_at'),
          col.datetime('updated_at'),
          col.datetime('sent_at', { isNullable: true }),
        ],
      }),
    );
    await q.createIndex(
      'notifications',
      new TableIndex({ name: 'uq_notifications_dedupe', columnNames: ['dedupe_key'], isUnique: true }),
    );
    await q.createIndex(
      'notifications',
      new TableIndex({ name: 'ix_notifications_status', columnNames: ['status', 'created_at'] }),
    );
    await q.createIndex(
      'notifications',
      new TableIndex({ name: 'ix_notifications_order', columnNames: ['order_id'] }),
    );
    await q.createTable(
      new Table({
        name: 'notify_templates',
        columns: [
          col.varchar('event', 48, { isPrimary: true }),
          col.varchar('template_id', 64, { isNullable: true }),
          col.text('fields'),
          col.varchar('page', 255),
          col.text('scenes'),
          col.bool('enabled', true),
          col.int('version', { default: 1 }),
          col.datetime('updated_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notify_allowances',
        columns: [
          col.int('user_id', { isPrimary: true }),
          col.varchar('template_id', 64, { isPrimary: true }),
          col.int('remaining', { default: 0 }),
          col.datetime('updated_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notify_prefs',
        columns: [
          col.int('user_id', { isPrimary: true }),
          col.varchar('event', 48, { isPrimary: true }),
          { name: 'enabled', type: 'boolean' },
          col.datetime('updated_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notify_offers',
        columns: [
          col.id(),
          col.int('user_id'),
          col.varchar('scene', 16),
          col.text('template_ids'),
          col.datetime('expires_at'),
          col.datetime('used_at', { isNullable: true }),
        ],
      }),
    );
    await q.createIndex(
      'notify_offers',
      new TableIndex({ name: 'ix_notify_offers_user', columnNames: ['user_id', 'scene', 'expires_at'] }),
    );
    await q.createTable(
      new Table({
        name: 'wechat_tokens',
        columns: [
          col.varchar('appid', 64, { isPrimary: true }),
          col.varchar('access_token', 512),
          col.datetime('expires_at'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'wechat_tokens',
      'notify_offers',
      'notify_prefs',
      'notify_allowances',
      'notify_templates',
    ]) {
      await q.dropTable(t);
    }
    await q.dropTable('notifications');
  }
}
