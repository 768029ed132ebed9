import Taro from '@tarojs/taro';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { AftersalesCase, ChatMessage, Order } from '@omni/shared-types';
import { connectChat, type ChatSocket } from '../../../../services/chat-client';
import { ApiError } from '../../../../services/request';
import { newClientId, supportErrorMessage } from '../../../../services/support';
import { alertNewEvent } from '../../services/alert';
import type { StaffSession } from '../../services/staff-session';
import {
  cannedReplies,
  casesOfOrder,
  claimConversation,
  closeConversation,
  listQueue,
  replyTo,
  staffHistory,
  storeOrder,
} from '../../services/support-staff';
import { EMPTY_QUEUE, queueReducer } from './queue-reducer';

function upsert(list: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const ids = new Set(incoming.map((m) => m.id));
  return [...list.filter((m) => !ids.has(m.id)), ...incoming].sort((a, b) => a.id - b.id);
}

/** The open conversation's customer context: their order (when known) and its cases. */
export interface CustomerContext {
  order: Order | null;
  cases: AftersalesCase[];
  error: string | null;
}

/**
 * The agent console: the live queue (`support:queue`), one open conversation with its history and
 * live messages, claim / reply / close, canned replies and the customer's order and cases.
 */
export function useConsole(session: StaffSession) {
  const [queue, dispatch] = useReducer(queueReducer, EMPTY_QUEUE);
  const [online, setOnline] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [canned, setCanned] = useState<string[]>([]);
  const [context, setContext] = useState<CustomerContext>({ order: null, cases: [], error: null });
  const [customerTyping, setCustomerTyping] = useState(false);
  const [busy, setBusy] = useState(false);
  const socketRef = useRef<ChatSocket | null>(null);
  const selectedRef = useRef<number | null>(null);
  selectedRef.current = selectedId;
  /** The reply being sent and its client id, reused when the agent sends it again after a failure. */
  const pendingReply = useRef<{ text: string; clientId: string } | null>(null);

  const reload = useCallback(() => {
    listQueue().then(
      (items) => {
        setError(null);
        dispatch({ type: 'loaded', items });
      },
      (err: unknown) => setError(supportErrorMessage(err)),
    );
  }, []);

  const join = useCallback((id: number) => {
    socketRef.current?.emit('chat:join', { conversationId: id }, () => undefined);
  }, []);

  useEffect(() => {
    const socket = connectChat(session.token);
    socketRef.current = socket;
    let typingTimer: ReturnType<typeof setTimeout> | undefined;
    socket.on('connect', () => {
      setOnline(true);
      reload();
      if (selectedRef.current) join(selectedRef.current);
    });
    socket.on('disconnect', () => setOnline(false));
    socket.on('connect_error', () => setOnline(false));
    socket.on('support:queue', (conversation) => {
      dispatch({ type: 'pushed', conversation });
      if (conversation.status === 'waiting') alertNewEvent();
    });
    socket.on('chat:message', (message) => {
      if (message.conversationId !== selectedRef.current) return;
      setMessages((list) => upsert(list, [message]));
      if (message.sender === 'customer') setCustomerTyping(false);
    });
    socket.on('chat:typing', (e) => {
      if (e.sender !== 'customer' || e.conversationId !== selectedRef.current) return;
      setCustomerTyping(true);
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => setCustomerTyping(false), 4_000);
    });
    reload();
    cannedReplies().then(setCanned, () => setCanned([]));
    return () => {
      clearTimeout(typingTimer);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [session.token, reload, join]);

  const selected = queue.items.find((c) => c.id === selectedId) ?? null;
  const orderId = selected?.orderId ?? null;

  useEffect(() => {
    if (selectedId === null) return;
    setMessages([]);
    setNotice(null);
    pendingReply.current = null;
    join(selectedId);
    staffHistory(selectedId).then(
      (h) => {
        setMessages((list) => upsert(list, h.items));
        dispatch({ type: 'pushed', conversation: h.conversation });
      },
      (err: unknown) => setNotice(supportErrorMessage(err)),
    );
  }, [selectedId, join]);

  useEffect(() => {
    setContext({ order: null, cases: [], error: null });
    if (orderId === null) return;
    Promise.all([storeOrder(orderId), casesOfOrder(orderId)]).then(
      ([order, cases]) => setContext({ order, cases, error: null }),
      (err: unknown) => setContext({ order: null, cases: [], error: supportErrorMessage(err) }),
    );
  }, [orderId]);

  // Tell the customer their latest message was seen.
  const lastCustomerId = [...messages].reverse().find((m) => m.sender === 'customer')?.id ?? 0;
  const mine = selected?.status === 'agent' && selected.agent?.userId === session.user.id;
  useEffect(() => {
    if (mine && selectedId && lastCustomerId)
      socketRef.current?.emit('chat:read', { conversationId: selectedId, messageId: lastCustomerId });
  }, [mine, selectedId, lastCustomerId]);

  const run = useCallback(async (task: () => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try {
      await task();
    } finally {
      setBusy(false);
    }
  }, []);

  const claim = useCallback(
    (id: number) =>
      run(async () => {
        try {
          dispatch({ type: 'pushed', conversation: await claimConversation(id) });
        } catch (err) {
          const taken = err instanceof ApiError && err.code === 'ALREADY_CLAIMED';
          const message = taken ? '已被其他客服接入' : supportErrorMessage(err);
          setNotice(message);
          void Taro.showToast({ title: message, icon: 'none' });
          if (taken) reload();
        }
      }),
    [run, reload],
  );

  /** Sends a reply; after a failure the same text goes out again with the same client id. */
  const reply = useCallback(
    async (text: string): Promise<boolean> => {
      const id = selectedRef.current;
      const trimmed = text.trim();
      if (!id || !trimmed) return false;
      const pending =
        pendingReply.current?.text === trimmed
          ? pendingReply.current
          : { text: trimmed, clientId: newClientId() };
      pendingReply.current = pending;
      let ok = false;
      await run(async () => {
        try {
          const message = await replyTo(id, trimmed, pending.clientId);
          pendingReply.current = null;
          setMessages((list) => upsert(list, [message]));
          ok = true;
        } catch (err) {
          setNotice(supportErrorMessage(err));
        }
      });
      return ok;
    },
    [run],
  );

  const close = useCallback(
    (id: number) =>
      run(async () => {
        try {
          dispatch({ type: 'pushed', conversation: await closeConversation(id) });
        } catch (err) {
          setNotice(supportErrorMessage(err));
        }
      }),
    [run],
  );

  const lastTyping = useRef(0);
  /** Tells the customer the agent is typing (at most every two seconds). */
  const typing = useCallback(() => {
    const id = selectedRef.current;
    if (!id || Date.now() - lastTyping.current < 2_000) return;
    lastTyping.current = Date.now();
    socketRef.current?.emit('chat:typing', { conversationId: id });
  }, []);

  const markSeen = useCallback(() => dispatch({ type: 'seen' }), []);

  return {
    queue: queue.items,
    unseen: queue.unseen,
    online,
    error,
    reload,
    selected,
    select: setSelectedId,
    messages,
    mine,
    notice,
    canned,
    context,
    customerTyping,
    busy,
    claim,
    reply,
    close,
    typing,
    markSeen,
  };
}
