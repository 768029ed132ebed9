import { Text, View } from '@tarojs/components';
import type { NearbyStore } from '@omni/shared-types';
import './index.scss';

/** A distance for the store list: 860 → "860 m", 1234 → "1.2 km". */
export function formatStoreDistance(distanceM: number): string {
  if (distanceM < 1000) return `${Math.max(0, Math.round(distanceM))} m`;
  return `${(distanceM / 1000).toFixed(1)} km`;
}

const SERVICE_TEXT = { pickup: '自提', delivery: '配送' } as const;

/** A store of the nearby list: name, address, distance and ETA, open label, 自提/配送 tags. */
export function StoreCard(props: {
  store: NearbyStore;
  /** The number of its pin on the map (1-based). */
  rank?: number;
  selected?: boolean;
  onOpen: (id: number) => void;
}) {
  const { store, rank, selected, onOpen } = props;
  return (
    <View
      className={`store-card${selected ? ' store-card--selected' : ''}`}
      data-id={store.id}
      onClick={() => onOpen(store.id)}
    >
      <View className="store-card__head">
        {rank !== undefined && <Text className="store-card__rank">{rank}</Text>}
        <Text className="store-name">{store.name}</Text>
        <Text className="store-distance">{formatStoreDistance(store.distanceM)}</Text>
      </View>
      <Text className="store-address">{store.address}</Text>
      <View className="store-card__foot">
        <Text className={`store-open-label store-open-label--${store.open.openNow ? 'open' : 'closed'}`}>
          {store.open.label}
        </Text>
        <Text className="store-eta">约 {store.etaMin} 分钟</Text>
        <View className="store-card__tags">
          {store.services.map((s) => (
            <Text key={s} className={`store-service-tag store-service-tag--${s}`}>
              {SERVICE_TEXT[s]}
            </Text>
          ))}
        </View>
      </View>
    </View>
  );
}
