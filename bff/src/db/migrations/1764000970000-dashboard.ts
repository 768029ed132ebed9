import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns';

/**
 * The 看板: a store-inbox event may carry its own title (a KPI anomaly's value and band), and the
 * per-day KPI queries read orders by paid time, conversations by start and cases by SLA due time.
 */
export class Dashboard1764000970000 implements MigrationInterface {
  name = 'Dashboard1764000970000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('lbs_events', new TableColumn(col.varchar('title', 120, { isNullable: true })));
    await q.createIndex('orders', new TableIndex({ name: 'ix_orders_paid', columnNames: ['paid_at'] }));
    await q.createIndex(
      'conversations',
      new TableIndex({ name: 'ix_conversations_created', columnNames: ['created_at'] }),
    );
    await q.createIndex(
      'aftersales_cases',
      new TableIndex({ name: 'ix_cases_sla_due', columnNames: ['sla_due_at'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('aftersales_cases', 'ix_cases_sla_due');
    await q.dropIndex('conversations', 'ix_conversations_created');
    await q.dropIndex('orders', 'ix_orders_paid');
    await q.dropColumn('lbs_events', 'title');
  }
}
