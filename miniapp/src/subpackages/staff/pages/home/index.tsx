import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { useNotifyOffer } from '../../../../hooks/use-notify-offer';
import { askConsent } from '../../../../services/notify';
import { useStaffSession } from '../../hooks/use-staff-session';
import { clearStaffSession, type StaffSession } from '../../services/staff-session';
import { StaffLogin } from '../inbox/staff-login';
import { useStaffCounts, type StaffCounts } from './use-staff-counts';
import './index.scss';

/** The entries of 门店工作台: where each goes and which count its badge shows. */
export const STAFF_ENTRIES: Array<{
  key: string;
  title: string;
  hint: string;
  url: string;
  count: keyof StaffCounts;
}> = [
  {
    key: 'events',
    title: '到店事件',
    hint: '顾客到店、附近提醒',
    url: '/subpackages/staff/pages/inbox/index',
    count: 'events',
  },
  {
    key: 'pickups',
    title: '自提订单',
    hint: '备货与取货',
    url: '/subpackages/staff/pages/orders/index',
    count: 'pickups',
  },
  {
    key: 'console',
    title: '在线客服',
    hint: '转人工的会话',
    url: '/subpackages/staff/pages/console/index',
    count: 'waitingChats',
  },
  {
    key: 'aftersales',
    title: '售后',
    hint: '审核、退款、处理进度',
    url: '/subpackages/staff/pages/aftersales/index',
    count: 'openCases',
  },
];

function Home({ session }: { session: StaffSession }) {
  const { counts } = useStaffCounts(session);
  const notifyOffer = useNotifyOffer('staff', true, session.token);
  const askAlerts = () =>
    void askConsent('staff', notifyOffer).then((r) => {
      if (r && r.accepted > 0) void Taro.showToast({ title: '已开启新事件提醒', icon: 'none' });
    });
  return (
    <View className="staff-home">
      <View className="staff-home__head">
        <Text className="staff-home__title">门店工作台</Text>
        <Text className="staff-home__who">{session.user.nickname}</Text>
      </View>
      <View className="staff-entries">
        {STAFF_ENTRIES.map((e) => {
          const n = counts?.[e.count] ?? 0;
          return (
            <View
              key={e.key}
              className="staff-entry"
              data-key={e.key}
              onClick={() => void Taro.navigateTo({ url: e.url })}
            >
              <Text className="staff-entry__title">{e.title}</Text>
              <Text className="staff-entry__hint">{e.hint}</Text>
              {n > 0 && <Text className="staff-entry__badge">{n > 99 ? '99+' : n}</Text>}
            </View>
          );
        })}
      </View>
      <View className="staff-home__foot">
        {notifyOffer && notifyOffer.items.length > 0 && (
          <ActionButton size="small" className="staff-notify" onClick={askAlerts}>
            开启新事件提醒
          </ActionButton>
        )}
        <ActionButton size="small" className="staff-logout" onClick={clearStaffSession}>
          退出门店后台
        </ActionButton>
      </View>
    </View>
  );
}

/** 门店工作台 (staff): entries for events, pickup orders, support and after-sales, with live badges. */
export default function StaffHomePage() {
  const session = useStaffSession();
  return session ? <Home session={session} /> : <StaffLogin />;
}
