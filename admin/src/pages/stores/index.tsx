// 门店: every store of the brand, searched and paged by the server, created and edited in a Drawer
// (`?id=12` or `?id=new` opens it, so a link reaches a store's form directly).
import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import type { AdminStore, AdminStoreListResponse } from '@omni/shared-types';
import { api } from '../../api/client';
import { PageState } from '../../components/PageState';
import { TZ, dayjs } from '../../components/format';
import { useStores } from '../../components/useStores';
import { useTable } from '../../components/useTable';
import { todayLabel } from './hours';
import { StoreDrawer } from './store-form';

type ActiveFilter = 'all' | 'true' | 'false';

export default function StoresPage() {
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState<string>();
  const [active, setActive] = useState<ActiveFilter>('all');
  const all = useStores();
  const t = useTable<AdminStore, { q?: string; active: ActiveFilter }>(
    (query, signal) =>
      api.get<AdminStoreListResponse>(
        '/admin/stores',
        {
          page: query.page,
          pageSize: query.pageSize,
          q: query.q,
          active: query.active === 'all' ? undefined : query.active,
        },
        signal,
      ),
    { q, active },
  );
  const idParam = params.get('id');
  const drawerId = idParam === 'new' ? null : idParam && /^\d+$/.test(idParam) ? Number(idParam) : undefined;
  const openDrawer = (id: number | 'new' | null) => {
    const next = new URLSearchParams(params);
    if (id === null) next.delete('id');
    else next.set('id', String(id));
    setParams(next, { replace: true });
  };
  const now = dayjs().tz(TZ);
  const today = { date: now.format('YYYY-MM-DD'), weekday: now.day() };

  return (
    <Card>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder="编码、名称或地址"
            aria-label="搜索门店"
            style={{ width: 240 }}
            onSearch={(v) => setQ(v.trim() || undefined)}
          />
          <Select<ActiveFilter>
            aria-label="状态"
            style={{ width: 120 }}
            value={active}
            onChange={setActive}
            options={[
              { value: 'all', label: '全部状态' },
              { value: 'true', label: '启用' },
              { value: 'false', label: '停用' },
            ]}
          />
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => openDrawer('new')}>
          新建门店
        </Button>
      </Space>
      <PageState loading={t.loading} error={t.error} onRetry={t.reload} empty={false}>
        <Table<AdminStore>
          rowKey="id"
          size="middle"
          loading={t.loading}
          dataSource={t.rows}
          pagination={t.pagination}
          locale={{
            emptyText: q || active !== 'all' ? '没有符合条件的门店' : '还没有门店，点击“新建门店”添加',
          }}
          onRow={(r) => ({ onDoubleClick: () => openDrawer(r.id) })}
          columns={[
            { title: '编码', dataIndex: 'code', width: 120 },
            {
              title: '名称',
              dataIndex: 'name',
              render: (v: string, r) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{v}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.district}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '地址', dataIndex: 'address', ellipsis: true },
            { title: '电话', dataIndex: 'phone', width: 140 },
            {
              title: '今日营业',
              width: 150,
              render: (_, r) => todayLabel(r.hours, r.closedDates, today),
            },
            {
              title: '服务',
              width: 120,
              render: (_, r) => (
                <Space size={4}>
                  {r.pickup && <Tag color="magenta">自提</Tag>}
                  {r.delivery && <Tag color="blue">配送</Tag>}
                  {!r.pickup && !r.delivery && <Typography.Text type="secondary">—</Typography.Text>}
                </Space>
              ),
            },
            {
              title: '状态',
              dataIndex: 'active',
              width: 80,
              render: (v: boolean) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
            },
            {
              title: '操作',
              width: 80,
              render: (_, r) => (
                <Button type="link" size="small" onClick={() => openDrawer(r.id)}>
                  编辑
                </Button>
              ),
            },
          ]}
        />
      </PageState>
      <StoreDrawer
        open={drawerId !== undefined}
        storeId={drawerId ?? null}
        stores={all.data ?? []}
        onClose={() => openDrawer(null)}
        onSaved={() => {
          t.reload();
          all.reload();
          openDrawer(null);
        }}
      />
    </Card>
  );
}
