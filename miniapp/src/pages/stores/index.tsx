import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { StateView } from '../../components/state-view';
import { StoreCard } from '../../components/store-card';
import { StoreMap } from '../../components/store-map';
import { useNearbyStores, type StoreFilters } from './use-nearby-stores';
import './index.scss';

const FILTERS: Array<{ key: keyof StoreFilters; label: string }> = [
  { key: 'openNow', label: '营业中' },
  { key: 'pickup', label: '可自提' },
];

function openStore(id: number) {
  void Taro.navigateTo({ url: `/pages/store-detail/index?id=${id}` });
}

/** 门店: the stores around the user on a map and in a list by distance, with 营业中 / 可自提 filters. */
export default function StoresPage() {
  const [filters, setFilters] = useState<StoreFilters>({ openNow: false, pickup: false });
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const list = useNearbyStores(filters);
  const pins = useMemo(
    () =>
      list.stores.map((s) => ({ id: s.id, name: s.name, lat: s.lat, lng: s.lng, openNow: s.open.openNow })),
    [list.stores],
  );

  const toggle = (key: keyof StoreFilters) => setFilters((f) => ({ ...f, [key]: !f[key] }));

  return (
    <View className="stores">
      {list.origin && (
        <StoreMap center={list.origin} stores={pins} selectedId={selectedId} onSelect={setSelectedId} />
      )}
      {list.fallback && (
        <View className="location-hint">
          <Text>未获取到你的位置，已按人民广场附近展示门店</Text>
          <Text className="relocate-button" onClick={list.locate}>
            重新定位
          </Text>
        </View>
      )}
      <View className="store-filters">
        {FILTERS.map((f) => (
          <Text
            key={f.key}
            className={`store-filter${filters[f.key] ? ' store-filter--active' : ''}`}
            data-filter={f.key}
            onClick={() => toggle(f.key)}
          >
            {f.label}
          </Text>
        ))}
      </View>

      {list.loading && list.stores.length === 0 && <StateView kind="loading" message="正在查找附近门店…" />}
      {list.error && <StateView kind="error" message={list.error} onRetry={list.reload} />}
      {!list.loading && !list.error && list.stores.length === 0 && (
        <StateView kind="empty" message="附近没有符合条件的门店" />
      )}
      <View className="store-list">
        {list.stores.map((store, i) => (
          <StoreCard
            key={store.id}
            store={store}
            rank={i + 1}
            selected={store.id === selectedId}
            onOpen={openStore}
          />
        ))}
      </View>
    </View>
  );
}
