import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { StoreDetail } from '@omni/shared-types';
import { OnMyWay } from '../../components/on-my-way';
import { StateView } from '../../components/state-view';
import { useSession } from '../../hooks/use-session';
import { ApiError, messageFor } from '../../services/request';
import { getStoreDetail } from '../../services/store-locator';
import { hoursRows, shanghaiWeekday } from './hours';
import './index.scss';

function parseId(raw: string | undefined): number | null {
  return raw && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

function callStore(phone: string) {
  void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
}

function navigateTo(store: StoreDetail) {
  // Store coordinates are GCJ-02, which is what openLocation expects.
  void Taro.openLocation({
    latitude: store.lat,
    longitude: store.lng,
    name: store.name,
    address: store.address,
    scale: 17,
  }).catch(() => undefined);
}

/**
 * 门店详情: address, weekly hours (today highlighted), special days, open label, 拨打电话, 导航;
 * with `orderId` (a pickup order at this store) also 我在路上.
 */
export default function StoreDetailPage() {
  const { params } = useRouter();
  const id = parseId(params.id);
  const orderId = parseId(params.orderId);
  const session = useSession();
  const [store, setStore] = useState<StoreDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    if (id === null) {
      setError(messageFor('STORE_NOT_FOUND'));
      return;
    }
    setError(null);
    getStoreDetail(id).then(
      (s) => {
        setStore(s);
        void Taro.setNavigationBarTitle({ title: s.name });
      },
      (err: unknown) => setError(err instanceof ApiError ? err.message : messageFor('INTERNAL')),
    );
  }, [id]);

  useEffect(load, [load]);

  if (!store) {
    if (error) return <StateView kind="error" message={error} onRetry={load} />;
    return <StateView kind="loading" message="加载中…" />;
  }

  const rows = hoursRows(store.hours, shanghaiWeekday());
  return (
    <View className="store-detail">
      <View className="store-detail__card">
        <Text className="store-detail-name">{store.name}</Text>
        <Text className={`store-open-label store-open-label--${store.open.openNow ? 'open' : 'closed'}`}>
          {store.open.label}
        </Text>
        <Text className="store-detail-address">{store.address}</Text>
        <View className="store-detail__actions">
          <Button className="call-button" onClick={() => callStore(store.phone)}>
            拨打电话
          </Button>
          <Button className="navigate-button" onClick={() => navigateTo(store)}>
            导航
          </Button>
        </View>
      </View>

      {orderId !== null && session && <OnMyWay orderId={orderId} storeId={store.id} />}

      <View className="store-detail__card">
        <Text className="store-detail__title">营业时间</Text>
        <View className="hours-table">
          {rows.map((row) => (
            <View key={row.weekday} className={`hours-row${row.today ? ' hours-row--today' : ''}`}>
              <Text>
                {row.name}
                {row.today ? '（今天）' : ''}
              </Text>
              <Text>{row.text}</Text>
            </View>
          ))}
        </View>
      </View>

      {store.exceptions.length > 0 && (
        <View className="store-detail__card store-exceptions">
          <Text className="store-detail__title">特殊营业安排</Text>
          {store.exceptions.map((e) => (
            <View key={e.date} className="exception-row">
              <Text>{e.date}</Text>
              <Text>
                {e.closed ? '闭店' : `${e.open ?? ''} – ${e.close ?? ''}`}
                {e.reason ? `（${e.reason}）` : ''}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
