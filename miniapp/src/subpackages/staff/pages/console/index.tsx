import { Button, Input, ScrollView, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { StateView } from '../../../../components/state-view';
// After StateView, as on the chat page, so the shared CSS chunk keeps one order.
import { ChatBubble } from '../../../../components/chat-message';
import { useNow } from '../../../../hooks/use-now';
import { StaffHomeLink } from '../../components/home-link';
import { useStaffSession } from '../../hooks/use-staff-session';
import { clearStaffSession, type StaffSession } from '../../services/staff-session';
import { StaffLogin } from '../inbox/staff-login';
import { CustomerPanel } from './customer-panel';
import { QueueList } from './queue-list';
import { useConsole } from './use-console';
import './index.scss';
import { ActionButton } from '../../../../components/action-button';

function Console({ session }: { session: StaffSession }) {
  const c = useConsole(session);
  const nowMs = useNow(true, 30_000);
  const [text, setText] = useState('');
  const conv = c.selected;
  const lastKey = c.messages[c.messages.length - 1]?.id ?? 0;
  const { markSeen } = c;
  useEffect(() => {
    if (c.unseen > 0) markSeen();
  }, [c.unseen, markSeen, conv?.id]);

  const send = async () => {
    if (await c.reply(text)) setText('');
  };

  return (
    <View className="console">
      <View className="console__header">
        <StaffHomeLink />
        <Text className="console__store">{session.user.nickname} · 客服工作台</Text>
        <Text className={`realtime-status realtime-status--${c.online ? 'online' : 'offline'}`}>
          {c.online ? '实时接收中' : '连接中…'}
        </Text>
        <Text className="staff-logout" onClick={clearStaffSession}>
          退出
        </Text>
      </View>
      {c.error && <StateView kind="error" message={c.error} onRetry={c.reload} />}
      <QueueList items={c.queue} selectedId={conv?.id ?? null} nowMs={nowMs} onSelect={c.select} />
      {conv && (
        <View className="console-chat" data-id={conv.id}>
          <CustomerPanel conversation={conv} context={c.context} />
          <ScrollView className="console-chat__messages" scrollY scrollIntoView={`agent-msg-${lastKey}`}>
            {c.messages.map((m) => (
              <View key={m.id} id={`agent-msg-${m.id}`}>
                <ChatBubble message={m} viewer="agent" />
              </View>
            ))}
          </ScrollView>
          {c.customerTyping && <Text className="typing-indicator">顾客正在输入…</Text>}
          {c.notice && <Text className="console-notice">{c.notice}</Text>}
          <View className="console-actions">
            {conv.status === 'waiting' && (
              <ActionButton
                kind="primary"
                className="claim-conversation"
                disabled={c.busy}
                onClick={() => void c.claim(conv.id)}
              >
                接入会话
              </ActionButton>
            )}
            {conv.status === 'agent' && !c.mine && (
              <Text className="console-taken">{conv.agent?.nickname ?? '其他客服'} 正在接待</Text>
            )}
            {c.mine && (
              <ActionButton
                className="close-conversation"
                disabled={c.busy}
                onClick={() => void c.close(conv.id)}
              >
                结束会话
              </ActionButton>
            )}
          </View>
          {c.mine && (
            <View className="console-reply">
              <View className="canned-replies">
                {c.canned.map((t) => (
                  <Text key={t} className="canned-reply" onClick={() => setText(t)}>
                    {t}
                  </Text>
                ))}
              </View>
              <View className="console-reply__bar">
                <Input
                  className="agent-input"
                  value={text}
                  maxlength={1000}
                  placeholder="回复顾客…"
                  onInput={(e) => {
                    setText(e.detail.value);
                    c.typing();
                  }}
                  onConfirm={() => void send()}
                />
                <Button className="agent-send" disabled={!text.trim() || c.busy} onClick={() => void send()}>
                  发送
                </Button>
              </View>
            </View>
          )}
        </View>
      )}
    </View>
  );
}

/** 客服工作台: staff sign-in, then the live queue, claim, chat with the customer and close. */
export default function StaffConsolePage() {
  const session = useStaffSession();
  return session ? <Console session={session} /> : <StaffLogin />;
}
