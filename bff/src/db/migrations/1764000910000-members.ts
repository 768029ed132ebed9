import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns';

/**
 * Roles bound to WeChat identities (`user_roles`, several per identity) and the single-use invites
 * that bind them. Identities that already carry a staff-side role in `users.role` keep it as a
 * bound role, so nobody loses access when logins stop writing `users.role`.
 */
export class Members1764000910000 implements MigrationInterface {
  name = 'Members1764000910000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'user_roles',
        columns: [
          col.id(),
          col.int('user_id'),
          col.varchar('role', 16),
          col.int('store_id', { isNullable: true }),
          col.int('courier_id', { isNullable: true }),
          col.varchar('display_name', 64),
          col.bool('disabled', false),
          col.datetime('created_at'),
          col.int('version', { default: 1 }),
        ],
      }),
    );
    await q.createIndex(
      'user_roles',
      new TableIndex({ name: 'uq_user_roles_user_role', columnNames: ['user_id', 'role'], isUnique: true }),
    );
    await q.createIndex(
      'user_roles',
      new TableIndex({ name: 'ix_user_roles_store', columnNames: ['store_id', 'role'] }),
    );
    await q.query(
      `INSERT INTO user_roles (user_id, role, store_id, courier_id, display_name, disabled, created_at, version)
       SELECT id, role, store_id, courier_id, nickname, 0, created_at, 1 FROM users WHERE role <> 'consumer'`,
    );

    await q.createTable(
      new Table({
        name: 'invites',
        columns: [
          col.id(),
          col.varchar('code_hash', 64),
          col.varchar('role', 16),
          col.int('store_id'),
          col.int('courier_id', { isNullable: true }),
          col.varchar('display_name', 64),
          col.varchar('status', 16),
          col.datetime('expires_at'),
          col.datetime('created_at'),
          col.int('created_by_id'),
          col.varchar('created_by_kind', 16),
          col.datetime('spent_at', { isNullable: true }),
          col.int('member_id', { isNullable: true }),
          col.int('version', { default: 1 }),
        ],
      }),
    );
    await q.createIndex(
      'invites',
      new TableIndex({ name: 'uq_invites_code_hash', columnNames: ['code_hash'], isUnique: true }),
    );
    await q.createIndex(
      'invites',
      new TableIndex({ name: 'ix_invites_store', columnNames: ['store_id', 'created_at'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('invites');
    await q.dropTable('user_roles');
  }
}
