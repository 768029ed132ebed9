import Taro from '@tarojs/taro';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ChatAction as BotAction } from '@omni/shared-types';
import { ChatOutbox, connectChat, type ChatSocket } from '../../services/chat-client';
import type { Session } from '../../services/session';
import {
  conversationHistory,
  HISTORY_PAGE_SIZE,
  myConversations,
  newClientId,
  postMessage,
  rateConversation,
  supportErrorMessage,
} from '../../services/support';
import { chatReducer, EMPTY_CHAT } from './chat-reducer';

/** How long 客服正在输入… stays after the last typing signal, in milliseconds. */
const TYPING_SHOWN_MS = 4_000;
/** At most one typing signal per this many milliseconds. */
const TYPING_EVERY_MS = 2_000;

/**
 * The customer's chat: loads the latest conversation, follows it live over the socket, and sends
 * through an outbox that resends unacknowledged messages (same client id) after reconnecting.
 */
export function useChat(session: Session, orderId: number | undefined) {
  const [state, dispatch] = useReducer(chatReducer, EMPTY_CHAT);
  const [online, setOnline] = useState(false);
  const [agentTyping, setAgentTyping] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const socketRef = useRef<ChatSocket | null>(null);
  const outboxRef = useRef<ChatOutbox | null>(null);
  const conversationId = state.conversation?.id;
  const convRef = useRef<number | undefined>(undefined);
  convRef.current = conversationId;
  const orderSent = useRef(false);
  const lastTyping = useRef(0);

  const loadLatest = useCallback(async () => {
    try {
      const id = convRef.current ?? (await myConversations())[0]?.id;
      setLoadError(null);
      if (!id) return;
      const history = await conversationHistory(id);
      dispatch({ type: 'history', history, older: false, pageSize: HISTORY_PAGE_SIZE });
      socketRef.current?.emit('chat:join', { conversationId: id }, () => undefined);
    } catch (err) {
      setLoadError(supportErrorMessage(err));
    }
  }, []);

  useEffect(() => {
    const socket = connectChat(session.token);
    socketRef.current = socket;
    const outbox = new ChatOutbox({
      socket,
      post: postMessage,
      listener: {
        sent: (clientId, response) => dispatch({ type: 'sent', clientId, response }),
        failed: (clientId, failure) => {
          dispatch({ type: 'failed', clientId, error: supportErrorMessage(failure) });
          if (!failure.retryable || failure.code === 'RATE_LIMITED')
            void Taro.showToast({ title: supportErrorMessage(failure), icon: 'none' });
        },
      },
    });
    outboxRef.current = outbox;
    let typingTimer: ReturnType<typeof setTimeout> | undefined;
    socket.on('connect', () => {
      setOnline(true);
      void loadLatest(); // catch up on what arrived while offline
    });
    socket.on('disconnect', () => setOnline(false));
    socket.on('connect_error', () => setOnline(false));
    socket.on('chat:message', (message) => {
      dispatch({ type: 'received', message });
      if (message.sender === 'agent') setAgentTyping(false);
    });
    socket.on('chat:typing', (e) => {
      if (e.sender !== 'agent' || (convRef.current && e.conversationId !== convRef.current)) return;
      setAgentTyping(true);
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => setAgentTyping(false), TYPING_SHOWN_MS);
    });
    socket.on('chat:read', (e) => {
      if (e.reader === 'agent' && e.conversationId === convRef.current)
        dispatch({ type: 'read', messageId: e.messageId });
    });
    void loadLatest();
    return () => {
      clearTimeout(typingTimer);
      outbox.dispose();
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
      outboxRef.current = null;
    };
  }, [session.token, loadLatest]);

  const loadOlder = useCallback(async () => {
    const oldest = state.entries.find((e) => e.state === 'sent');
    if (!conversationId || !state.hasMore || loadingOlder || !oldest) return;
    setLoadingOlder(true);
    try {
      const history = await conversationHistory(conversationId, oldest.message.id);
      dispatch({ type: 'history', history, older: true, pageSize: HISTORY_PAGE_SIZE });
    } catch (err) {
      void Taro.showToast({ title: supportErrorMessage(err), icon: 'none' });
    } finally {
      setLoadingOlder(false);
    }
  }, [conversationId, state.entries, state.hasMore, loadingOlder]);

  /** Sends typed text, a chip's text or a tapped action; shows it at once as 发送中…. */
  const send = useCallback(
    (input: { text?: string; action?: BotAction; label?: string }) => {
      const text = input.text?.trim();
      if (!input.action && !text) return;
      const clientId = newClientId();
      // The BFF attaches an order only when it picks the conversation itself (no conversationId).
      const withOrder = orderId && !orderSent.current ? { orderId } : null;
      orderSent.current = true;
      dispatch({
        type: 'queued',
        clientId,
        text: input.label ?? text ?? '',
        conversationId: convRef.current ?? 0,
      });
      outboxRef.current?.send({
        clientId,
        ...(withOrder ?? (convRef.current ? { conversationId: convRef.current } : {})),
        ...(input.action ? { action: input.action } : { text }),
      });
    },
    [orderId],
  );

  const retry = useCallback((clientId: string) => {
    dispatch({ type: 'retrying', clientId });
    outboxRef.current?.retry(clientId);
  }, []);

  /** Tells the agent the customer is typing (at most every two seconds). */
  const typing = useCallback(() => {
    const id = convRef.current;
    if (!id || Date.now() - lastTyping.current < TYPING_EVERY_MS) return;
    lastTyping.current = Date.now();
    socketRef.current?.emit('chat:typing', { conversationId: id });
  }, []);

  /** Tells the agent their messages up to `messageId` were seen. */
  const markRead = useCallback((messageId: number) => {
    const id = convRef.current;
    if (id) socketRef.current?.emit('chat:read', { conversationId: id, messageId });
  }, []);

  const rate = useCallback(async (score: number) => {
    const id = convRef.current;
    if (!id) return;
    try {
      dispatch({ type: 'conversation', conversation: await rateConversation(id, score) });
    } catch (err) {
      void Taro.showToast({ title: supportErrorMessage(err), icon: 'none' });
    }
  }, []);

  return {
    ...state,
    online,
    agentTyping,
    loadingOlder,
    loadError,
    loadLatest,
    loadOlder,
    send,
    retry,
    typing,
    markRead,
    rate,
  };
}
