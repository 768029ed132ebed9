import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { StoreStock } from '@omni/shared-types';
import { formatDistanceM } from '../../utils/distance';

const COLLAPSED_COUNT = 5;

/** Stores nearest first when distances are known, otherwise the ones with most stock first. */
export function sortStock(stock: StoreStock[]): StoreStock[] {
  return [...stock].sort((a, b) => {
    if (a.distanceM !== null && b.distanceM !== null) return a.distanceM - b.distanceM;
    if (a.distanceM !== null) return -1;
    if (b.distanceM !== null) return 1;
    return b.quantity - a.quantity;
  });
}

/** The 库存 section: stock of the product in each store. */
export function StoreStockList({ stock }: { stock: StoreStock[] }) {
  const [expanded, setExpanded] = useState(false);
  const sorted = sortStock(stock);
  const shown = expanded ? sorted : sorted.slice(0, COLLAPSED_COUNT);
  if (sorted.length === 0) return <View className="stock-empty">暂无门店库存信息</View>;
  return (
    <View className="stock-list">
      {shown.map((s) => (
        <View key={s.storeId} className="stock-row" data-store-id={s.storeId}>
          <View className="stock-row__store">
            <Text className="stock-row__name">{s.storeName}</Text>
            {s.distanceM !== null && (
              <Text className="stock-row__distance">{formatDistanceM(s.distanceM)}</Text>
            )}
          </View>
          <Text className={`stock-row__qty${s.quantity > 0 ? '' : ' stock-row__qty--none'}`}>
            {s.quantity > 0 ? `有货 ${s.quantity}` : '无货'}
          </Text>
        </View>
      ))}
      {sorted.length > COLLAPSED_COUNT && (
        <View className="stock-toggle" onClick={() => setExpanded((v) => !v)}>
          {expanded ? '收起' : `查看全部 ${sorted.length} 家门店`}
        </View>
      )}
    </View>
  );
}
