import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns';

/**
 * Slot templates per weekday (null: every day, what the older rows mean), with their own cut-off
 * and an active flag; one capacity override per zone, day and slot start.
 */
export class OpsData1764000940000 implements MigrationInterface {
  name = 'OpsData1764000940000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('slot_templates', [
      new TableColumn(col.int('weekday', { isNullable: true })),
      new TableColumn(col.int('cutoff_min', { isNullable: true })),
      new TableColumn(col.bool('active', true)),
    ]);
    await q.createIndex(
      'slot_overrides',
      new TableIndex({
        name: 'uq_slot_override',
        columnNames: ['zone_id', 'date', 'start_local'],
        isUnique: true,
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('slot_overrides', 'uq_slot_override');
    await q.dropColumns('slot_templates', ['weekday', 'cutoff_min', 'active']);
  }
}
