import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { StateView } from '../../../../components/state-view';
import { useNow } from '../../../../hooks/use-now';
import { StaffHomeLink } from '../../components/home-link';
import { useStaffSession } from '../../hooks/use-staff-session';
import { clearStaffSession, type StaffSession } from '../../services/staff-session';
import { EventCard } from './event-card';
import { eventsOfTab, type InboxTab } from './inbox-reducer';
import { StaffLogin } from './staff-login';
import { useInbox } from './use-inbox';
import './index.scss';

const TABS: Array<{ key: InboxTab; label: string }> = [
  { key: 'todo', label: '待处理' },
  { key: 'claimed', label: '已认领' },
  { key: 'done', label: '已完成' },
];

function Inbox({ session }: { session: StaffSession }) {
  const inbox = useInbox(session);
  const [tab, setTab] = useState<InboxTab>('todo');
  const nowMs = useNow(true, 30_000);
  const shown = eventsOfTab(inbox.events, tab);
  const todoCount = eventsOfTab(inbox.events, 'todo').length;
  const { markSeen } = inbox;

  // Looking at 待处理 is seeing what arrived.
  useEffect(() => {
    if (tab !== 'todo' || inbox.unseen === 0) return undefined;
    const timer = setTimeout(markSeen, 3_000);
    return () => clearTimeout(timer);
  }, [tab, inbox.unseen, markSeen]);

  return (
    <View className="inbox">
      <View className="inbox__header">
        <StaffHomeLink />
        <Text className="inbox__store">{session.user.nickname}</Text>
        <Text className={`realtime-status realtime-status--${inbox.online ? 'online' : 'offline'}`}>
          {inbox.online ? '实时接收中' : '连接中…'}
        </Text>
        <Text
          className="staff-orders-link"
          onClick={() => void Taro.navigateTo({ url: '/subpackages/staff/pages/orders/index' })}
        >
          自提订单
        </Text>
        <Text className="staff-logout" onClick={clearStaffSession}>
          退出
        </Text>
      </View>
      <View className="inbox-tabs">
        {TABS.map((t) => (
          <View
            key={t.key}
            className={`inbox-tab${t.key === tab ? ' inbox-tab--active' : ''}`}
            data-tab={t.key}
            onClick={() => {
              setTab(t.key);
              if (t.key === 'todo') markSeen();
            }}
          >
            <Text>{t.label}</Text>
            {t.key === 'todo' && todoCount > 0 && (
              <Text className={`inbox-badge${inbox.unseen > 0 ? ' inbox-badge--new' : ''}`}>{todoCount}</Text>
            )}
          </View>
        ))}
      </View>
      {inbox.error && <StateView kind="error" message={inbox.error} onRetry={inbox.reload} />}
      {!inbox.error && shown.length === 0 && <StateView kind="empty" message="暂无事件" />}
      <View className="event-list">
        {shown.map((event) => (
          <EventCard
            key={event.id}
            event={event}
            nowMs={nowMs}
            busy={inbox.busyId === event.id}
            notice={inbox.notices[event.id]}
            onClaim={(id) => void inbox.claim(id)}
            onResolve={(id, note) => void inbox.resolve(id, note)}
          />
        ))}
      </View>
    </View>
  );
}

/** 门店事件: staff sign-in, then the live inbox of arrivals and nearby members. */
export default function StaffInboxPage() {
  const session = useStaffSession();
  return session ? <Inbox session={session} /> : <StaffLogin />;
}
