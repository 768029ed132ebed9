import type { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** Every table the migrations before this one created. */
const TABLES = [
  'app_meta',
  'users',
  'stores',
  'couriers',
  'categories',
  'products',
  'store_stock',
  'delivery_zones',
  'slot_templates',
  'slot_blackouts',
  'slot_overrides',
  'delivery_slots',
  'orders',
  'order_items',
  'order_events',
  'store_exceptions',
  'lbs_consents',
  'user_positions',
  'fence_states',
  'lbs_events',
  'route_plans',
  'route_stops',
  'stop_events',
  'courier_photos',
  'dispatch_runs',
  'conversations',
  'messages',
  'aftersales_cases',
  'aftersales_events',
  'courier_positions',
];

/** The column as TypeORM reads an entity's column back on SQLite, or null if it already is. */
function sqliteAligned(column: TableColumn): TableColumn | null {
  const type = column.type === 'int' ? 'integer' : column.type;
  const dflt: unknown = column.default === 'false' ? '0' : column.default === 'true' ? '1' : column.default;
  if (type === column.type && dflt === column.default) return null;
  const aligned = column.clone();
  aligned.type = type;
  aligned.default = dflt;
  return aligned;
}

/**
 * SQLite only: the earlier migrations declared columns `int` and boolean defaults `false`/`true`,
 * which SQLite keeps as written while TypeORM's entities read `integer` and `0`/`1`, so every
 * schema diff wanted to rebuild every table. Same meaning to SQLite (INTEGER affinity, FALSE = 0);
 * this rebuilds the affected tables with the spelling TypeORM expects, keeping rows, indexes and
 * id counters.
 * MySQL/MariaDB already store INT and 0/1, so there is nothing to do there.
 */
export class SchemaAlign1764000650000 implements MigrationInterface {
  name = 'SchemaAlign1764000650000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'better-sqlite3') return;
    for (const name of TABLES) {
      const table = await q.getTable(name);
      if (!table) continue;
      const changes = table.columns.flatMap((oldColumn) => {
        const newColumn = sqliteAligned(oldColumn);
        return newColumn ? [{ oldColumn, newColumn }] : [];
      });
      if (!changes.length) continue;
      // The rebuild copies the rows into a new table, whose AUTOINCREMENT counter would restart
      // at the highest id left; keep the old counter so deleted ids are never handed out again.
      const seq = (await q.query('SELECT seq FROM sqlite_sequence WHERE name = ?', [name])) as Array<{
        seq: number;
      }>;
      await q.changeColumns(table, changes);
      if (seq.length) {
        await q.query('DELETE FROM sqlite_sequence WHERE name = ?', [name]);
        await q.query('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)', [name, seq[0].seq]);
      }
    }
  }

  async down(): Promise<void> {
    // The old spellings meant the same to SQLite; there is nothing worth restoring.
  }
}
