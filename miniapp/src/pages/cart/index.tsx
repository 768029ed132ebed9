import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import cartIcon from '../../assets/tab/cart.png';
import { QuantityStepper } from '../../components/quantity-stepper';
import { useCart } from '../../hooks/use-cart';
import { useSession } from '../../hooks/use-session';
import {
  cartCount,
  linesTotalFen,
  removeFromCart,
  saveCheckoutDraft,
  setQuantity,
  type CartLine,
} from '../../services/cart';
import { assetUrl } from '../../utils/asset-url';
import { formatFen } from '../../utils/money';
import './index.scss';

function openProduct(id: number) {
  void Taro.navigateTo({ url: `/pages/product/index?id=${id}` });
}

function confirmDelete(line: CartLine) {
  void Taro.showModal({
    title: '删除商品',
    content: `确定从购物车删除「${line.name}」吗？`,
    confirmText: '删除',
    confirmColor: '#e4393c',
  }).then(({ confirm }) => {
    if (confirm) removeFromCart([line.productId]);
  });
}

/** 购物车: lines with quantity and delete, the total, and 去结算. */
export default function CartPage() {
  const lines = useCart();
  const session = useSession();

  const checkout = () => {
    if (!session) {
      void Taro.showToast({ title: '请先登录', icon: 'none' });
      void Taro.switchTab({ url: '/pages/me/index' });
      return;
    }
    saveCheckoutDraft({ source: 'cart', lines });
    void Taro.navigateTo({ url: '/pages/checkout/index' });
  };

  if (lines.length === 0) {
    return (
      <View className="cart cart--empty">
        <View className="cart-empty empty-state">
          <Image className="cart-empty__icon" src={cartIcon} />
          <Text className="cart-empty__text">购物车还是空的</Text>
          <Button className="go-shopping" onClick={() => void Taro.switchTab({ url: '/pages/index/index' })}>
            去逛逛
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className="cart">
      {lines.map((line) => (
        <View key={line.productId} className="cart-line" data-id={line.productId}>
          <Image
            className="cart-line__image"
            src={assetUrl(line.image)}
            mode="aspectFill"
            onClick={() => openProduct(line.productId)}
          />
          <View className="cart-line__body">
            <Text className="cart-line__name" onClick={() => openProduct(line.productId)}>
              {line.name}
            </Text>
            <Text className="cart-line__limit">每单限购 {line.maxPerOrder} 件</Text>
            <View className="cart-line__foot">
              <Text className="cart-line__price">{formatFen(line.priceFen)}</Text>
              <QuantityStepper
                value={line.quantity}
                max={line.maxPerOrder}
                onChange={(q) => setQuantity(line.productId, q)}
              />
            </View>
          </View>
          <View className="cart-line-delete" onClick={() => confirmDelete(line)}>
            删除
          </View>
        </View>
      ))}

      <View className="cart-bar">
        <View className="cart-bar__sum">
          <Text className="cart-bar__label">合计：</Text>
          <Text className="cart-total">{formatFen(linesTotalFen(lines))}</Text>
          <Text className="cart-bar__hint">不含配送费</Text>
        </View>
        <Button className="checkout-button" onClick={checkout}>
          去结算({cartCount(lines)})
        </Button>
      </View>
    </View>
  );
}
