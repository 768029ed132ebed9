import { useEffect, useState, type ReactNode } from 'react';
import { Avatar, Dropdown, Layout, Menu, Select, Space, Tag, Typography } from 'antd';
import { LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { useStores } from '../components/useStores';
import { SECTIONS, sectionOf } from './nav';
import { TotpDialog } from './TotpDialog';

const ROLE_LABEL = { admin: '品牌管理员', store_manager: '店长' } as const;

export function AppLayout({ children }: { children?: ReactNode }) {
  const auth = useAuth();
  const nav = useNavigate();
  const loc = useLocation();
  const stores = useStores();
  const [totpOpen, setTotpOpen] = useState(false);
  const user = auth.user!;
  const visible = SECTIONS.filter((s) => s.roles.includes(user.role));
  const current = sectionOf(loc.pathname);

  useEffect(() => {
    document.title = `${current?.label ?? '后台'} · 品牌后台`;
  }, [current]);

  const myStore = stores.data?.find((s) => s.id === auth.storeId);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} theme="dark" breakpoint="lg">
        <div style={{ color: '#fff', fontSize: 17, fontWeight: 600, padding: '18px 20px' }}>品牌后台</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={current ? [current.path] : []}
          items={visible.map((s) => ({ key: s.path, icon: s.icon, label: s.label }))}
          onClick={(e) => nav(e.key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Space>
            <Typography.Text strong>{current?.label}</Typography.Text>
          </Space>
          <Space size="large">
            {auth.isAdmin ? (
              <Space>
                <Typography.Text type="secondary">门店</Typography.Text>
                <Select
                  aria-label="门店"
                  style={{ width: 220 }}
                  value={auth.storeId ?? 0}
                  loading={stores.loading}
                  showSearch={{ optionFilterProp: 'label' }}
                  onChange={(v: number) => auth.setStoreId(v === 0 ? null : v)}
                  options={[
                    { value: 0, label: '全部门店' },
                    ...(stores.data ?? []).map((s) => ({ value: s.id, label: s.name })),
                  ]}
                />
              </Space>
            ) : (
              <Tag color="blue">{myStore?.name ?? `门店 #${auth.storeId}`}</Tag>
            )}
            <Dropdown
              menu={{
                items: [
                  { key: 'totp', icon: <SafetyOutlined />, label: '动态验证码' },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
                ],
                onClick: (e) => {
                  if (e.key === 'logout') {
                    auth.logout();
                    nav('/login', { replace: true });
                  } else setTotpOpen(true);
                },
              }}
            >
              <Space style={{ cursor: 'pointer' }}>
                <Avatar size="small" icon={<UserOutlined />} />
                <span>{user.username}</span>
                <Tag>{ROLE_LABEL[user.role]}</Tag>
              </Space>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>{children ?? <Outlet />}</Layout.Content>
      </Layout>
      <TotpDialog open={totpOpen} onClose={() => setTotpOpen(false)} />
    </Layout>
  );
}
