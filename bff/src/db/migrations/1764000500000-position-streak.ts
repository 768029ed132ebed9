import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Counts consecutive implausible reports, so one bad first fix cannot lock a user out. */
export class PositionStreak1764000500000 implements MigrationInterface {
  name = 'PositionStreak1764000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'user_positions',
      new TableColumn({ name: 'rejected_streak', type: 'int', default: 0 }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('user_positions', 'rejected_streak');
  }
}
