import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns';

/** The customer address book: at most one default per user, kept by a unique key. */
export class Addresses1764000800000 implements MigrationInterface {
  name = 'Addresses1764000800000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'addresses',
        columns: [
          col.id(),
          col.int('user_id'),
          col.varchar('contact_name', 32),
          col.varchar('phone', 16),
          col.varchar('address', 160),
          col.varchar('detail', 80, { isNullable: true }),
          col.double('lat'),
          col.double('lng'),
          col.varchar('tag', 16, { isNullable: true }),
          col.int('default_user_id', { isNullable: true }),
          col.datetime('last_used_at', { isNullable: true }),
          col.datetime('created_at'),
          col.datetime('updated_at'),
        ],
      }),
    );
    await q.createIndex('addresses', new TableIndex({ name: 'ix_addresses_user', columnNames: ['user_id'] }));
    await q.createIndex(
      'addresses',
      new TableIndex({ name: 'uq_addresses_default_user', columnNames: ['default_user_id'], isUnique: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('addresses');
  }
}
