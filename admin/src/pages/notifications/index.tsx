// 通知 (admins only): which WeChat template carries each event and what its fields show (模板), the
// outbox of subscription messages and shipping uploads (发送记录), and how they ended (统计).
import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { NotificationStatus } from '@omni/shared-types';
import { OutboxTab } from './outbox-tab';
import { StatsTab } from './stats-tab';
import { TemplatesTab } from './templates-tab';

type TabKey = 'templates' | 'outbox' | 'stats';
const TABS: TabKey[] = ['templates', 'outbox', 'stats'];

export default function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab') as TabKey | null;
  const tab: TabKey = raw && TABS.includes(raw) ? raw : 'templates';
  const parsed = NotificationStatus.safeParse(params.get('status'));
  const status = parsed.success ? parsed.data : undefined;
  const go = (k: TabKey, s?: NotificationStatus) =>
    setParams(k === 'templates' ? {} : { tab: k, ...(s ? { status: s } : {}) }, { replace: true });
  return (
    <Card>
      <Tabs
        activeKey={tab}
        onChange={(k) => go(k as TabKey)}
        destroyOnHidden
        items={[
          { key: 'templates', label: '模板', children: <TemplatesTab /> },
          {
            key: 'outbox',
            label: '发送记录',
            children: <OutboxTab status={status} onStatus={(s) => go('outbox', s)} />,
          },
          { key: 'stats', label: '统计', children: <StatsTab onShowDead={() => go('outbox', 'dead')} /> },
        ]}
      />
    </Card>
  );
}
