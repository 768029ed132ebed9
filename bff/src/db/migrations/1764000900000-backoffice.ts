import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns';

/** Back-office accounts (username + argon2id password, optional TOTP), their login log, token versions. */
export class Backoffice1764000900000 implements MigrationInterface {
  name = 'Backoffice1764000900000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'admin_users',
        columns: [
          col.id(),
          col.varchar('username', 64),
          // Lower-cased username: the unique key, case-insensitive on SQLite and MySQL alike.
          col.varchar('username_key', 64),
          col.varchar('password_hash', 255),
          col.varchar('role', 16),
          col.int('store_id', { isNullable: true }),
          col.bool('disabled', false),
          col.int('token_version', { default: 0 }),
          col.varchar('totp_secret', 255, { isNullable: true }),
          col.bool('totp_enabled', false),
          col.datetime('last_login_at', { isNullable: true }),
          col.int('version', { default: 1 }),
          col.datetime('created_at'),
          col.datetime('updated_at'),
        ],
      }),
    );
    await q.createIndex(
      'admin_users',
      new TableIndex({ name: 'uq_admin_users_username_key', columnNames: ['username_key'], isUnique: true }),
    );

    await q.createTable(
      new Table({
        name: 'admin_login_log',
        columns: [
          col.id(),
          col.varchar('username', 64),
          col.int('admin_user_id', { isNullable: true }),
          col.varchar('outcome', 24),
          col.varchar('ip', 64),
          col.varchar('user_agent', 255),
          col.datetime('at'),
        ],
      }),
    );
    await q.createIndex(
      'admin_login_log',
      new TableIndex({ name: 'ix_admin_login_log_username', columnNames: ['username', 'at'] }),
    );
    await q.createIndex(
      'admin_login_log',
      new TableIndex({ name: 'ix_admin_login_log_at', columnNames: ['at'] }),
    );

    await q.addColumns('users', [new TableColumn(col.int('token_version', { default: 0 }))]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumns('users', ['token_version']);
    await q.dropTable('admin_login_log');
    await q.dropTable('admin_users');
  }
}
