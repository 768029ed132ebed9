import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns';

/** Support conversations and messages, after-sales cases and their timeline. */
export class Support1764000400000 implements MigrationInterface {
  name = 'Support1764000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'conversations',
        columns: [
          col.id(),
          col.int('user_id'),
          col.varchar('status', 16),
          col.int('store_id', { isNullable: true }),
          col.int('order_id', { isNullable: true }),
          col.int('agent_id', { isNullable: true }),
          col.text('summary', { isNullable: true }),
          col.text('memory', { isNullable: true }),
          col.int('unresolved_turns', { default: 0 }),
          col.datetime('handoff_at', { isNullable: true }),
          col.datetime('claimed_at', { isNullable: true }),
          col.datetime('first_agent_reply_at', { isNullable: true }),
          col.datetime('closed_at', { isNullable: true }),
          col.int('csat', { isNullable: true }),
          col.datetime('created_at'),
          col.datetime('last_message_at'),
        ],
      }),
    );
    await q.createIndex(
      'conversations',
      new TableIndex({ name: 'ix_conversations_user', columnNames: ['user_id', 'id'] }),
    );
    await q.createIndex(
      'conversations',
      new TableIndex({ name: 'ix_conversations_queue', columnNames: ['status', 'store_id'] }),
    );
    await q.createTable(
      new Table({
        name: 'messages',
        columns: [
          col.id(),
          col.int('conversation_id'),
          col.varchar('sender', 16),
          col.int('sender_id', { isNullable: true }),
          col.varchar('client_id', 64, { isNullable: true }),
          col.text('text'),
          col.text('payload', { isNullable: true }),
          col.varchar('intent', 32, { isNullable: true }),
          col.double('confidence', { isNullable: true }),
          col.datetime('created_at'),
        ],
        uniques: [{ name: 'uq_messages_client', columnNames: ['sender_id', 'client_id'] }],
      }),
    );
    await q.createIndex(
      'messages',
      new TableIndex({ name: 'ix_messages_conversation', columnNames: ['conversation_id', 'id'] }),
    );
    await q.createTable(
      new Table({
        name: 'aftersales_cases',
        columns: [
          col.id(),
          col.varchar('case_no', 24, { isUnique: true }),
          col.int('user_id'),
          col.int('order_id'),
          col.int('store_id'),
          col.varchar('type', 16),
          col.varchar('status', 16),
          col.varchar('reason', 300),
          col.text('lines'),
          col.int('refund_fen', { isNullable: true }),
          col.int('conversation_id', { isNullable: true }),
          col.datetime('sla_due_at'),
          col.datetime('created_at'),
          col.datetime('updated_at'),
        ],
      }),
    );
    await q.createIndex(
      'aftersales_cases',
      new TableIndex({ name: 'ix_cases_user', columnNames: ['user_id', 'id'] }),
    );
    await q.createTable(
      new Table({
        name: 'aftersales_events',
        columns: [
          col.id(),
          col.int('case_id'),
          col.varchar('status', 16),
          col.varchar('actor_type', 16),
          col.int('actor_id', { isNullable: true }),
          col.varchar('note', 300, { isNullable: true }),
          col.datetime('created_at'),
        ],
      }),
    );
    await q.createIndex(
      'aftersales_events',
      new TableIndex({ name: 'ix_case_events_case', columnNames: ['case_id'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['aftersales_events', 'aftersales_cases', 'messages', 'conversations'])
      await q.dropTable(t);
  }
}
