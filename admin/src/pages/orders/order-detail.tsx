// One order in the back office: lines and amounts, slot, address or pickup, payment and refunds,
// the whole timeline (Shanghai times), and the reschedule / cancel / refund actions.
import { useState } from 'react';
import { Button, Descriptions, Drawer, Space, Table, Tag, Timeline, Typography } from 'antd';
import type {
  AdminOrderDetail,
  AdminOrderTimelineEntry,
  OrderLine,
  OrderStatus,
  Refund,
  RefundStatus,
} from '@omni/shared-types';
import { api } from '../../api/client';
import { PageState } from '../../components/PageState';
import { shTime, yuan } from '../../components/format';
import { useApi } from '../../components/useApi';
import { CancelDialog } from './cancel-form';
import { RefundDialog } from './refund-form';
import { RescheduleDialog } from './reschedule-form';
import { ORDER_STATUS_COLOR, REFUND_STATE_TEXT } from './labels';

const ACTOR_TEXT: Record<string, string> = {
  customer: '顾客',
  staff: '门店',
  courier: '骑手',
  admin: '后台',
  system: '系统',
  wechat: '微信支付',
};

const REFUND_COLOR: Record<RefundStatus, string> = {
  pending: 'default',
  processing: 'processing',
  success: 'success',
  closed: 'default',
  abnormal: 'error',
};

/** Statuses the back office can still cancel from (before the order leaves the store). */
const CANCELLABLE: OrderStatus[] = [
  'pending_payment',
  'paid',
  'assigned',
  'ready_for_pickup',
  'delivery_failed',
];
/** Statuses a refund can be asked for in (the BFF has the final word). */
const REFUNDABLE: OrderStatus[] = [
  'paid',
  'assigned',
  'ready_for_pickup',
  'delivery_failed',
  'delivered',
  'picked_up',
];
/** Statuses a delivery order can still move to another slot in (the BFF's RESCHEDULABLE). */
const RESCHEDULABLE: OrderStatus[] = ['pending_payment', 'paid', 'assigned'];

function timelineColor(e: AdminOrderTimelineEntry): string {
  if (e.kind === 'refund') return e.status === 'success' ? 'green' : e.status === 'pending' ? 'blue' : 'red';
  if (e.status === 'cancelled' || e.status === 'delivery_failed') return 'red';
  if (e.status === 'delivered' || e.status === 'picked_up' || e.status === 'refunded') return 'green';
  return 'blue';
}

