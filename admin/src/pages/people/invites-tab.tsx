// 邀请: the invites of the store(s) in view, by state; create one (its code is shown once, with a
// QR code of the bind page) and revoke one still waiting to be used.
import { useState } from 'react';
import { App, Button, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type {
  CreateInviteResponse,
  InviteItem,
  InviteListResponse,
  InviteRole,
  InviteStatus,
} from '@omni/shared-types';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { showConflict } from '../../components/conflict';
import { PageState } from '../../components/PageState';
import { shTime } from '../../components/format';
import { useStores } from '../../components/useStores';
import { useTable } from '../../components/useTable';
import { InviteCreate, InviteResult } from './invite-dialog';
import { INVITE_STATUS, MANAGER_MANAGES, ROLE_COLOR, ROLE_TEXT } from './labels';
import { useStoreFilter } from './store-filter';

export function InvitesTab() {
  const { isAdmin } = useAuth();
  const { message } = App.useApp();
  const stores = useStores();
  const store = useStoreFilter();
  const [status, setStatus] = useState<InviteStatus>();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreateInviteResponse | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const t = useTable<InviteItem, object>(
    (query, signal) =>
      api.get<InviteListResponse>(
        '/admin/invites',
        { page: query.page, pageSize: query.pageSize, status, storeId: store.storeId },
        signal,
      ),
    { status, storeId: store.storeId },
  );

  const revoke = async (inv: InviteItem) => {
    setBusy(inv.id);
    try {
      await api.post<InviteItem>(`/admin/invites/${inv.id}/revoke`, { version: inv.version });
      message.success('邀请已撤销，该邀请码不能再使用');
      t.reload();
    } catch (err) {
      if (!showConflict(err, t.reload)) message.error((err as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Select<InviteStatus>
            aria-label="邀请状态"
            allowClear
            placeholder="全部状态"
            style={{ width: 130 }}
            value={status}
            onChange={setStatus}
            options={(Object.keys(INVITE_STATUS) as InviteStatus[]).map((s) => ({
              value: s,
              label: INVITE_STATUS[s].text,
            }))}
          />
          {store.picker}
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          创建邀请
        </Button>
      </Space>
      <PageState loading={t.loading} error={t.error} onRetry={t.reload} empty={false}>
        <Table<InviteItem>
          rowKey="id"
          size="middle"
          loading={t.loading}
          dataSource={t.rows}
          pagination={t.pagination}
          locale={{ emptyText: '暂无邀请' }}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            {
              title: '身份',
              dataIndex: 'role',
              width: 90,
              render: (v: InviteRole) => <Tag color={ROLE_COLOR[v]}>{ROLE_TEXT[v]}</Tag>,
            },
            { title: '门店', dataIndex: 'storeName', render: (v: string | null, r) => v ?? `#${r.storeId}` },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (v: InviteStatus) => <Tag color={INVITE_STATUS[v].color}>{INVITE_STATUS[v].text}</Tag>,
            },
            { title: '创建时间', dataIndex: 'createdAt', width: 170, render: (v: string) => shTime(v, true) },
            {
              title: '有效期至 / 使用时间',
              width: 180,
              render: (_: unknown, r: InviteItem) =>
                r.status === 'spent' ? `${shTime(r.spentAt, true)} 使用` : shTime(r.expiresAt, true),
            },
            {
              title: '操作',
              width: 90,
              render: (_: unknown, r: InviteItem) =>
                r.status === 'pending' && (isAdmin || MANAGER_MANAGES.includes(r.role)) ? (
                  <Popconfirm
                    title={`撤销给 ${r.name} 的邀请？`}
                    description="撤销后该邀请码立即失效。"
                    okText="撤销"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => revoke(r)}
                  >
                    <Button type="link" size="small" danger loading={busy === r.id}>
                      撤销
                    </Button>
                  </Popconfirm>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
          ]}
        />
      </PageState>
      <InviteCreate
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(inv) => {
          setCreating(false);
          setCreated(inv);
          t.reload();
        }}
      />
      <InviteResult
        invite={created}
        storeName={stores.data?.find((s) => s.id === created?.storeId)?.name}
        onClose={() => setCreated(null)}
      />
    </>
  );
}
