import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns';

/** Versioned route plans, their stops, idempotent stop events, delivery photos, dispatch run claims. */
export class Dispatch1764000300000 implements MigrationInterface {
  name = 'Dispatch1764000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'route_plans',
        columns: [
          col.id(),
          col.int('store_id'),
          col.varchar('date', 10),
          col.int('version'),
          col.varchar('trigger_kind', 16),
          col.int('created_by', { isNullable: true }),
          col.int('distance_m'),
          col.int('computing_ms'),
          col.text('unassigned'),
          col.datetime('created_at'),
        ],
        uniques: [{ name: 'uq_route_plan_version', columnNames: ['store_id', 'date', 'version'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'route_stops',
        columns: [
          col.id(),
          col.int('plan_id'),
          col.int('courier_id'),
          col.int('seq'),
          col.int('order_id'),
          col.datetime('eta_at'),
          col.datetime('window_start'),
          col.datetime('window_end'),
          col.varchar('status', 16),
          col.datetime('arrived_at', { isNullable: true }),
          col.datetime('done_at', { isNullable: true }),
          col.varchar('proof_type', 8, { isNullable: true }),
          col.varchar('proof_ref', 64, { isNullable: true }),
          col.varchar('fail_reason', 100, { isNullable: true }),
        ],
        uniques: [{ name: 'uq_route_stop_order', columnNames: ['plan_id', 'order_id'] }],
      }),
    );
    await q.createIndex(
      'route_stops',
      new TableIndex({ name: 'ix_route_stops_courier', columnNames: ['plan_id', 'courier_id', 'seq'] }),
    );
    await q.createIndex(
      'route_stops',
      new TableIndex({ name: 'ix_route_stops_order', columnNames: ['order_id'] }),
    );
    await q.createTable(
      new Table({
        name: 'stop_events',
        columns: [
          col.id(),
          col.varchar('client_event_id', 64, { isUnique: true }),
          col.int('courier_id'),
          col.int('order_id'),
          col.varchar('action', 8),
          col.text('result'),
          col.datetime('created_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'courier_photos',
        columns: [
          col.id(),
          col.varchar('photo_id', 64, { isUnique: true }),
          col.int('courier_id'),
          col.varchar('content_type', 16),
          col.int('size_bytes'),
          col.datetime('created_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'dispatch_runs',
        columns: [
          col.id(),
          col.varchar('run_key', 64, { isUnique: true }),
          col.int('store_id'),
          col.varchar('date', 10),
          col.int('plan_id', { isNullable: true }),
          col.datetime('created_at'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['dispatch_runs', 'courier_photos', 'stop_events', 'route_stops', 'route_plans']) {
      await q.dropTable(t);
    }
  }
}
