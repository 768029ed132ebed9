// 订单: the orders of the header's store (or all stores), filtered by status, service day, slot and
// order number / phone, paged by the server; a row opens its detail (`?id=12`, so links from
// 售后 reach it) with the timeline and the cancel / refund actions.
import { useEffect, useState } from 'react';
import { Card, DatePicker, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import {
  ORDER_STATUS_TEXT,
  type AdminOrderListResponse,
  type AdminSlotGridResponse,
  type Order,
  type OrderStatus,
} from '@omni/shared-types';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { PageState } from '../../components/PageState';
import { dayjs, shTime, yuan } from '../../components/format';
import { useApi } from '../../components/useApi';
import { useTable } from '../../components/useTable';
import { ORDER_STATUS_COLOR, REFUND_STATE_TEXT } from './labels';
import { OrderDrawer } from './order-detail';

interface Filters {
  storeId: number | null;
  status: OrderStatus[];
  date: string | null;
  slotId: number | null;
  type: 'delivery' | 'pickup' | null;
  q: string | null;
}

/** Slots of one store's day (for the 时段 filter); only generated slots can have orders. */
function useDaySlots(storeId: number | null, date: string | null) {
  const res = useApi(
    (signal) =>
      api.get<AdminSlotGridResponse>(
        '/admin/slots',
        { storeId: storeId ?? undefined, from: date, days: 1 },
        signal,
      ),
    [storeId === null || date === null ? null : `${storeId}|${date}`],
  );
  const zone = new Map((res.data?.zones ?? []).map((z) => [z.id, z.name]));
  const options = (res.data?.cells ?? [])
    .filter((c): c is typeof c & { slotId: number } => c.slotId !== null && c.date === date)
    .map((c) => ({
      value: c.slotId,
      label: `${c.startLocal}–${c.endLocal} · ${zone.get(c.zoneId) ?? `配送区 #${c.zoneId}`}（已约 ${c.booked}/${c.capacity}）`,
    }));
  return { options, loading: res.loading, error: res.error };
}

export default function OrdersPage() {
  const auth = useAuth();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<OrderStatus[]>([]);
  const [date, setDate] = useState<string | null>(null);
  const [slotId, setSlotId] = useState<number | null>(null);
  const [type, setType] = useState<Filters['type']>(null);
  const [q, setQ] = useState<string | null>(null);
  const storeId = auth.storeId;
  useEffect(() => setSlotId(null), [storeId, date]);
  const slots = useDaySlots(storeId, date);

  const t = useTable<Order, Filters>(
    (f, signal) =>
      api.get<AdminOrderListResponse>(
        '/admin/orders',
        {
          page: f.page,
          pageSize: f.pageSize,
          storeId: f.storeId,
          status: f.status.length ? f.status : undefined,
          date: f.date,
          slotId: f.slotId,
          type: f.type,
          q: f.q,
        },
        signal,
      ),
    { storeId, status, date, slotId, type, q },
  );

  const idParam = params.get('id');
  const openId = idParam && /^\d+$/.test(idParam) ? Number(idParam) : null;
  const open = (id: number | null) => {
    const next = new URLSearchParams(params);
    if (id === null) next.delete('id');
    else next.set('id', String(id));
    setParams(next, { replace: true });
  };

  const slotPicker = (
    <Select<number>
      aria-label="配送时段"
      allowClear
      placeholder="时段"
      style={{ width: 220 }}
      popupMatchSelectWidth={false}
      value={slotId ?? undefined}
      disabled={storeId === null || date === null}
      loading={slots.loading && date !== null && storeId !== null}
      onChange={(v) => setSlotId(v ?? null)}
      options={slots.options}
      notFoundContent={slots.error ? '时段加载失败' : '当天没有时段'}
    />
  );

  return (
    <Card>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label="搜索订单"
          placeholder="订单号或手机号"
          style={{ width: 220 }}
          onSearch={(v) => setQ(v.trim() || null)}
        />
        <Select<OrderStatus[]>
          mode="multiple"
          allowClear
          aria-label="订单状态"
          placeholder="全部状态"
          maxTagCount="responsive"
          style={{ minWidth: 200 }}
          value={status}
          onChange={setStatus}
          options={(Object.keys(ORDER_STATUS_TEXT) as OrderStatus[]).map((s) => ({
            value: s,
            label: ORDER_STATUS_TEXT[s],
          }))}
        />
        <Select<'delivery' | 'pickup'>
          allowClear
          aria-label="订单类型"
          placeholder="全部类型"
          style={{ width: 120 }}
          value={type ?? undefined}
          onChange={(v) => setType(v ?? null)}
          options={[
            { value: 'delivery', label: '配送' },
            { value: 'pickup', label: '自提' },
          ]}
        />
        <DatePicker
          aria-label="服务日期"
          placeholder="服务日期"
          value={date ? dayjs(date) : null}
          onChange={(d) => setDate(d ? d.format('YYYY-MM-DD') : null)}
        />
        {storeId === null ? (
          <Tooltip title="在页面顶部选择门店后可按时段筛选">{slotPicker}</Tooltip>
        ) : (
          slotPicker
        )}
      </Space>
      <PageState loading={t.loading} error={t.error} onRetry={t.reload} empty={false}>
        <Table<Order>
          rowKey="id"
          size="middle"
          loading={t.loading}
          dataSource={t.rows}
          pagination={t.pagination}
          locale={{ emptyText: '没有符合条件的订单' }}
          onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: '订单号',
              dataIndex: 'orderNo',
              width: 190,
              render: (v: string, r) => (
                <Typography.Link
                  onClick={(e) => {
                    e.stopPropagation();
                    open(r.id);
                  }}
                >
                  {v}
                </Typography.Link>
              ),
            },
            ...(storeId === null ? [{ title: '门店', dataIndex: 'storeName', width: 140 }] : []),
            {
              title: '类型',
              dataIndex: 'type',
              width: 70,
              render: (v: Order['type']) => (v === 'delivery' ? '配送' : '自提'),
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 100,
              render: (s: OrderStatus, r) => <Tag color={ORDER_STATUS_COLOR[s]}>{r.statusText}</Tag>,
            },
            {
              title: '时段',
              width: 170,
              render: (_, r) => (r.slot ? `${r.slot.date.slice(5)} ${r.slot.label}` : '—'),
            },
            {
              title: '联系人',
              width: 170,
              render: (_, r) => (r.address ? `${r.address.contactName} ${r.address.phone}` : '—'),
            },
            {
              title: '实付',
              dataIndex: 'totalFen',
              width: 100,
              align: 'right' as const,
              render: (f: number) => yuan(f),
            },
            {
              title: '退款',
              dataIndex: 'refundStatus',
              width: 100,
              render: (v: Order['refundStatus'], r) =>
                v === 'none' ? (
                  <Typography.Text type="secondary">—</Typography.Text>
                ) : (
                  <Tooltip title={`已退 ${yuan(r.refundedFen)}`}>
                    <Tag color={v === 'refunding' ? 'orange' : 'purple'}>{REFUND_STATE_TEXT[v]}</Tag>
                  </Tooltip>
                ),
            },
            { title: '下单时间', dataIndex: 'createdAt', width: 120, render: (v: string) => shTime(v) },
          ]}
        />
      </PageState>
      <OrderDrawer orderId={openId} onClose={() => open(null)} onChanged={t.reload} />
    </Card>
  );
}
