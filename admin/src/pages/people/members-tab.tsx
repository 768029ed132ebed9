// 成员: everyone bound to a role by WeChat (couriers, staff, store managers), filtered by role,
// store, state and name; disabling one ends its sessions at once.
import { useState } from 'react';
import { App, Button, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { MemberItem, MemberListResponse, Role } from '@omni/shared-types';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { showConflict } from '../../components/conflict';
import { PageState } from '../../components/PageState';
import { shTime } from '../../components/format';
import { useTable } from '../../components/useTable';
import { MANAGER_MANAGES, ROLE_COLOR, ROLE_TEXT } from './labels';
import { useStoreFilter } from './store-filter';

type MemberRole = Exclude<Role, 'consumer' | 'admin'>;
type StateFilter = 'all' | 'enabled' | 'disabled';

export function MembersTab() {
  const { isAdmin } = useAuth();
  const { message } = App.useApp();
  const store = useStoreFilter();
  const [role, setRole] = useState<MemberRole>();
  const [state, setState] = useState<StateFilter>('all');
  const [q, setQ] = useState<string>();
  const [busy, setBusy] = useState<number | null>(null);
  const t = useTable<MemberItem, object>(
    (query, signal) =>
      api.get<MemberListResponse>(
        '/admin/members',
        {
          page: query.page,
          pageSize: query.pageSize,
          role,
          storeId: store.storeId,
          disabled: state === 'all' ? undefined : state === 'disabled' ? 'true' : 'false',
          q,
        },
        signal,
      ),
    { role, storeId: store.storeId, state, q },
  );

  const toggle = async (m: MemberItem) => {
    setBusy(m.id);
    try {
      await api.post<MemberItem>(`/admin/members/${m.id}/${m.disabled ? 'enable' : 'disable'}`, {
        version: m.version,
      });
      message.success(m.disabled ? `已启用 ${m.name}` : `已停用 ${m.name}，其登录已失效`);
      t.reload();
    } catch (err) {
      if (!showConflict(err, t.reload)) message.error((err as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label="搜索成员"
          placeholder="姓名"
          style={{ width: 200 }}
          onSearch={(v) => setQ(v.trim() || undefined)}
        />
        <Select<MemberRole>
          aria-label="角色"
          allowClear
          placeholder="全部角色"
          style={{ width: 130 }}
          value={role}
          onChange={setRole}
          options={(['courier', 'staff', 'store_manager'] as const).map((r) => ({
            value: r,
            label: ROLE_TEXT[r],
          }))}
        />
        {store.picker}
        <Select<StateFilter>
          aria-label="状态"
          style={{ width: 120 }}
          value={state}
          onChange={setState}
          options={[
            { value: 'all', label: '全部状态' },
            { value: 'enabled', label: '启用中' },
            { value: 'disabled', label: '已停用' },
          ]}
        />
      </Space>
      <PageState loading={t.loading} error={t.error} onRetry={t.reload} empty={false}>
        <Table<MemberItem>
          rowKey="id"
          size="middle"
          loading={t.loading}
          dataSource={t.rows}
          pagination={t.pagination}
          locale={{ emptyText: '暂无成员，可在“邀请”中创建邀请码' }}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            {
              title: '角色',
              dataIndex: 'role',
              width: 100,
              render: (v: Role) => <Tag color={ROLE_COLOR[v]}>{ROLE_TEXT[v] ?? v}</Tag>,
            },
            { title: '门店', dataIndex: 'storeName', render: (v: string | null) => v ?? '—' },
            {
              title: '骑手编号',
              dataIndex: 'courierId',
              width: 100,
              render: (v: number | null) => (v === null ? '—' : `#${v}`),
            },
            {
              title: '状态',
              dataIndex: 'disabled',
              width: 90,
              render: (v: boolean) => (v ? <Tag>已停用</Tag> : <Tag color="green">启用中</Tag>),
            },
            { title: '绑定时间', dataIndex: 'createdAt', width: 170, render: (v: string) => shTime(v, true) },
            {
              title: '操作',
              width: 100,
              render: (_: unknown, m: MemberItem) =>
                !isAdmin && !MANAGER_MANAGES.includes(m.role) ? (
                  <Typography.Text type="secondary">—</Typography.Text>
                ) : (
                  <Popconfirm
                    title={m.disabled ? `启用 ${m.name}？` : `停用 ${m.name}？`}
                    description={
                      m.disabled
                        ? '启用后对方需重新登录小程序。'
                        : '停用后对方的登录立即失效，不能再以该身份接单或处理订单。'
                    }
                    okText={m.disabled ? '启用' : '停用'}
                    okButtonProps={{ danger: !m.disabled }}
                    cancelText="取消"
                    onConfirm={() => toggle(m)}
                  >
                    <Button type="link" size="small" danger={!m.disabled} loading={busy === m.id}>
                      {m.disabled ? '启用' : '停用'}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </PageState>
    </>
  );
}