function OrderBody({ o }: { o: AdminOrderDetail }) {
  const slot = o.slot ? `${o.slot.date} ${o.slot.label}` : '—';
  const lineCols = [
    { title: '商品', dataIndex: 'name' },
    { title: 'SKU', dataIndex: 'sku', width: 120 },
    { title: '单价', dataIndex: 'priceFen', width: 90, render: (f: number) => yuan(f) },
    { title: '数量', dataIndex: 'quantity', width: 60 },
    { title: '小计', dataIndex: 'subtotalFen', width: 100, render: (f: number) => yuan(f) },
  ];
  return (
    <Space orientation="vertical" size={20} style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={2}
        bordered
        items={[
          { key: 'no', label: '订单号', children: <Typography.Text copyable>{o.orderNo}</Typography.Text> },
          {
            key: 'status',
            label: '状态',
            children: <Tag color={ORDER_STATUS_COLOR[o.status]}>{o.statusText}</Tag>,
          },
          { key: 'type', label: '类型', children: o.type === 'delivery' ? '配送到家' : '到店自提' },
          { key: 'store', label: '门店', children: o.storeName },
          { key: 'slot', label: o.type === 'delivery' ? '配送时段' : '自提时段', children: slot },
          { key: 'created', label: '下单时间', children: shTime(o.createdAt, true) },
          {
            key: 'addr',
            label: o.type === 'delivery' ? '收货地址' : '自提',
            span: 2,
            children: o.address ? (
              <span>
                {o.address.contactName} {o.address.phone}
                <br />
                {o.address.address}
                {o.address.detail ? ` ${o.address.detail}` : ''}
              </span>
            ) : (
              `到 ${o.storeName} 自提`
            ),
          },
          ...(o.note ? [{ key: 'note', label: '备注', span: 2, children: o.note }] : []),
        ]}
      />
      <div>
        <Typography.Title level={5}>商品</Typography.Title>
        <Table<OrderLine>
          size="small"
          rowKey="productId"
          pagination={false}
          dataSource={o.items}
          columns={lineCols}
          summary={() => (
            <>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4} align="right">
                  商品合计
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1}>{yuan(o.itemsTotalFen)}</Table.Summary.Cell>
              </Table.Summary.Row>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4} align="right">
                  配送费
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1}>{yuan(o.deliveryFeeFen)}</Table.Summary.Cell>
              </Table.Summary.Row>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4} align="right">
                  <b>实付</b>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1}>
                  <b>{yuan(o.totalFen)}</b>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </>
          )}
        />
      </div>
      <div>
        <Typography.Title level={5}>支付与退款</Typography.Title>
        <Descriptions
          size="small"
          column={2}
          bordered
          items={[
            { key: 'method', label: '支付方式', children: '微信支付' },
            {
              key: 'pstatus',
              label: '支付状态',
              children: o.payment.status === 'paid' ? <Tag color="green">已支付</Tag> : <Tag>未支付</Tag>,
            },
            { key: 'paidAt', label: '支付时间', children: shTime(o.payment.paidAt, true) },
            { key: 'tx', label: '微信交易号', children: o.payment.transactionId ?? '—' },
            { key: 'amount', label: '实付金额', children: yuan(o.payment.amountFen) },
            {
              key: 'refunded',
              label: '已退 / 退款中',
              children: `${yuan(o.payment.refundedFen)} / ${yuan(o.payment.refundingFen)}`,
            },
            { key: 'rstate', label: '退款状态', span: 2, children: REFUND_STATE_TEXT[o.refundStatus] },
          ]}
        />
        {o.refunds.length > 0 && (
          <Table<Refund>
            style={{ marginTop: 12 }}
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={o.refunds}
            columns={[
              { title: '退款单号', dataIndex: 'refundNo', width: 200 },
              {
                title: '状态',
                dataIndex: 'status',
                width: 90,
                render: (s: RefundStatus, r) => <Tag color={REFUND_COLOR[s]}>{r.statusText}</Tag>,
              },
              {
                title: '金额',
                width: 120,
                render: (_, r) => (
                  <span>
                    {yuan(r.amountFen)}
                    {r.feeFen > 0 && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        <br />
                        含配送费 {yuan(r.feeFen)}
                      </Typography.Text>
                    )}
                  </span>
                ),
              },
              {
                title: '商品',
                render: (_, r) => r.lines.map((l) => `${l.name}×${l.quantity}`).join('、') || '—',
              },
              { title: '原因', dataIndex: 'reason', ellipsis: true },
              { title: '发起', dataIndex: 'createdAt', width: 110, render: (v: string) => shTime(v) },
            ]}
          />
        )}
      </div>
      <div>
        <Typography.Title level={5}>时间线</Typography.Title>
        {o.timeline.length ? (
          <Timeline
            items={o.timeline.map((e, i) => ({
              key: `${e.at}-${i}`,
              color: timelineColor(e),
              title: shTime(e.at, true),
              content: (
                <div>
                  <Typography.Text strong>{e.label}</Typography.Text>
                  {e.actor && (
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                      {ACTOR_TEXT[e.actor] ?? e.actor}
                      {e.actorId ? ` #${e.actorId}` : ''}
                    </Typography.Text>
                  )}
                  {e.refundNo && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      退款单 {e.refundNo}
                    </Typography.Text>
                  )}
                  {e.note && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {e.note}
                    </Typography.Text>
                  )}
                </div>
              ),
            }))}
          />
        ) : (
          <Typography.Text type="secondary">暂无记录</Typography.Text>
        )}
      </div>
    </Space>
  );
}

export function OrderDrawer(props: { orderId: number | null; onClose(): void; onChanged(): void }) {
  const { orderId } = props;
  const res = useApi(
    (signal) => api.get<AdminOrderDetail>(`/admin/orders/${orderId}`, undefined, signal),
    [orderId],
  );
  const [dialog, setDialog] = useState<'reschedule' | 'cancel' | 'refund' | null>(null);
  const o = res.data && res.data.id === orderId ? res.data : undefined;
  const done = () => {
    setDialog(null);
    res.reload();
    props.onChanged();
  };
  return (
    <Drawer
      open={orderId !== null}
      onClose={props.onClose}
      size={820}
      destroyOnHidden
      title={o ? `订单 ${o.orderNo}` : '订单详情'}
      extra={
        o && (
          <Space>
            {o.type === 'delivery' && o.slot && RESCHEDULABLE.includes(o.status) && (
              <Button onClick={() => setDialog('reschedule')}>改约</Button>
            )}
            <Button
              disabled={o.payment.status !== 'paid' || !REFUNDABLE.includes(o.status)}
              onClick={() => setDialog('refund')}
            >
              退款
            </Button>
            <Button danger disabled={!CANCELLABLE.includes(o.status)} onClick={() => setDialog('cancel')}>
              取消订单
            </Button>
          </Space>
        )
      }
    >
      <PageState loading={res.loading && !o} error={res.error} onRetry={res.reload} empty={false}>
        {o && <OrderBody o={o} />}
      </PageState>
      {o && dialog === 'refund' && (
        <RefundDialog order={o} open onClose={() => setDialog(null)} onDone={done} />
      )}
      {o && dialog === 'reschedule' && (
        <RescheduleDialog order={o} onClose={() => setDialog(null)} onDone={done} />
      )}
      {o && dialog === 'cancel' && <CancelDialog order={o} onClose={() => setDialog(null)} onDone={done} />}
    </Drawer>
  );
}
