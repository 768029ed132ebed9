import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns';

/** Users, stores, couriers, the catalogue and stock. */
export class Init1764000000000 implements MigrationInterface {
  name = 'Init1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'app_meta',
        columns: [{ name: 'key', type: 'varchar', length: '64', isPrimary: true }, col.varchar('value', 255)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          col.id(),
          col.varchar('openid', 64, { isUnique: true }),
          col.varchar('unionid', 64, { isNullable: true }),
          col.varchar('role', 16),
          col.varchar('nickname', 64),
          col.varchar('avatar_url', 255, { isNullable: true }),
          col.int('store_id', { isNullable: true }),
          col.int('courier_id', { isNullable: true }),
          col.datetime('created_at'),
          col.datetime('last_login_at'),
        ],
      }),
    );
    await q.createIndex('users', new TableIndex({ name: 'ix_users_unionid', columnNames: ['unionid'] }));
    await q.createTable(
      new Table({
        name: 'stores',
        columns: [
          col.id(),
          col.varchar('code', 32, { isUnique: true }),
          col.varchar('name', 64),
          col.varchar('district', 32),
          col.varchar('address', 255),
          col.varchar('phone', 32),
          col.double('lat'),
          col.double('lng'),
          col.text('hours'),
          col.text('services'),
          col.bool('active', true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'couriers',
        columns: [
          col.id(),
          col.varchar('code', 32, { isUnique: true }),
          col.varchar('name', 32),
          col.varchar('phone', 32),
          col.int('store_id'),
          col.varchar('vehicle', 16),
          col.double('capacity_l'),
          col.varchar('shift_start', 5),
          col.varchar('shift_end', 5),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'categories',
        columns: [
          { name: 'id', type: 'varchar', length: '32', isPrimary: true },
          col.varchar('name', 32),
          col.varchar('icon', 255),
          col.int('sort'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'products',
        columns: [
          col.id(),
          col.varchar('sku', 32, { isUnique: true }),
          col.varchar('name', 100),
          col.varchar('subtitle', 200),
          col.text('description'),
          col.varchar('category_id', 32),
          col.int('price_fen'),
          col.int('original_price_fen', { isNullable: true }),
          col.varchar('unit', 8),
          col.double('volume_l'),
          col.int('max_per_order'),
          col.text('tags'),
          col.text('attributes'),
          col.text('images'),
          col.bool('active', true),
        ],
      }),
    );
    await q.createIndex(
      'products',
      new TableIndex({ name: 'ix_products_category', columnNames: ['category_id'] }),
    );
    await q.createTable(
      new Table({
        name: 'store_stock',
        columns: [col.id(), col.int('store_id'), col.int('product_id'), col.int('quantity')],
        uniques: [{ name: 'uq_store_stock', columnNames: ['store_id', 'product_id'] }],
      }),
    );
    await q.createIndex(
      'store_stock',
      new TableIndex({ name: 'ix_stock_product', columnNames: ['product_id'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['store_stock', 'products', 'categories', 'couriers', 'stores', 'users', 'app_meta']) {
      await q.dropTable(t);
    }
  }
}
