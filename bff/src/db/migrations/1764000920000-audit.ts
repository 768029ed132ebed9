import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns';

/** Tables an admin edits: each row carries a version for optimistic concurrency. */
const VERSIONED = ['products', 'store_stock', 'stores', 'delivery_zones', 'slot_templates'];

/** The audit log of admin-side writes, and a `version` on every record an admin edits. */
export class Audit1764000920000 implements MigrationInterface {
  name = 'Audit1764000920000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          col.id(),
          col.datetime('at'),
          col.int('actor_id'),
          col.varchar('actor_kind', 16),
          col.varchar('role', 16),
          col.varchar('action', 48),
          col.varchar('entity', 32),
          col.varchar('entity_id', 64),
          col.text('before', { isNullable: true }),
          col.text('after', { isNullable: true }),
          col.varchar('request_id', 64, { isNullable: true }),
        ],
      }),
    );
    await q.createIndex(
      'audit_log',
      new TableIndex({ name: 'ix_audit_entity', columnNames: ['entity', 'entity_id', 'at'] }),
    );
    await q.createIndex(
      'audit_log',
      new TableIndex({ name: 'ix_audit_actor', columnNames: ['actor_kind', 'actor_id', 'at'] }),
    );
    await q.createIndex('audit_log', new TableIndex({ name: 'ix_audit_at', columnNames: ['at'] }));
    for (const table of VERSIONED) {
      await q.addColumns(table, [new TableColumn(col.int('version', { default: 1 }))]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of VERSIONED) await q.dropColumns(table, ['version']);
    await q.dropTable('audit_log');
  }
}
