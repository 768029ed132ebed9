import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns';

/**
 * The back office's after-sales queue: a case may be assigned to a member of its store (a
 * `user_roles` id) and carries a version for the console's writes; the queue reads by store and state.
 */
export class AftersalesQueue1764000990000 implements MigrationInterface {
  name = 'AftersalesQueue1764000990000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('aftersales_cases', [
      new TableColumn(col.int('assignee_id', { isNullable: true })),
      new TableColumn(col.datetime('assigned_at', { isNullable: true })),
      new TableColumn(col.int('version', { default: 1 })),
    ]);
    await q.createIndex(
      'aftersales_cases',
      new TableIndex({ name: 'ix_cases_store', columnNames: ['store_id', 'status'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('aftersales_cases', 'ix_cases_store');
    await q.dropColumns('aftersales_cases', ['assignee_id', 'assigned_at', 'version']);
  }
}
