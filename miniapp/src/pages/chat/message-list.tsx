import { ScrollView, Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { ChatBubble, type PayloadHandlers } from '../../components/chat-message';
import type { ChatEntry } from './chat-reducer';

/** The conversation, oldest at the top; scrolling to the top loads older history. */
export function MessageList(
  props: {
    entries: ChatEntry[];
    /** Own messages up to this id were read by the agent. */
    readUpTo: number;
    hasMore: boolean;
    loadingOlder: boolean;
    onLoadOlder: () => void;
    onRetry: (clientId: string) => void;
  } & PayloadHandlers,
) {
  const { entries, readUpTo, hasMore, loadingOlder, onLoadOlder, onRetry, ...handlers } = props;
  const [target, setTarget] = useState('');
  const lastKey = entries[entries.length - 1]?.key ?? '';
  const previousLast = useRef('');

  // Follow the newest message; loading older history (which changes the first entry) does not scroll.
  useEffect(() => {
    if (lastKey && lastKey !== previousLast.current) setTarget(`chat-${lastKey}`);
    previousLast.current = lastKey;
  }, [lastKey]);

  return (
    <ScrollView
      className="message-list"
      scrollY
      scrollIntoView={target}
      upperThreshold={40}
      onScrollToUpper={onLoadOlder}
    >
      {hasMore && (
        <Text className="load-older" onClick={onLoadOlder}>
          {loadingOlder ? '加载中…' : '查看更早的消息'}
        </Text>
      )}
      {entries.length === 0 && (
        <Text className="chat-empty">你好，我是品牌小助手，可以问我订单、配送时间、退换货等问题～</Text>
      )}
      {entries.map((entry) => (
        <View key={entry.key} id={`chat-${entry.key}`}>
          <ChatBubble
            message={entry.message}
            state={entry.state}
            error={entry.error}
            read={entry.message.sender === 'customer' && entry.message.id > 0 && entry.message.id <= readUpTo}
            onRetry={() => entry.message.clientId && onRetry(entry.message.clientId)}
            {...handlers}
          />
        </View>
      ))}
    </ScrollView>
  );
}
