import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns';

/** Store exceptions, location consent and positions, geofence states, the staff event inbox. */
export class Lbs1764000200000 implements MigrationInterface {
  name = 'Lbs1764000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'store_exceptions',
        columns: [
          col.id(),
          col.int('store_id'),
          col.varchar('date', 10),
          col.bool('closed', false),
          col.varchar('open_local', 5, { isNullable: true }),
          col.varchar('close_local', 5, { isNullable: true }),
          col.varchar('reason', 64, { isNullable: true }),
        ],
        uniques: [{ name: 'uq_store_exception', columnNames: ['store_id', 'date'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'lbs_consents',
        columns: [
          { name: 'user_id', type: 'int', isPrimary: true },
          col.bool('location', false),
          col.bool('nearby_offers', false),
          col.datetime('updated_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'user_positions',
        columns: [
          { name: 'user_id', type: 'int', isPrimary: true },
          col.double('lat'),
          col.double('lng'),
          col.datetime('reported_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'fence_states',
        columns: [
          col.id(),
          col.int('user_id'),
          col.int('store_id'),
          col.varchar('kind', 16),
          col.text('state'),
        ],
        uniques: [{ name: 'uq_fence_state', columnNames: ['user_id', 'store_id', 'kind'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'lbs_events',
        columns: [
          col.id(),
          col.int('store_id'),
          col.varchar('kind', 24),
          col.varchar('status', 16),
          col.int('user_id', { isNullable: true }),
          col.int('order_id', { isNullable: true }),
          col.int('distance_m', { isNullable: true }),
          col.varchar('dedupe_key', 96, { isNullable: true, isUnique: true }),
          col.int('claimed_by', { isNullable: true }),
          col.datetime('claimed_at', { isNullable: true }),
          col.datetime('resolved_at', { isNullable: true }),
          col.varchar('note', 200, { isNullable: true }),
          col.datetime('escalated_at', { isNullable: true }),
          col.datetime('created_at'),
        ],
      }),
    );
    await q.createIndex(
      'lbs_events',
      new TableIndex({ name: 'ix_lbs_events_store', columnNames: ['store_id', 'status', 'id'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['lbs_events', 'fence_states', 'user_positions', 'lbs_consents', 'store_exceptions'])
      await q.dropTable(t);
  }
}
