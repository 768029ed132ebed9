import { Image, Text, View } from '@tarojs/components';
import type { CartLine } from '../../services/cart';
import { assetUrl } from '../../utils/asset-url';
import { formatFen } from '../../utils/money';

/** The lines being ordered: image, name, unit price and quantity. */
export function OrderLines({ lines }: { lines: CartLine[] }) {
  return (
    <View className="order-lines">
      {lines.map((l) => (
        <View key={l.productId} className="checkout-line" data-id={l.productId}>
          <Image className="checkout-line__image" src={assetUrl(l.image)} mode="aspectFill" />
          <View className="checkout-line__body">
            <Text className="checkout-line__name">{l.name}</Text>
            <View className="checkout-line__foot">
              <Text className="checkout-line__price">{formatFen(l.priceFen)}</Text>
              <Text className="checkout-line__qty">×{l.quantity}</Text>
            </View>
          </View>
        </View>
      ))}
    </View>
  );
}
