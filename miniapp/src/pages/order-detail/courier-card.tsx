import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { Order, OrderCourier } from '@omni/shared-types';
import { connectRealtime } from '../../services/socket';
import { getSession } from '../../services/session';
import { haversineM } from '../../utils/geo';

const hhmm = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16); // Asia/Shanghai, UTC+8

/** The courier's ETA and last position on a delivery that is on its way; live over socket.io. */
export function CourierCard({ order }: { order: Order }) {
  const [courier, setCourier] = useState<OrderCourier | null>(order.courier ?? null);
  useEffect(() => setCourier(order.courier ?? null), [order.courier]);
  useEffect(() => {
    const session = getSession();
    if (!session || !order.courier) return undefined;
    const socket = connectRealtime(session.token);
    socket.on('order:eta', (e) => {
      if (e.orderId !== order.id) return;
      setCourier((c) => ({
        name: e.courierName,
        etaAt: e.etaAt,
        windowStart: e.windowStart,
        windowEnd: e.windowEnd,
        stopsBefore: e.stopsBefore,
        position: e.courierPosition ?? c?.position ?? null,
      }));
    });
    return () => {
      socket.disconnect();
    };
  }, [order.id, order.courier]);
  if (!courier) return null;
  const km =
    courier.position && order.address
      ? (haversineM(courier.position, order.address) / 1000).toFixed(1)
      : null;
  return (
    <View className="courier-card detail-section">
      <Text className="detail-section__title">骑手 {courier.name}</Text>
      <Text className="courier-eta">预计 {hhmm(courier.etaAt)} 送达</Text>
      <Text className="courier-progress">
        {courier.stopsBefore > 0 ? `前面还有 ${courier.stopsBefore} 单` : '下一站就是你'}
        {km !== null ? ` · 距你约 ${km} km` : ''}
      </Text>
    </View>
  );
}
