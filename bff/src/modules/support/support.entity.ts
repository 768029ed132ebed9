import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { ConversationStatus } from '@omni/shared-types';

/** A support conversation of one customer. */
@Entity({ name: 'conversations' })
@Index('ix_conversations_user', ['userId', 'id'])
@Index('ix_conversations_queue', ['status', 'storeId'])
@Index('ix_conversations_created', ['createdAt'])
export class ConversationEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: ConversationStatus;

  @Column({ name: 'store_id', type: 'int', nullable: true })
  storeId!: number | null;

  @Column({ name: 'order_id', type: 'int', nullable: true })
  orderId!: number | null;

  @Column({ name: 'agent_id', type: 'int', nullable: true })
  agentId!: number | null;

  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  /** Short dialogue memory (JSON): what the bot last offered, for follow-ups like 改到明天. */
  @Column({ type: 'text', nullable: true })
  memory!: string | null;

  @Column({ name: 'unresolved_turns', type: 'int', default: 0 })
  unresolvedTurns!: number;

  @Column({ name: 'handoff_at', type: 'datetime', nullable: true })
  handoffAt!: Date | null;

  @Column({ name: 'claimed_at', type: 'datetime', nullable: true })
  claimedAt!: Date | null;

  @Column({ name: 'first_agent_reply_at', type: 'datetime', nullable: true })
  firstAgentReplyAt!: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  csat!: number | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'last_message_at', type: 'datetime' })
  lastMessageAt!: Date;
}

/** One stored chat message; (sender, client id) is unique so a resend is stored once. */
@Entity({ name: 'messages' })
@Unique('uq_messages_client', ['senderId', 'clientId'])
@Index('ix_messages_conversation', ['conversationId', 'id'])
export class MessageEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'conversation_id', type: 'int' })
  conversationId!: number;

  @Column({ type: 'varchar', length: 16 })
  sender!: 'customer' | 'bot' | 'agent' | 'system';

  @Column({ name: 'sender_id', type: 'int', nullable: true })
  senderId!: number | null;

  @Column({ name: 'client_id', type: 'varchar', length: 64, nullable: true })
  clientId!: string | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', nullable: true })
  payload!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  intent!: string | null;

  @Column({ type: 'double', nullable: true })
  confidence!: number | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
