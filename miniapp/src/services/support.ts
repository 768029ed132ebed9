import Taro from '@tarojs/taro';
import { z } from 'zod';
import { ChatMessage, Conversation, SendMessageResponse, type SendMessageBody } from '@omni/shared-types';
import { ApiError, messageFor, request } from './request';

const ConversationList = z.object({ items: z.array(Conversation) });
const History = z.object({ conversation: Conversation, items: z.array(ChatMessage) });
/** One page of a conversation's messages, oldest first. */
export type History = z.infer<typeof History>;

/** Messages fetched per page of chat history. */
export const HISTORY_PAGE_SIZE = 30;

const SUPPORT_MESSAGES: Record<string, string> = {
  RATE_LIMITED: '发送太频繁，请稍后再试',
  MESSAGE_ID_REUSED: '消息发送冲突，请重新输入',
  CONVERSATION_NOT_FOUND: '会话不存在或已结束',
  CONVERSATION_CLOSED: '会话已结束',
  ALREADY_CLAIMED: '已被其他客服接入',
  VALIDATION_FAILED: '消息不能为空，且不超过 1000 字',
  INVALID_STATE: '会话状态已变化，请刷新后重试',
  CASE_NOT_FOUND: '售后单不存在',
};

/** Chinese text for a failed support call or socket ack (codes the request layer has no text for). */
export function supportErrorMessage(err: unknown): string {
  const code = err instanceof ApiError ? err.code : (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && SUPPORT_MESSAGES[code]) return SUPPORT_MESSAGES[code];
  if (err instanceof ApiError) return err.message;
  return messageFor('INTERNAL');
}

/**
 * A fresh client message id (idempotency of sends: 8–64 of [A-Za-z0-9_-]); a message keeps its id
 * on every resend, so the BFF stores it once.
 */
export function newClientId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let id = `m${Date.now().toString(36)}`;
  while (id.length < 24) id += alphabet[Math.floor(Math.random() * alphabet.length)];
  return id;
}

/** Opens the 客服 chat, about `orderId` when given (e.g. from 订单详情). */
export function openChat(orderId?: number): Promise<unknown> {
  return Taro.navigateTo({ url: `/pages/chat/index${orderId ? `?orderId=${orderId}` : ''}` });
}

/** Sends a customer message over HTTP (the socket's fallback); errors are left to the caller. */
export function postMessage(body: SendMessageBody): Promise<SendMessageResponse> {
  return request({
    method: 'POST',
    path: '/support/messages',
    data: body as unknown as Record<string, unknown>,
    schema: SendMessageResponse,
    silent: true,
  });
}

/** The signed-in customer's conversations, newest first. */
export async function myConversations(): Promise<Conversation[]> {
  return (await request({ path: '/support/conversations', schema: ConversationList, silent: true })).items;
}

/** Up to `limit` messages older than message `before` (the newest page without it), oldest first. */
export function conversationHistory(
  id: number,
  before?: number,
  limit = HISTORY_PAGE_SIZE,
): Promise<History> {
  return request({
    path: `/support/conversations/${id}/messages`,
    query: { before, limit },
    schema: History,
    silent: true,
  });
}

/** The customer rates a closed conversation 1–5. */
export function rateConversation(id: number, score: number): Promise<Conversation> {
  return request({
    method: 'POST',
    path: `/support/conversations/${id}/csat`,
    data: { score },
    schema: Conversation,
    silent: true,
  });
}
