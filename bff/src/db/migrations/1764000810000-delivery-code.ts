import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns';

/** Wrong delivery codes typed per order: the courier's deliver is locked after 5 (see DeliveryCodeGuard). */
export class DeliveryCode1764000810000 implements MigrationInterface {
  name = 'DeliveryCode1764000810000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('orders', [new TableColumn(col.int('delivery_code_failures', { default: 0 }))]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumns('orders', ['delivery_code_failures']);
  }
}
