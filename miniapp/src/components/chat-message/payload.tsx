import { Image, Text, View } from '@tarojs/components';
import type { ChatAction, MessagePayload } from '@omni/shared-types';
import { CASE_STATUS_TEXT, CASE_TYPE_TEXT } from '../../services/aftersales';
import { assetUrl } from '../../utils/asset-url';
import { formatFen } from '../../utils/money';

/** What a tap in a bot reply asks for: a new message (text or action) or opening something. */
export interface PayloadHandlers {
  /** Sends a chip's text or action as the customer's next message; `label` is shown meanwhile. */
  onSend?: (send: { label: string; text?: string; action?: ChatAction }) => void;
  onOpenOrder?: (orderId: number) => void;
  onOpenProduct?: (productId: number) => void;
  onOpenCase?: (caseId: number) => void;
  /** The customer's 1–5 rating; absent once rated or where rating is not possible. */
  onRate?: (score: number) => void;
  /** The rating already given, if any. */
  rated?: number | null;
}

function Chips({ payload, onSend }: { payload: MessagePayload; onSend?: PayloadHandlers['onSend'] }) {
  if (!payload.chips?.length) return null;
  return (
    <View className="chat-chips">
      {payload.chips.map((chip, i) => (
        <Text
          key={`${chip.label}-${i}`}
          className={`chip${onSend ? '' : ' chip--static'}`}
          data-label={chip.label}
          onClick={() => onSend?.({ label: chip.label, text: chip.text, action: chip.action })}
        >
          {chip.label}
        </Text>
      ))}
    </View>
  );
}

function Slots({ payload, onSend }: { payload: MessagePayload; onSend?: PayloadHandlers['onSend'] }) {
  const slots = payload.slots;
  if (!slots) return null;
  return (
    <View className="chat-slots">
      <Text className="chat-slots__date">{slots.date}</Text>
      <View className="chat-chips">
        {slots.items.map((s) => (
          <View
            key={s.slotId}
            className={`slot-option${s.bookable ? '' : ' slot-option--disabled'}`}
            data-id={s.slotId}
            data-label={s.label}
            onClick={() => {
              if (!s.bookable || !onSend) return;
              onSend({
                label: `改到 ${slots.date} ${s.label}`,
                action: { type: 'reschedule', orderId: slots.orderId, slotId: s.slotId },
              });
            }}
          >
            <Text className="slot-option__label">{s.label}</Text>
            <Text className="slot-option__remaining">{s.bookable ? `剩余 ${s.remaining}` : '不可约'}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function Stars({ onRate, rated }: Pick<PayloadHandlers, 'onRate' | 'rated'>) {
  return (
    <View className="csat">
      {[1, 2, 3, 4, 5].map((score) => (
        <Text
          key={score}
          className={`csat-star${rated && score <= rated ? ' csat-star--on' : ''}`}
          data-score={score}
          onClick={() => (rated ? undefined : onRate?.(score))}
        >
          ★
        </Text>
      ))}
      {rated ? <Text className="csat__thanks">感谢你的评价</Text> : null}
    </View>
  );
}

/** The cards and chips of a bot reply; every text is rendered as text, never as HTML. */
export function MessagePayloadView({ payload, ...h }: { payload: MessagePayload } & PayloadHandlers) {
  const { order, caseRef, article } = payload;
  return (
    <View className="chat-payload">
      {order && (
        <View className="chat-order-card" data-id={order.id} onClick={() => h.onOpenOrder?.(order.id)}>
          <Text className="chat-order-card__no">订单 {order.orderNo}</Text>
          <Text className="chat-order-card__status">{order.statusText}</Text>
          {order.slotLabel && <Text className="chat-order-card__slot">配送时段 {order.slotLabel}</Text>}
          <Text className="chat-order-card__total">{formatFen(order.totalFen)}</Text>
        </View>
      )}
      {payload.products?.map((p) => (
        <View key={p.id} className="product-card-mini" data-id={p.id} onClick={() => h.onOpenProduct?.(p.id)}>
          <Image className="product-card-mini__image" src={assetUrl(p.image)} mode="aspectFill" />
          <View className="product-card-mini__body">
            <Text className="product-card-mini__name">{p.name}</Text>
            <Text className="product-card-mini__reason">{p.reason}</Text>
            <Text className="product-card-mini__price">{formatFen(p.priceFen)}</Text>
          </View>
        </View>
      ))}
      {article && (
        <View className="chat-article" data-id={article.id}>
          <Text>📄 {article.title}</Text>
        </View>
      )}
      {caseRef && (
        <View className="case-card" data-id={caseRef.id} onClick={() => h.onOpenCase?.(caseRef.id)}>
          <Text className="case-card__title">
            售后单 {caseRef.caseNo} ·{' '}
            {CASE_TYPE_TEXT[caseRef.type as keyof typeof CASE_TYPE_TEXT] ?? caseRef.type}
          </Text>
          <Text className="case-card__status">
            {CASE_STATUS_TEXT[caseRef.status as keyof typeof CASE_STATUS_TEXT] ?? caseRef.status} · 查看详情 ›
          </Text>
        </View>
      )}
      <Slots payload={payload} onSend={h.onSend} />
      <Chips payload={payload} onSend={h.onSend} />
      {payload.csatRequest && (h.onRate || h.rated) ? <Stars onRate={h.onRate} rated={h.rated} /> : null}
    </View>
  );
}
