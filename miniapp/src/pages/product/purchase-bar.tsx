import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ProductDetail } from '@omni/shared-types';
import cartIcon from '../../assets/tab/cart.png';
import { QuantityStepper } from '../../components/quantity-stepper';
import { useCart } from '../../hooks/use-cart';
import { addToCart, cartCount, getCart, saveCheckoutDraft, type CartLine } from '../../services/cart';

function lineOf(product: ProductDetail, quantity: number): CartLine {
  return {
    productId: product.id,
    name: product.name,
    image: product.image,
    priceFen: product.priceFen,
    quantity,
    maxPerOrder: product.maxPerOrder,
  };
}

/** The bar fixed under 商品详情: quantity, 加入购物车 and 立即购买. */
export function PurchaseBar({ product }: { product: ProductDetail }) {
  const [quantity, setQuantity] = useState(1);
  const inCart = cartCount(useCart());
  const soldOut = product.totalStock === 0;
  const max = Math.max(1, product.maxPerOrder);

  const add = () => {
    const before = getCart().find((l) => l.productId === product.id)?.quantity ?? 0;
    const capped = addToCart(lineOf(product, quantity)) < before + quantity;
    void Taro.showToast({
      title: capped ? `已加入购物车（每单限购 ${max} 件）` : '已加入购物车',
      icon: capped ? 'none' : 'success',
    });
  };

  const buyNow = () => {
    saveCheckoutDraft({ source: 'buy-now', lines: [lineOf(product, quantity)] });
    void Taro.navigateTo({ url: '/pages/checkout/index' });
  };

  return (
    <View className="purchase-bar">
      <View className="purchase-bar__quantity">
        <Text className="purchase-bar__label">数量</Text>
        <QuantityStepper value={quantity} max={max} onChange={setQuantity} className="detail-stepper" />
        <Text className="purchase-bar__limit">每单限购 {max} 件</Text>
      </View>
      <View className="purchase-bar__buttons">
        <View className="cart-entry" onClick={() => void Taro.switchTab({ url: '/pages/cart/index' })}>
          <Image className="cart-entry__icon" src={cartIcon} />
          <Text className="cart-entry__label">购物车</Text>
          {inCart > 0 && <Text className="cart-badge">{inCart > 99 ? '99+' : inCart}</Text>}
        </View>
        <Button className="add-to-cart" disabled={soldOut} onClick={add}>
          加入购物车
        </Button>
        <Button className="buy-now" disabled={soldOut} onClick={buyNow}>
          {soldOut ? '暂时缺货' : '立即购买'}
        </Button>
      </View>
    </View>
  );
}
