import { Image, Text, View } from '@tarojs/components';
import type { ProductSummary } from '@omni/shared-types';
import { assetUrl } from '../../utils/asset-url';
import { formatFen } from '../../utils/money';
import './index.scss';

/** A product tile of the grid: image, name, price (with the struck-through original price). */
export function ProductCard({ product, onOpen }: { product: ProductSummary; onOpen: (id: number) => void }) {
  const discounted = product.originalPriceFen !== null && product.originalPriceFen > product.priceFen;
  const soldOut = product.totalStock === 0;
  return (
    <View className="product-card" data-id={product.id} onClick={() => onOpen(product.id)}>
      <View className="product-card__media">
        <Image className="product-image" src={assetUrl(product.image)} mode="aspectFill" lazyLoad />
        {soldOut && <View className="product-card__sold-out">暂时缺货</View>}
      </View>
      <View className="product-card__body">
        <Text className="product-name">{product.name}</Text>
        {product.tags.length > 0 && (
          <View className="product-card__tags">
            {product.tags.slice(0, 2).map((tag) => (
              <Text key={tag} className="product-card__tag">
                {tag}
              </Text>
            ))}
          </View>
        )}
        <View className="product-card__prices">
          <Text className="product-price">{formatFen(product.priceFen)}</Text>
          {discounted && (
            <Text className="product-original-price">{formatFen(product.originalPriceFen!)}</Text>
          )}
        </View>
      </View>
    </View>
  );
}
