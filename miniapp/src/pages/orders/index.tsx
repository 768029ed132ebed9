import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { Order } from '@omni/shared-types';
import { StateView } from '../../components/state-view';
import { useOrderUpdates } from '../../hooks/use-order-updates';
import { useSession } from '../../hooks/use-session';
import { OrderCard } from './order-card';
import { ORDER_TABS, type OrderTab } from './tabs';
import { useOrderList } from './use-order-list';
import './index.scss';
import { ListFooter } from '../../components/list-footer';

function openOrder(order: Order, pay?: boolean) {
  void Taro.navigateTo({ url: `/pages/order-detail/index?id=${order.id}${pay ? '&pay=1' : ''}` });
}

/** 我的订单: status tabs, order cards, pull-down refresh and paging. */
export default function OrdersPage() {
  const session = useSession();
  const [tab, setTab] = useState<OrderTab>(ORDER_TABS[0]);
  const list = useOrderList(tab);
  const shown = useRef(false);
  // Live: an order paid, collected, delivered or cancelled elsewhere changes its card at once.
  useOrderUpdates(list.applyUpdate);

  // Coming back from an order's detail: its status may have changed there.
  useDidShow(() => {
    if (shown.current) void list.refresh();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => list.loadMore());

  if (!session) return <StateView kind="empty" message="登录后查看订单" />;

  const firstLoad = list.page === 0;
  return (
    <View className="orders">
      <View className="order-tabs">
        {ORDER_TABS.map((t) => (
          <View
            key={t.key}
            className={`order-tab${t.key === tab.key ? ' order-tab--active' : ''}`}
            data-key={t.key}
            onClick={() => setTab(t)}
          >
            {t.title}
          </View>
        ))}
      </View>

      {firstLoad && list.loading && <StateView kind="loading" message="加载中…" />}
      {firstLoad && list.error && <StateView kind="error" message={list.error} onRetry={list.retry} />}
      {!firstLoad && list.items.length === 0 && !list.error && <StateView kind="empty" message="暂无订单" />}

      <View className="order-list">
        {list.items.map((order) => (
          <OrderCard key={order.id} order={order} onOpen={openOrder} />
        ))}
      </View>

      {list.items.length > 0 && <ListFooter list={list} />}
    </View>
  );
}
