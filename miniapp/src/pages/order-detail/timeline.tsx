import { Text, View } from '@tarojs/components';
import { ORDER_STATUS_TEXT, type OrderEvent } from '@omni/shared-types';
import { formatDateTime } from '../../utils/shanghai-time';

const ACTOR_TEXT: Record<OrderEvent['actor'], string> = {
  customer: '你',
  staff: '门店',
  courier: '骑手',
  system: '系统',
  wechat: '微信支付',
  admin: '客服',
};

function title(event: OrderEvent): string {
  if (event.from === null) return '订单已提交';
  if (event.from === event.status) return event.reason?.startsWith('改约') ? '已改约配送时间' : '订单已更新';
  return ORDER_STATUS_TEXT[event.status];
}

/** The order's history, newest first. */
export function Timeline({ events }: { events: OrderEvent[] }) {
  const newestFirst = [...events].reverse();
  return (
    <View className="timeline">
      {newestFirst.map((event, i) => (
        <View
          key={`${event.at}-${i}`}
          className={`timeline-item${i === 0 ? ' timeline-item--latest' : ''}`}
          data-status={event.status}
        >
          <View className="timeline-item__dot" />
          <View className="timeline-item__body">
            <Text className="timeline-item__title">{title(event)}</Text>
            {event.reason && <Text className="timeline-item__reason">{event.reason}</Text>}
            <Text className="timeline-item__meta">
              {formatDateTime(event.at)} · {ACTOR_TEXT[event.actor]}
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}
