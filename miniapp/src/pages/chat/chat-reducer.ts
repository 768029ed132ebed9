import type { ChatMessage, Conversation, SendMessageResponse } from '@omni/shared-types';
import type { DeliveryState } from '../../components/chat-message';
import type { History } from '../../services/support';

/** One line of the chat: a stored message, or the customer's own one still on its way. */
export interface ChatEntry {
  /** `m<id>` once stored, `c<clientId>` while pending. */
  key: string;
  message: ChatMessage;
  state: DeliveryState;
  error?: string;
}

/** The chat page's state. */
export interface ChatState {
  conversation: Conversation | null;
  /** Stored messages by id, then pending ones in the order they were typed. */
  entries: ChatEntry[];
  /** Older history can still be loaded. */
  hasMore: boolean;
  /** The newest own message the other side has read. */
  readUpTo: number;
}

/** What changes the chat. */
export type ChatAction =
  | { type: 'history'; history: History; older: boolean; pageSize: number }
  | { type: 'queued'; clientId: string; text: string; conversationId: number }
  | { type: 'sent'; clientId: string; response: SendMessageResponse }
  | { type: 'failed'; clientId: string; error: string }
  | { type: 'retrying'; clientId: string }
  | { type: 'received'; message: ChatMessage }
  | { type: 'read'; messageId: number }
  | { type: 'conversation'; conversation: Conversation };

/** An empty chat. */
export const EMPTY_CHAT: ChatState = { conversation: null, entries: [], hasMore: false, readUpTo: 0 };

function stored(message: ChatMessage): ChatEntry {
  return { key: `m${message.id}`, message, state: 'sent' };
}

/** Adds stored messages: replaces a pending entry with the same client id, never lists an id twice. */
export function mergeMessages(entries: ChatEntry[], messages: ChatMessage[]): ChatEntry[] {
  if (!messages.length) return entries;
  const ids = new Set(messages.map((m) => m.id));
  const clientIds = new Set(messages.map((m) => m.clientId).filter((c): c is string => c !== null));
  const kept = entries.filter(
    (e) =>
      !(e.state === 'sent' && ids.has(e.message.id)) &&
      !(e.state !== 'sent' && e.message.clientId !== null && clientIds.has(e.message.clientId)),
  );
  const sent = [...kept.filter((e) => e.state === 'sent'), ...messages.map(stored)].sort(
    (a, b) => a.message.id - b.message.id,
  );
  return [...sent, ...kept.filter((e) => e.state !== 'sent')];
}

function withPending(entries: ChatEntry[], clientId: string, change: Partial<ChatEntry>): ChatEntry[] {
  return entries.map((e) => (e.key === `c${clientId}` ? { ...e, ...change } : e));
}

/** The conversation's state as the customer can tell it from live messages. */
function statusAfter(conversation: Conversation | null, message: ChatMessage): Conversation | null {
  if (!conversation || conversation.id !== message.conversationId) return conversation;
  if (message.sender === 'agent' && conversation.status !== 'agent')
    return { ...conversation, status: 'agent' };
  if (message.sender === 'system' && message.payload?.csatRequest)
    return { ...conversation, status: 'closed' };
  return conversation;
}

/** Folds chat actions; pending messages keep their client id until the BFF stores them. */
export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'history': {
      const { history, older, pageSize } = action;
      return {
        ...state,
        conversation: older ? (state.conversation ?? history.conversation) : history.conversation,
        entries: mergeMessages(state.entries, history.items),
        hasMore: older || state.entries.length === 0 ? history.items.length >= pageSize : state.hasMore,
      };
    }
    case 'queued': {
      const message: ChatMessage = {
        id: 0,
        conversationId: action.conversationId,
        sender: 'customer',
        senderName: '我',
        clientId: action.clientId,
        text: action.text,
        payload: null,
        intent: null,
        createdAt: new Date().toISOString(),
      };
      return {
        ...state,
        entries: [...state.entries, { key: `c${action.clientId}`, message, state: 'sending' }],
      };
    }
    case 'sent': {
      const { response } = action;
      return {
        ...state,
        conversation: response.conversation,
        entries: mergeMessages(state.entries, [response.message, ...response.replies]),
      };
    }
    case 'failed':
      return {
        ...state,
        entries: withPending(state.entries, action.clientId, { state: 'failed', error: action.error }),
      };
    case 'retrying':
      return {
        ...state,
        entries: withPending(state.entries, action.clientId, { state: 'sending', error: undefined }),
      };
    case 'received':
      if (state.conversation && action.message.conversationId !== state.conversation.id) return state;
      return {
        ...state,
        conversation: statusAfter(state.conversation, action.message),
        entries: mergeMessages(state.entries, [action.message]),
      };
    case 'read':
      return action.messageId > state.readUpTo ? { ...state, readUpTo: action.messageId } : state;
    case 'conversation':
      return { ...state, conversation: action.conversation };
  }
}
