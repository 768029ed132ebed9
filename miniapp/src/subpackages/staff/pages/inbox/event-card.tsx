import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { LbsEvent } from '@omni/shared-types';

function waitingText(createdAt: string, nowMs: number): string {
  const min = Math.max(0, Math.floor((nowMs - Date.parse(createdAt)) / 60_000));
  return min < 1
    ? '刚刚'
    : min < 60
      ? `已等待 ${min} 分钟`
      : `已等待 ${Math.floor(min / 60)} 小时 ${min % 60} 分钟`;
}

const STATUS_TEXT: Record<LbsEvent['status'], string> = {
  open: '待处理',
  escalated: '已超时',
  claimed: '已认领',
  resolved: '已完成',
};

/** One inbox event: what happened, who, which order, how far and how long ago; 认领 / 处理完成. */
export function EventCard(props: {
  event: LbsEvent;
  nowMs: number;
  busy: boolean;
  notice?: string;
  onClaim: (id: number) => void;
  onResolve: (id: number, note: string) => void;
}) {
  const { event, nowMs, busy, notice, onClaim, onResolve } = props;
  const [note, setNote] = useState('');
  const claimable = event.status === 'open' || event.status === 'escalated';
  return (
    <View className={`event-card event-card--${event.status}`} data-id={event.id}>
      <View className="event-card__head">
        <Text className="event-title">{event.title}</Text>
        <Text className="event-status">{STATUS_TEXT[event.status]}</Text>
      </View>
      {event.customer && <Text className="event-customer">顾客：{event.customer.nickname}</Text>}
      {event.order && (
        <Text className="event-items">
          订单 {event.order.orderNo}：{event.order.items.map((i) => `${i.name} ×${i.quantity}`).join('，')}
        </Text>
      )}
      <View className="event-card__meta">
        {event.distanceM !== null && <Text className="event-distance">距门店 {event.distanceM} m</Text>}
        {event.status !== 'resolved' && (
          <Text className="event-waiting">{waitingText(event.createdAt, nowMs)}</Text>
        )}
      </View>
      {event.claimedBy && <Text className="event-claimed-by">认领人：{event.claimedBy.nickname}</Text>}
      {event.note && <Text className="event-note">处理备注：{event.note}</Text>}
      {notice && <Text className="event-notice">{notice}</Text>}
      {claimable && (
        <Button className="claim-button" disabled={busy} onClick={() => onClaim(event.id)}>
          认领
        </Button>
      )}
      {event.status === 'claimed' && (
        <View className="event-card__resolve">
          <Input
            className="resolve-note"
            value={note}
            placeholder={
              event.kind === 'KPI_ANOMALY'
                ? '处理备注，如：已排查原因并跟进'
                : '处理备注，如：已备好，顾客已取走'
            }
            maxlength={200}
            onInput={(e) => setNote(e.detail.value)}
          />
          <Button
            className="resolve-button"
            disabled={busy || note.trim() === ''}
            onClick={() => onResolve(event.id, note)}
          >
            处理完成
          </Button>
        </View>
      )}
    </View>
  );
}
