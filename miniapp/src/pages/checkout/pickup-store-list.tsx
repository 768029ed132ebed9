import { Text, View } from '@tarojs/components';
import type { PickupStore } from '../../services/stores';
import { formatDistanceM } from '../../utils/distance';

/** 自提门店: stores with stock first, nearest first; tapping one selects it. */
export function PickupStoreList(props: {
  stores: PickupStore[];
  selectedId: number | null;
  onSelect: (storeId: number) => void;
}) {
  const { stores, selectedId, onSelect } = props;
  if (stores.length === 0) return <View className="slot-hint">暂无可自提的门店</View>;
  return (
    <View className="pickup-stores">
      {stores.map((s) => {
        const classes = ['pickup-store'];
        if (s.storeId === selectedId) classes.push('pickup-store--selected');
        if (!s.hasStock) classes.push('pickup-store--disabled');
        return (
          <View
            key={s.storeId}
            className={classes.join(' ')}
            data-id={s.storeId}
            onClick={() => {
              if (s.hasStock) onSelect(s.storeId);
            }}
          >
            <View className="pickup-store__main">
              <Text className="pickup-store__name">{s.name}</Text>
              {s.address && <Text className="pickup-store__address">{s.address}</Text>}
              <View className="pickup-store__meta">
                {s.openLabel && (
                  <Text className={`pickup-store__open${s.openNow ? '' : ' pickup-store__open--closed'}`}>
                    {s.openLabel}
                  </Text>
                )}
                <Text className={`pickup-store__stock${s.hasStock ? '' : ' pickup-store__stock--none'}`}>
                  {s.hasStock ? '有货' : '库存不足'}
                </Text>
              </View>
            </View>
            {s.distanceM !== null && (
              <Text className="pickup-store__distance">{formatDistanceM(s.distanceM)}</Text>
            )}
          </View>
        );
      })}
    </View>
  );
}
