import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns';

/**
 * H5 logins: a user's verified phone and official-account openid (each unique, both optional),
 * and the SMS codes sent (only their HMAC is kept; see SmsCodes).
 */
export class H5Auth1764000960000 implements MigrationInterface {
  name = 'H5Auth1764000960000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('users', [
      new TableColumn(col.varchar('phone', 20, { isNullable: true })),
      new TableColumn(col.varchar('oa_openid', 64, { isNullable: true })),
    ]);
    await q.createIndex(
      'users',
      new TableIndex({ name: 'ux_users_phone', columnNames: ['phone'], isUnique: true }),
    );
    await q.createIndex(
      'users',
      new TableIndex({ name: 'ux_users_oa_openid', columnNames: ['oa_openid'], isUnique: true }),
    );
    await q.createTable(
      new Table({
        name: 'sms_codes',
        columns: [
          col.id(),
          col.varchar('phone', 20),
          col.varchar('code_hash', 64),
          col.int('attempts', { default: 0 }),
          col.varchar('ip', 64),
          col.datetime('created_at'),
          col.datetime('expires_at'),
          col.datetime('used_at', { isNullable: true }),
        ],
      }),
    );
    await q.createIndex(
      'sms_codes',
      new TableIndex({ name: 'ix_sms_codes_phone', columnNames: ['phone', 'id'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('sms_codes');
    await q.dropIndex('users', 'ux_users_oa_openid');
    await q.dropIndex('users', 'ux_users_phone');
    await q.dropColumns('users', ['phone', 'oa_openid']);
  }
}
