import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns';

/** Delivery zones and slots, orders with lines and timeline. */
export class Checkout1764000100000 implements MigrationInterface {
  name = 'Checkout1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'delivery_zones',
        columns: [
          col.id(),
          col.varchar('code', 32, { isUnique: true }),
          col.varchar('name', 64),
          col.int('store_id'),
          col.text('polygon'),
          col.int('fee_fen'),
          col.int('free_threshold_fen', { isNullable: true }),
          col.int('cutoff_min'),
          col.bool('active', true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'slot_templates',
        columns: [
          col.id(),
          col.int('zone_id'),
          col.varchar('start_local', 5),
          col.varchar('end_local', 5),
          col.int('capacity'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'slot_blackouts',
        columns: [
          col.id(),
          col.int('zone_id', { isNullable: true }),
          col.varchar('date', 10),
          col.varchar('reason', 64),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'slot_overrides',
        columns: [
          col.id(),
          col.int('zone_id'),
          col.varchar('date', 10),
          col.varchar('start_local', 5),
          col.int('capacity'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'delivery_slots',
        columns: [
          col.id(),
          col.int('zone_id'),
          col.varchar('date', 10),
          col.varchar('start_local', 5),
          col.varchar('end_local', 5),
          col.datetime('start_at'),
          col.datetime('end_at'),
          col.datetime('cutoff_at'),
          col.int('capacity'),
          col.int('booked'),
          col.bool('blocked', false),
          col.varchar('block_reason', 64, { isNullable: true }),
        ],
        uniques: [{ name: 'uq_slot_zone_start', columnNames: ['zone_id', 'start_at'] }],
      }),
    );
    await q.createIndex(
      'delivery_slots',
      new TableIndex({ name: 'ix_slots_zone_date', columnNames: ['zone_id', 'date'] }),
    );
    await q.createTable(
      new Table({
        name: 'orders',
        columns: [
          col.id(),
          col.varchar('order_no', 24, { isUnique: true }),
          col.int('user_id'),
          col.varchar('type', 16),
          col.varchar('status', 24),
          col.int('store_id'),
          col.int('zone_id', { isNullable: true }),
          col.int('slot_id', { isNullable: true }),
          col.varchar('contact_name', 32, { isNullable: true }),
          col.varchar('contact_phone', 16, { isNullable: true }),
          col.varchar('address_text', 160, { isNullable: true }),
          col.varchar('address_detail', 64, { isNullable: true }),
          col.double('lat', { isNullable: true }),
          col.double('lng', { isNullable: true }),
          col.varchar('note', 120, { isNullable: true }),
          col.int('items_total_fen'),
          col.int('delivery_fee_fen'),
          col.int('total_fen'),
          col.double('volume_l'),
          col.varchar('idempotency_key', 64),
          col.varchar('request_hash', 64),
          col.varchar('transaction_id', 64, { isNullable: true }),
          col.bool('staff_ack', false),
          col.datetime('created_at'),
          col.datetime('updated_at'),
          col.datetime('paid_at', { isNullable: true }),
          col.datetime('expires_at', { isNullable: true }),
        ],
        uniques: [{ name: 'uq_orders_idempotency', columnNames: ['user_id', 'idempotency_key'] }],
      }),
    );
    await q.createIndex('orders', new TableIndex({ name: 'ix_orders_user', columnNames: ['user_id', 'id'] }));
    await q.createIndex(
      'orders',
      new TableIndex({ name: 'ix_orders_store', columnNames: ['store_id', 'status'] }),
    );
    await q.createIndex(
      'orders',
      new TableIndex({ name: 'ix_orders_expiry', columnNames: ['status', 'expires_at'] }),
    );
    await q.createIndex('orders', new TableIndex({ name: 'ix_orders_slot', columnNames: ['slot_id'] }));
    await q.createTable(
      new Table({
        name: 'order_items',
        columns: [
          col.id(),
          col.int('order_id'),
          col.int('product_id'),
          col.varchar('sku', 32),
          col.varchar('name', 100),
          col.varchar('image', 255),
          col.int('price_fen'),
          col.int('quantity'),
        ],
      }),
    );
    await q.createIndex(
      'order_items',
      new TableIndex({ name: 'ix_order_items_order', columnNames: ['order_id'] }),
    );
    await q.createTable(
      new Table({
        name: 'order_events',
        columns: [
          col.id(),
          col.int('order_id'),
          col.varchar('from_status', 24, { isNullable: true }),
          col.varchar('to_status', 24),
          col.varchar('actor_type', 16),
          col.int('actor_id', { isNullable: true }),
          col.varchar('reason', 200, { isNullable: true }),
          col.datetime('created_at'),
        ],
      }),
    );
    await q.createIndex(
      'order_events',
      new TableIndex({ name: 'ix_order_events_order', columnNames: ['order_id'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'order_events',
      'order_items',
      'orders',
      'delivery_slots',
      'slot_overrides',
      'slot_blackouts',
      'slot_templates',
      'delivery_zones',
    ]) {
      await q.dropTable(t);
    }
  }
}
