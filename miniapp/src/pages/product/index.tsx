import { useRouter } from '@tarojs/taro';
import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import { StateView } from '../../components/state-view';
import { PurchaseBar } from './purchase-bar';
import { useLocation } from '../../hooks/use-location';
import { assetUrl } from '../../utils/asset-url';
import { formatFen } from '../../utils/money';
import { StoreStockList } from './store-stock-list';
import { useProduct } from './use-product';
import './index.scss';

function parseId(raw: string | undefined): number | null {
  return raw && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

/** 商品详情: images, price, description, attributes and stock per store. */
export default function ProductPage() {
  const router = useRouter();
  const id = parseId(router.params.id);
  const location = useLocation();
  // Wait until we know whether a position is available, so the detail is fetched once.
  const ready = location.permission !== 'unknown';
  const { product, error, retry } = useProduct(id, location.position, ready);

  if (!product) {
    if (error) {
      return (
        <StateView
          kind="error"
          message={error.message}
          onRetry={error.code === 'PRODUCT_NOT_FOUND' ? undefined : retry}
        />
      );
    }
    return <StateView kind="loading" message="加载中…" />;
  }

  const images = product.images.length > 0 ? product.images : [product.image];
  const discounted = product.originalPriceFen !== null && product.originalPriceFen > product.priceFen;
  const nearest = product.nearestInStock[0];
  return (
    <View className="detail">
      <Swiper className="detail-swiper" indicatorDots={images.length > 1} circular={images.length > 1}>
        {images.map((src) => (
          <SwiperItem key={src}>
            <Image className="detail-image" src={assetUrl(src)} mode="aspectFill" />
          </SwiperItem>
        ))}
      </Swiper>

      <View className="detail-card">
        <View className="detail-prices">
          <Text className="detail-price">{formatFen(product.priceFen)}</Text>
          {discounted && (
            <Text className="detail-original-price">{formatFen(product.originalPriceFen!)}</Text>
          )}
          {product.unit && <Text className="detail-unit">/{product.unit}</Text>}
        </View>
        <Text className="detail-name">{product.name}</Text>
        {product.subtitle && <Text className="detail-subtitle">{product.subtitle}</Text>}
        {product.tags.length > 0 && (
          <View className="detail-tags">
            {product.tags.map((tag) => (
              <Text key={tag} className="detail-tag">
                {tag}
              </Text>
            ))}
          </View>
        )}
      </View>

      {product.attributes.length > 0 && (
        <View className="detail-card">
          <Text className="detail-section-title">商品参数</Text>
          <View className="detail-attributes">
            {product.attributes.map((attr) => (
              <View key={`${attr.name}:${attr.value}`} className="attribute-row">
                <Text className="attribute-name">{attr.name}</Text>
                <Text className="attribute-value">{attr.value}</Text>
              </View>
            ))}
          </View>
        </View>
      )}

      <View className="detail-card detail-stock">
        <View className="detail-section-head">
          <Text className="detail-section-title">库存</Text>
          <Text className="detail-stock-total">
            {product.totalStock > 0 ? `共 ${product.totalStock} 件` : '暂时缺货'}
          </Text>
        </View>
        {nearest && nearest.distanceM !== null && (
          <Text className="detail-nearest">最近有货：{nearest.storeName}</Text>
        )}
        {(location.permission === 'not-asked' || location.permission === 'denied') && (
          <View className="locate-button" onClick={() => void location.request()}>
            使用我的位置，查看最近的有货门店
          </View>
        )}
        <StoreStockList stock={product.stock} />
      </View>

      {product.description && (
        <View className="detail-card">
          <Text className="detail-section-title">商品详情</Text>
          <Text className="detail-description">{product.description}</Text>
        </View>
      )}

      <PurchaseBar product={product} />
    </View>
  );
}
