import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns';

/** The support bot's knowledge in the database: FAQ articles, product relations, who products suit. */
export class Knowledge1764000950000 implements MigrationInterface {
  name = 'Knowledge1764000950000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'faq_articles',
        columns: [
          col.id(),
          col.varchar('slug', 64, { isNullable: true }),
          col.varchar('category', 16),
          col.varchar('question', 200),
          col.text('answer'),
          col.text('keywords'),
          col.text('questions'),
          col.bool('active', true),
          col.int('version', { default: 1 }),
          col.datetime('updated_at'),
        ],
      }),
    );
    await q.createIndex(
      'faq_articles',
      new TableIndex({ name: 'uq_faq_articles_slug', columnNames: ['slug'], isUnique: true }),
    );
    await q.createIndex(
      'faq_articles',
      new TableIndex({ name: 'ix_faq_articles_category', columnNames: ['category'] }),
    );

    await q.createTable(
      new Table({
        name: 'product_relations',
        columns: [
          col.id(),
          col.int('from_product_id'),
          col.int('to_product_id'),
          col.varchar('kind', 16),
          col.double('weight', { default: 1 }),
          col.varchar('reason', 60, { isNullable: true }),
          col.int('version', { default: 1 }),
          col.datetime('updated_at'),
        ],
      }),
    );
    await q.createIndex(
      'product_relations',
      new TableIndex({
        name: 'uq_product_relations',
        columnNames: ['from_product_id', 'to_product_id', 'kind'],
        isUnique: true,
      }),
    );
    await q.createIndex(
      'product_relations',
      new TableIndex({ name: 'ix_product_relations_to', columnNames: ['to_product_id'] }),
    );

    await q.createTable(
      new Table({
        name: 'product_suitability',
        columns: [
          col.int('product_id', { isPrimary: true }),
          col.text('suitable'),
          col.int('version', { default: 1 }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('product_suitability');
    await q.dropTable('product_relations');
    await q.dropTable('faq_articles');
  }
}
