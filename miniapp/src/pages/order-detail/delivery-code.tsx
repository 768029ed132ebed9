import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Order, OrderStatus } from '@omni/shared-types';
import { ActionButton } from '../../components/action-button';

/** Paid delivery orders not yet delivered: the courier will ask for the code at the door. */
const CODE_STATES: OrderStatus[] = ['paid', 'assigned', 'out_for_delivery', 'delivery_failed'];

/** Whether 订单详情 shows the 收货码 card: the owner's paid delivery order, before it is delivered. */
export function showsDeliveryCode(order: Order): boolean {
  return order.type === 'delivery' && !!order.deliveryCode && CODE_STATES.includes(order.status);
}

/**
 * 收货码: the 4 digits large, 复制, and when to give them; highlighted while the courier is on the
 * way. The BFF sends `deliveryCode` to the order's owner only, so staff views never have it.
 */
export function DeliveryCodeCard({ order }: { order: Order }) {
  if (!showsDeliveryCode(order)) return null;
  const code = order.deliveryCode!;
  const active = order.status === 'out_for_delivery';
  // WeChat and Taro's H5 both toast 内容已复制 themselves.
  const copy = () => void Taro.setClipboardData({ data: code }).catch(() => undefined);
  return (
    <View className={`delivery-code${active ? ' delivery-code--active' : ''}`}>
      <View className="delivery-code__head">
        <Text className="delivery-code__title">收货码</Text>
        {active && <Text className="delivery-code__live">骑手正在配送</Text>}
      </View>
      <View className="delivery-code__row">
        <Text className="delivery-code__digits">{code}</Text>
        <ActionButton size="small" className="delivery-code-copy" onClick={copy}>
          复制
        </ActionButton>
      </View>
      <Text className="delivery-code__hint">骑手送达时当面告诉骑手，请勿提前透露给他人</Text>
    </View>
  );
}
