import { Image, Text, View } from '@tarojs/components';
import type { Order } from '@omni/shared-types';
import { assetUrl } from '../../utils/asset-url';
import { formatFen } from '../../utils/money';
import { formatDateTime, formatSlotDay } from '../../utils/shanghai-time';

/** How the order reaches the buyer, in one line. */
export function fulfilmentText(order: Order): string {
  if (order.type === 'pickup') return `到店自提 · ${order.storeName}`;
  return order.slot ? `配送 · ${formatSlotDay(order.slot.date)} ${order.slot.label}` : '配送到家';
}

/** An order in 我的订单: number, status, items, total; tapping opens the detail. */
export function OrderCard(props: { order: Order; onOpen: (order: Order, pay?: boolean) => void }) {
  const { order, onOpen } = props;
  const count = order.items.reduce((n, i) => n + i.quantity, 0);
  return (
    <View className="order-card" data-id={order.id} onClick={() => onOpen(order)}>
      <View className="order-card__head">
        <Text className="order-card__no">订单号 {order.orderNo}</Text>
        <Text className={`order-card__status order-card__status--${order.status}`}>{order.statusText}</Text>
      </View>
      <View className="order-card__items">
        {order.items.slice(0, 4).map((item) => (
          <Image
            key={item.productId}
            className="order-card__image"
            src={assetUrl(item.image)}
            mode="aspectFill"
          />
        ))}
        {order.items.length === 1 && <Text className="order-card__name">{order.items[0].name}</Text>}
      </View>
      <Text className="order-card__fulfilment">{fulfilmentText(order)}</Text>
      <View className="order-card__foot">
        <Text className="order-card__time">{formatDateTime(order.createdAt)}</Text>
        <Text className="order-card__total">
          共 {count} 件 合计 <Text className="order-card__amount">{formatFen(order.totalFen)}</Text>
        </Text>
      </View>
      {order.actions.pay && (
        <View className="order-card__actions">
          <View
            className="order-card__pay"
            onClick={(e) => {
              e?.stopPropagation?.();
              onOpen(order, true);
            }}
          >
            去支付
          </View>
        </View>
      )}
    </View>
  );
}
