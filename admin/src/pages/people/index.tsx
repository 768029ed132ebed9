// 人员: the members bound by WeChat (couriers, staff, store managers), their invites, and — for
// admins — the back-office accounts. A store manager sees only its own store's people.
import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { AccountsTab } from './accounts-tab';
import { InvitesTab } from './invites-tab';
import { MembersTab } from './members-tab';

export default function PeoplePage() {
  const { isAdmin } = useAuth();
  const [params, setParams] = useSearchParams();
  const items = [
    { key: 'members', label: '成员', children: <MembersTab /> },
    { key: 'invites', label: '邀请', children: <InvitesTab /> },
    ...(isAdmin ? [{ key: 'accounts', label: '后台账号', children: <AccountsTab /> }] : []),
  ];
  const tab = items.some((i) => i.key === params.get('tab')) ? params.get('tab')! : 'members';
  return (
    <Card>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'members' ? {} : { tab: k }, { replace: true })}
        items={items}
        destroyOnHidden
      />
    </Card>
  );
}
