import { z } from 'zod';
import {
  AftersalesCase,
  CaseListResponse,
  ChatMessage,
  Conversation,
  Order,
  type CaseStatus,
  type ConversationStatus,
} from '@omni/shared-types';
import { ApiError, request, type RequestOptions } from '../../../services/request';
import { clearStaffSession, getStaffSession } from './staff-session';

const ConversationList = z.object({ items: z.array(Conversation) });
const History = z.object({ conversation: Conversation, items: z.array(ChatMessage) });
const Canned = z.object({ items: z.array(z.string()) });
const CaseList = z.object({ items: z.array(AftersalesCase) });

/** A console call with the staff token (not the shopper's); a rejected token signs staff out. */
async function asStaff<T>(options: RequestOptions<T>): Promise<T> {
  const session = getStaffSession();
  if (!session) throw new ApiError('UNAUTHENTICATED', '请先登录门店后台', 401);
  try {
    return await request({
      ...options,
      silent: true,
      headers: { ...options.headers, Authorization: `Bearer ${session.token}` },
    });
  } catch (err) {
    if (err instanceof ApiError && (err.code === 'TOKEN_INVALID' || err.code === 'TOKEN_EXPIRED'))
      clearStaffSession();
    throw err;
  }
}

/** The queue: the store's and the brand-wide conversations (waiting and being served by default). */
export async function listQueue(status?: ConversationStatus): Promise<Conversation[]> {
  return (await asStaff({ path: '/support/conversations', query: { status }, schema: ConversationList }))
    .items;
}

/** The newest messages of a conversation (older than `before` when given), oldest first. */
export function staffHistory(id: number, before?: number): Promise<z.infer<typeof History>> {
  return asStaff({
    path: `/support/conversations/${id}/messages`,
    query: { before, limit: 50 },
    schema: History,
  });
}

/** Takes a waiting conversation; fails with ALREADY_CLAIMED (409) when a colleague was first. */
export function claimConversation(id: number): Promise<Conversation> {
  return asStaff({ method: 'POST', path: `/support/conversations/${id}/claim`, schema: Conversation });
}

/** The agent's reply (idempotent by `clientId`). */
export function replyTo(id: number, text: string, clientId: string): Promise<ChatMessage> {
  return asStaff({
    method: 'POST',
    path: `/support/conversations/${id}/reply`,
    data: { text, clientId },
    schema: ChatMessage,
  });
}

/** Ends the conversation; the customer is asked for a rating. */
export function closeConversation(id: number): Promise<Conversation> {
  return asStaff({ method: 'POST', path: `/support/conversations/${id}/close`, schema: Conversation });
}

/** The console's canned replies. */
export async function cannedReplies(): Promise<string[]> {
  return (await asStaff({ path: '/support/canned', schema: Canned })).items;
}

/** An order of the store (the conversation's order). */
export function storeOrder(id: number): Promise<Order> {
  return asStaff({ path: `/orders/${id}`, schema: Order });
}

/** The store's after-sales cases of one order. */
export async function casesOfOrder(orderId: number): Promise<AftersalesCase[]> {
  const { items } = await asStaff({ path: '/aftersales', schema: CaseList });
  return items.filter((c) => c.orderId === orderId);
}

/** One page of the store's after-sales cases in `status` (any state when omitted), newest first. */
export function storeCases(
  q: { status?: readonly CaseStatus[]; page?: number; pageSize?: number } = {},
): Promise<CaseListResponse> {
  return asStaff({
    path: '/aftersales',
    query: { status: q.status?.join(','), page: q.page, pageSize: q.pageSize },
    schema: CaseListResponse,
  });
}

/** How many of the store's cases are in `status`. */
export async function storeCaseCount(status: readonly CaseStatus[]): Promise<number> {
  return (await storeCases({ status, pageSize: 1 })).total;
}

/** One case of the store with its timeline (CASE_NOT_FOUND for another store's). */
export function storeCase(id: number): Promise<AftersalesCase> {
  return asStaff({ path: `/aftersales/${id}`, schema: AftersalesCase });
}

const CASE_MESSAGES: Partial<Record<string, string>> = {
  INVALID_STATE: '售后单状态已变化，请刷新后再处理',
  CASE_NOT_FOUND: '售后单不存在或不属于本店',
};

/** Chinese text of a failed case call. */
export function caseErrorMessage(err: unknown): string {
  if (!(err instanceof ApiError)) return '网络异常，请稍后重试';
  return CASE_MESSAGES[err.code] ?? err.message;
}

/** A staff decision on a case; resolving a money case starts its refund (the case shows 退款中). */
export function actOnCase(
  id: number,
  action: 'approve' | 'reject' | 'progress' | 'resolve',
  note?: string,
): Promise<AftersalesCase> {
  return asStaff({
    method: 'POST',
    path: `/aftersales/${id}/${action}`,
    data: note?.trim() ? { note: note.trim() } : {},
    schema: AftersalesCase,
  });
}
