import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns';

/** The last reported position of each courier. */
export class CourierPositions1764000600000 implements MigrationInterface {
  name = 'CourierPositions1764000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'courier_positions',
        columns: [
          { name: 'courier_id', type: 'int', isPrimary: true },
          col.double('lat'),
          col.double('lng'),
          col.datetime('reported_at'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('courier_positions');
  }
}
