import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { Order, OrderStatus } from '@omni/shared-types';
import { StateView } from '../../../../components/state-view';
import { lbsErrorMessage } from '../../../../services/lbs';
import { connectRealtime } from '../../../../services/socket';
import { formatFen } from '../../../../utils/money';
import { formatDateTime } from '../../../../utils/shanghai-time';
import { StaffHomeLink } from '../../components/home-link';
import { useStaffSession } from '../../hooks/use-staff-session';
import { listStoreOrders, markPickedUp, markReady } from '../../services/staff-api';
import type { StaffSession } from '../../services/staff-session';
import './index.scss';

const TABS: Array<{ status: OrderStatus; label: string }> = [
  { status: 'paid', label: '待备货' },
  { status: 'ready_for_pickup', label: '待取货' },
  { status: 'picked_up', label: '已取货' },
];

function PickupOrders({ session }: { session: StaffSession }) {
  const [status, setStatus] = useState<OrderStatus>('paid');
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const load = useCallback(() => {
    listStoreOrders(status).then(
      (res) => {
        setError(null);
        setOrders(res.items.filter((o) => o.type === 'pickup'));
      },
      (err: unknown) => setError(lbsErrorMessage(err)),
    );
  }, [status]);

  useEffect(load, [load]);

  // Orders paid, collected or cancelled elsewhere move between tabs without a reload.
  useEffect(() => {
    const socket = connectRealtime(session.token);
    socket.on('order:updated', load);
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [session.token, load]);

  const act = async (order: Order, run: (id: number) => Promise<Order>, done: string) => {
    setBusyId(order.id);
    try {
      await run(order.id);
      void Taro.showToast({ title: done, icon: 'none' });
      load();
    } catch (err) {
      void Taro.showToast({ title: lbsErrorMessage(err), icon: 'none' });
      load();
    } finally {
      setBusyId(null);
    }
  };

  return (
    <View className="staff-orders">
      <View className="staff-home-bar">
        <StaffHomeLink />
        <Text className="staff-home-bar__title">自提订单</Text>
      </View>
      <View className="staff-order-tabs">
        {TABS.map((t) => (
          <Text
            key={t.status}
            className={`staff-order-tab${t.status === status ? ' staff-order-tab--active' : ''}`}
            data-status={t.status}
            onClick={() => {
              setOrders(null);
              setStatus(t.status);
            }}
          >
            {t.label}
          </Text>
        ))}
      </View>
      {error && <StateView kind="error" message={error} onRetry={load} />}
      {!error && orders === null && <StateView kind="loading" message="加载中…" />}
      {!error && orders?.length === 0 && <StateView kind="empty" message="暂无订单" />}
      {orders?.map((o) => (
        <View key={o.id} className="staff-order-card" data-id={o.id}>
          <View className="staff-order-card__head">
            <Text className="staff-order-no">{o.orderNo}</Text>
            <Text className="staff-order-status">{o.statusText}</Text>
          </View>
          <Text className="staff-order-items">
            {o.items.map((i) => `${i.name} ×${i.quantity}`).join('，')}
          </Text>
          <View className="staff-order-card__foot">
            <Text>
              {formatDateTime(o.paidAt ?? o.createdAt)} · {formatFen(o.totalFen)}
            </Text>
            {o.staffAcknowledged && <Text className="staff-order-ack">到店提醒已认领</Text>}
          </View>
          {o.status === 'paid' && (
            <Button
              className="mark-ready"
              disabled={busyId === o.id}
              onClick={() => void act(o, markReady, '已通知顾客取货')}
            >
              备货完成
            </Button>
          )}
          {o.status === 'ready_for_pickup' && (
            <Button
              className="mark-picked-up"
              disabled={busyId === o.id}
              onClick={() => void act(o, markPickedUp, '已完成取货')}
            >
              已取货
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}

/** 自提订单 (staff): the store's pickup orders with 备货完成 and 已取货. */
export default function StaffOrdersPage() {
  const session = useStaffSession();
  if (!session) {
    return (
      <View className="staff-orders">
        <StateView kind="empty" message="请先登录门店后台" />
        <Button
          className="staff-login-link"
          onClick={() => void Taro.redirectTo({ url: '/subpackages/staff/pages/inbox/index' })}
        >
          去登录
        </Button>
      </View>
    );
  }
  return <PickupOrders session={session} />;
}
