import { In, type DataSource } from 'typeorm';
import type { ChatMessage, Conversation, HandoffSummary, MessagePayload } from '@omni/shared-types';
import type { Principal } from '../../http/context';
import { UserEntity } from '../users/user.entity';
import { ConversationEntity, MessageEntity } from './support.entity';

/** Maps a stored message to the wire shape (sender names are role labels, not personal data). */
export function toMessage(m: MessageEntity, _viewer: Principal | null): ChatMessage {
  const names = { customer: '我', bot: '品牌小助手', agent: '客服', system: '系统' } as const;
  return {
    id: m.id,
    conversationId: m.conversationId,
    sender: m.sender,
    senderName: names[m.sender],
    clientId: m.clientId,
    text: m.text,
    payload: m.payload ? (JSON.parse(m.payload) as MessagePayload) : null,
    intent: m.intent,
    createdAt: m.createdAt.toISOString(),
  };
}

/** Maps conversations with customer and agent names and the last message. */
export async function toConversations(db: DataSource, rows: ConversationEntity[]): Promise<Conversation[]> {
  if (!rows.length) return [];
  const userIds = [
    ...new Set(rows.flatMap((r) => [r.userId, r.agentId]).filter((x): x is number => x !== null)),
  ];
  const users = await db.getRepository(UserEntity).findBy({ id: In(userIds) });
  const last = await Promise.all(
    rows.map((r) =>
      db.getRepository(MessageEntity).findOne({ where: { conversationId: r.id }, order: { id: 'DESC' } }),
    ),
  );
  return rows.map((r, i) => {
    const c = users.find((u) => u.id === r.userId);
    const a = r.agentId !== null ? users.find((u) => u.id === r.agentId) : undefined;
    return {
      id: r.id,
      status: r.status,
      storeId: r.storeId,
      customer: { userId: r.userId, nickname: c?.nickname ?? '' },
      orderId: r.orderId,
      agent: a ? { userId: a.id, nickname: a.nickname } : null,
      summary: r.summary ? (JSON.parse(r.summary) as HandoffSummary) : null,
      waitingSince: r.status === 'waiting' ? (r.handoffAt?.toISOString() ?? null) : null,
      createdAt: r.createdAt.toISOString(),
      lastMessageAt: r.lastMessageAt.toISOString(),
      lastMessage: last[i]?.text.slice(0, 80) ?? null,
      csat: r.csat,
    };
  });
}
