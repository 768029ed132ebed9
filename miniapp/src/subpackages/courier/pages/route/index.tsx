import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { ActionButton } from '../../../../components/action-button';
import { RouteMap } from '../../../../components/route-map';
import { useNotifyOffer } from '../../../../hooks/use-notify-offer';
import { askConsent } from '../../../../services/notify';
import { clearCourierSession, type CourierSession } from '../../../../services/courier';
import { addDays, dayLabel, shanghaiDate } from '../../../../utils/shanghai-time';
import { useCourierSession } from '../../hooks/use-courier-session';
import { usePendingActions } from '../../hooks/use-pending-actions';
import { courierQueue } from '../../services/courier-queue';
import { withPending } from '../../stop-view';
import { CourierLogin } from './courier-login';
import { StopList } from './stop-list';
import { useRoute } from './use-route';
import { useLivePosition } from '../../hooks/use-live-position';
import './index.scss';

/** 今日路线 for a signed-in courier: day tabs, sync state, the map and the stops in order. */
function RouteView({ session, initialDate }: { session: CourierSession; initialDate: string }) {
  const today = shanghaiDate();
  const [date, setDate] = useState(initialDate);
  const { route, loading, notPlanned, error, fromCache, reload, store } = useRoute(session, date);
  const courierId = session.user.courierId ?? 0;
  const pending = usePendingActions(courierId);
  const stops = route ? withPending(route.stops, pending) : [];
  const done = stops.filter((s) => s.status === 'delivered' || s.status === 'failed').length;
  useLivePosition(date === today && stops.length > done);
  const notifyOffer = useNotifyOffer('courier', true, session.token);
  const askRouteNotices = () =>
    void askConsent('courier', notifyOffer).then((r) => {
      if (r && r.accepted > 0) void Taro.showToast({ title: '已开启路线通知', icon: 'none' });
    });

  // A queued action just reached the BFF: show what it answered rather than the overlay.
  const pendingBefore = useRef(pending.length);
  useEffect(() => {
    if (pending.length < pendingBefore.current) void reload();
    pendingBefore.current = pending.length;
  }, [pending.length, reload]);

  // Back from a stop page: catch up even if a push was missed.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void reload();
    shownBefore.current = true;
  });

  usePullDownRefresh(() => {
    void courierQueue(courierId).flush();
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  const open = (stopId: number) =>
    void Taro.navigateTo({ url: `/subpackages/courier/pages/stop/index?id=${stopId}&date=${date}` });

  return (
    <View className="courier-route">
      <View className="courier-header">
        <View className="courier-header__who">
          <Text className="courier-name">{session.user.nickname}</Text>
          {route && <Text className="courier-store">{route.store.name}</Text>}
        </View>
        <View className="courier-header__actions">
          {notifyOffer && notifyOffer.items.length > 0 && (
            <Text className="courier-notify" onClick={askRouteNotices}>
              接收路线通知
            </Text>
          )}
          <Text className="courier-logout" onClick={clearCourierSession}>
            退出
          </Text>
        </View>
      </View>
      <View className="route-days">
        {[today, addDays(today, 1)].map((d) => (
          <Text
            key={d}
            className={`route-day${d === date ? ' route-day--active' : ''}`}
            data-date={d}
            onClick={() => setDate(d)}
          >
            {dayLabel(d, today)}
          </Text>
        ))}
      </View>
      {pending.length > 0 && (
        <View className="sync-bar">
          <Text className="pending-sync">待同步 {pending.length}</Text>
          <Text className="sync-now" onClick={() => void courierQueue(courierId).flush()}>
            立即同步
          </Text>
        </View>
      )}
      {fromCache && <Text className="offline-note">网络不可用，显示的是本机保存的路线</Text>}
      {route && route.stops.length > 0 && (
        <>
          <View className="route-summary">
            <Text>共 {stops.length} 站</Text>
            <Text>已完成 {done}</Text>
            <Text>约 {(route.distanceM / 1000).toFixed(1)} 公里</Text>
          </View>
          <RouteMap store={route.store} stops={stops} polyline={route.polyline} onSelect={open} />
          <StopList stops={stops} onOpen={open} />
        </>
      )}
      {route && route.stops.length === 0 && (
        <RouteEmpty
          title="当天没有分配给你的配送任务"
          hint="如需接单，请联系门店"
          store={route.store.phone ? { name: route.store.name, phone: route.store.phone } : null}
        />
      )}
      {!route && loading && <Text className="loading-state">加载中…</Text>}
      {!route && notPlanned && (
        <RouteEmpty title="当天路线尚未发布" hint="门店排线后会自动显示，也可以下拉刷新" store={store} />
      )}
      {!route && error && (
        <View className="error-state">
          <Text>{error}</Text>
          <Button className="retry-button" onClick={() => void reload()}>
            重试
          </Button>
        </View>
      )}
    </View>
  );
}

/** No route to show: why, and the store to call (拨打电话). */
function RouteEmpty(props: { title: string; hint: string; store: { name: string; phone: string } | null }) {
  const { store } = props;
  return (
    <View className="courier-route-empty">
      <Text className="courier-route-empty__title">{props.title}</Text>
      <Text className="courier-route-empty__hint">{props.hint}</Text>
      {store && (
        <View className="courier-route-empty__store">
          <Text>
            {store.name} · {store.phone}
          </Text>
          <ActionButton
            kind="primary"
            size="small"
            className="courier-call-store"
            onClick={() => void Taro.makePhoneCall({ phoneNumber: store.phone }).catch(() => undefined)}
          >
            拨打门店电话
          </ActionButton>
        </View>
      )}
    </View>
  );
}

/** 今日路线: courier sign-in, then the day's route (`?date=YYYY-MM-DD` opens another day). */
export default function CourierRoutePage() {
  const session = useCourierSession();
  const { params } = useRouter();
  const initialDate = /^\d{4}-\d{2}-\d{2}$/.test(params.date ?? '')
    ? (params.date as string)
    : shanghaiDate();
  if (!session) return <CourierLogin />;
  return <RouteView key={session.user.courierId} session={session} initialDate={initialDate} />;
}
