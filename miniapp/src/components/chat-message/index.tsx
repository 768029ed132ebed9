import { Text, View } from '@tarojs/components';
import type { ChatMessage } from '@omni/shared-types';
import { formatDateTime } from '../../utils/shanghai-time';
import { MessagePayloadView, type PayloadHandlers } from './payload';
import './index.scss';

export type { PayloadHandlers } from './payload';

/** Delivery state of one's own message: stored, on its way, or failed (tap to resend). */
export type DeliveryState = 'sent' | 'sending' | 'failed';

/** Who the viewer is: the customer sees their messages on the right, an agent sees theirs there. */
export type Viewer = 'customer' | 'agent';

/**
 * One chat message: customer on the right, bot and agent on the left with their label, system
 * notes centred. The text is a Text node (plain text; an HTML string shows literally).
 */
export function ChatBubble(
  props: {
    message: ChatMessage;
    viewer?: Viewer;
    state?: DeliveryState;
    /** Shows 已读 under one's own message. */
    read?: boolean;
    error?: string;
    onRetry?: () => void;
  } & PayloadHandlers,
) {
  const { message, viewer = 'customer', state = 'sent', read, error, onRetry, ...handlers } = props;
  const { sender } = message;
  if (sender === 'system') {
    return (
      <View className="chat-bubble chat-bubble--system" data-id={message.id}>
        <Text className="chat-bubble__text">{message.text}</Text>
        {message.payload && <MessagePayloadView payload={message.payload} {...handlers} />}
      </View>
    );
  }
  const own = sender === viewer;
  return (
    <View
      className={`chat-row chat-row--${own ? 'own' : 'other'}`}
      data-sender={sender}
      data-client-id={message.clientId ?? undefined}
    >
      <View className={`chat-bubble chat-bubble--${sender}`} data-id={message.id}>
        {!own && (
          <Text className="chat-bubble__name">{sender === 'customer' ? '顾客' : message.senderName}</Text>
        )}
        <Text className="chat-bubble__text" userSelect>
          {message.text}
        </Text>
        {message.payload && <MessagePayloadView payload={message.payload} {...handlers} />}
      </View>
      <View className="chat-row__meta">
        {state === 'sending' && <Text className="chat-pending">发送中…</Text>}
        {state === 'failed' && (
          <Text className="chat-failed" onClick={onRetry}>
            {error ?? '发送失败'}，点此重发
          </Text>
        )}
        {state === 'sent' && own && read && <Text className="chat-read">已读</Text>}
        {state === 'sent' && message.id > 0 && (
          <Text className="chat-time">{formatDateTime(message.createdAt).slice(6)}</Text>
        )}
      </View>
    </View>
  );
}
