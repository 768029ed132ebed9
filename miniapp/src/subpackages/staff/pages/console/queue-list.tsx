import { Text, View } from '@tarojs/components';
import type { Conversation } from '@omni/shared-types';
import { waitedText } from './queue-reducer';

const STATUS_TEXT: Record<Conversation['status'], string> = {
  bot: '机器人',
  waiting: '等待接入',
  agent: '服务中',
  closed: '已结束',
};

/** The queue: who waits and for how long, who is being served by whom. */
export function QueueList(props: {
  items: Conversation[];
  selectedId: number | null;
  nowMs: number;
  onSelect: (id: number) => void;
}) {
  const { items, selectedId, nowMs, onSelect } = props;
  if (!items.length) return <Text className="queue-empty">暂无排队的顾客</Text>;
  return (
    <View className="queue">
      {items.map((c) => (
        <View
          key={c.id}
          className={`queue-item queue-item--${c.status}${c.id === selectedId ? ' queue-item--active' : ''}`}
          data-id={c.id}
          data-status={c.status}
          onClick={() => onSelect(c.id)}
        >
          <View className="queue-item__head">
            <Text className="queue-item__name">{c.customer.nickname || `顾客 #${c.customer.userId}`}</Text>
            <Text className="queue-item__status">{STATUS_TEXT[c.status]}</Text>
          </View>
          {c.status === 'waiting' && (
            <Text className="queue-item__waited">已等待 {waitedText(c.waitingSince, nowMs)}</Text>
          )}
          {c.status === 'agent' && c.agent && (
            <Text className="queue-item__agent">接待：{c.agent.nickname}</Text>
          )}
          {c.lastMessage && <Text className="queue-item__last">{c.lastMessage}</Text>}
        </View>
      ))}
    </View>
  );
}
