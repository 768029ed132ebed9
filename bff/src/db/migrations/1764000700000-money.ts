import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns';

/** Durable jobs, refunds as records with a per-line cap, daily bill reports and ops alerts. */
export class Money1764000700000 implements MigrationInterface {
  name = 'Money1764000700000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'jobs',
        columns: [
          col.id(),
          col.varchar('kind', 48),
          col.text('payload'),
          col.varchar('dedupe_key', 96, { isNullable: true }),
          col.varchar('status', 16),
          col.datetime('run_at'),
          col.int('attempts', { default: 0 }),
          col.int('max_attempts'),
          col.varchar('lease_owner', 64, { isNullable: true }),
          col.datetime('lease_until', { isNullable: true }),
          col.varchar('last_error', 500, { isNullable: true }),
          col.datetime('created_at'),
          col.datetime('updated_at'),
          col.datetime('finished_at', { isNullable: true }),
        ],
      }),
    );
    await q.createIndex('jobs', new TableIndex({ name: 'ix_jobs_due', columnNames: ['status', 'run_at'] }));
    await q.createIndex(
      'jobs',
      new TableIndex({ name: 'uq_jobs_dedupe_key', columnNames: ['dedupe_key'], isUnique: true }),
    );

    await q.createTable(
      new Table({
        name: 'refunds',
        columns: [
          col.id(),
          col.varchar('refund_no', 32),
          col.int('order_id'),
          col.int('case_id', { isNullable: true }),
          col.varchar('status', 16),
          col.int('amount_fen'),
          col.int('fee_fen'),
          col.text('lines'),
          col.varchar('reason', 80),
          col.varchar('requested_by_type', 16),
          col.int('requested_by_id', { isNullable: true }),
          col.varchar('wechat_refund_id', 64, { isNullable: true }),
          col.int('attempts', { default: 0 }),
          col.varchar('last_error', 500, { isNullable: true }),
          col.datetime('created_at'),
          col.datetime('updated_at'),
          col.datetime('settled_at', { isNullable: true }),
        ],
      }),
    );
    await q.createIndex(
      'refunds',
      new TableIndex({ name: 'uq_refunds_refund_no', columnNames: ['refund_no'], isUnique: true }),
    );
    await q.createIndex('refunds', new TableIndex({ name: 'ix_refunds_order', columnNames: ['order_id'] }));
    await q.createIndex('refunds', new TableIndex({ name: 'ix_refunds_status', columnNames: ['status'] }));

    await q.addColumns('orders', [
      new TableColumn(col.int('refund_held_fen', { default: 0 })),
      new TableColumn(col.int('refund_fee_held_fen', { default: 0 })),
      new TableColumn(col.int('refund_paid_fen', { default: 0 })),
    ]);
    await q.addColumns('order_items', [
      new TableColumn(col.int('refunded_qty', { default: 0 })),
      new TableColumn(col.int('refunded_fen', { default: 0 })),
    ]);

    await q.createTable(
      new Table({
        name: 'bill_reports',
        columns: [
          { name: 'bill_date', type: 'varchar', length: '10', isPrimary: true },
          col.varchar('status', 16),
          col.int('matched'),
          col.bigint('payments_fen'),
          col.bigint('refunds_fen'),
          col.text('details'),
          col.varchar('error', 500, { isNullable: true }),
          col.datetime('created_at'),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'ops_alerts',
        columns: [
          col.id(),
          col.varchar('kind', 32),
          col.varchar('severity', 16),
          col.varchar('message', 300),
          col.text('details'),
          col.datetime('created_at'),
          col.datetime('acknowledged_at', { isNullable: true }),
        ],
      }),
    );
    await q.createIndex(
      'ops_alerts',
      new TableIndex({ name: 'ix_ops_alerts_created', columnNames: ['created_at'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('ops_alerts');
    await q.dropTable('bill_reports');
    await q.dropColumns('order_items', ['refunded_qty', 'refunded_fen']);
    await q.dropColumns('orders', ['refund_held_fen', 'refund_fee_held_fen', 'refund_paid_fen']);
    await q.dropTable('refunds');
    await q.dropTable('jobs');
  }
}
