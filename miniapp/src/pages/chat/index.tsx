import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ConversationStatus } from '@omni/shared-types';
import { StateView } from '../../components/state-view';
import { useNotifyOffer } from '../../hooks/use-notify-offer';
import { useSession } from '../../hooks/use-session';
import { openCase } from '../../services/aftersales';
import { askConsent } from '../../services/notify';
import type { Session } from '../../services/session';
import { MessageList } from './message-list';
import { useChat } from './use-chat';
import './index.scss';

const STATUS_TEXT: Record<ConversationStatus, string> = {
  bot: '品牌小助手为你服务',
  waiting: '正在为你转接人工客服…',
  agent: '人工客服为你服务',
  closed: '本次服务已结束',
};

/** The most characters one message may have (the BFF refuses longer ones). */
const MAX_TEXT = 1000;

/** Typed text that asks for a person rather than the assistant. */
const WANTS_HUMAN = /转人工|人工客服|找人工/;

function Chat({ session, orderId }: { session: Session; orderId: number | undefined }) {
  const chat = useChat(session, orderId);
  const [text, setText] = useState('');
  const lastRead = useRef(0);
  const { markRead } = chat;
  const notifyOffer = useNotifyOffer('handoff', true);
  const status = chat.conversation?.status ?? 'bot';

  const lastAgentId = useMemo(() => {
    for (let i = chat.entries.length - 1; i >= 0; i -= 1) {
      const m = chat.entries[i].message;
      if (m.sender === 'agent' && m.id > 0) return m.id;
    }
    return 0;
  }, [chat.entries]);

  useEffect(() => {
    if (lastAgentId > lastRead.current) {
      lastRead.current = lastAgentId;
      markRead(lastAgentId);
    }
  }, [lastAgentId, markRead]);

  // 转人工 (the chip, or typed): ask about 客服回复 in that tap, then send without waiting for it.
  const send: typeof chat.send = (input) => {
    const human = input.action?.type === 'human' || (!input.action && WANTS_HUMAN.test(input.text ?? ''));
    if (human && status !== 'waiting' && status !== 'agent') void askConsent('handoff', notifyOffer);
    chat.send(input);
  };

  const submit = () => {
    if (!text.trim()) return;
    send({ text });
    setText('');
  };
  return (
    <View className="chat">
      <View className={`chat__status chat__status--${status}`}>
        <Text className="chat-status">{STATUS_TEXT[status]}</Text>
        {!chat.online && <Text className="chat__offline">连接中…</Text>}
      </View>
      {chat.loadError && (
        <StateView kind="error" message={chat.loadError} onRetry={() => void chat.loadLatest()} />
      )}
      <MessageList
        entries={chat.entries}
        readUpTo={chat.readUpTo}
        hasMore={chat.hasMore}
        loadingOlder={chat.loadingOlder}
        rated={chat.conversation?.csat ?? null}
        onLoadOlder={() => void chat.loadOlder()}
        onRetry={chat.retry}
        onSend={send}
        onRate={(score) => void chat.rate(score)}
        onOpenOrder={(id) => void Taro.navigateTo({ url: `/pages/order-detail/index?id=${id}` })}
        onOpenProduct={(id) => void Taro.navigateTo({ url: `/pages/product/index?id=${id}` })}
        onOpenCase={(id) => void openCase(id)}
      />
      {chat.agentTyping && <Text className="typing-indicator">客服正在输入…</Text>}
      <View className="chat__bar">
        <Input
          className="chat-input"
          value={text}
          maxlength={MAX_TEXT}
          placeholder="请描述你的问题"
          confirmType="send"
          onInput={(e) => {
            setText(e.detail.value);
            chat.typing();
          }}
          onConfirm={submit}
        />
        <Button className="chat-send" disabled={!text.trim()} onClick={submit}>
          发送
        </Button>
      </View>
    </View>
  );
}

/** 客服: chat with the brand's assistant and, after 转人工, a store agent (`?orderId=` for context). */
export default function ChatPage() {
  const session = useSession();
  const { params } = useRouter();
  const orderId = Number(params.orderId) > 0 ? Number(params.orderId) : undefined;
  if (!session) {
    return (
      <View className="chat chat--guest">
        <StateView kind="empty" message="登录后即可联系客服" />
        <Button className="login-required" onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
          去登录
        </Button>
      </View>
    );
  }
  return <Chat session={session} orderId={orderId} />;
}
