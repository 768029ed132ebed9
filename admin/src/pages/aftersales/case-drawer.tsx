// One after-sales case: what the customer asked for, on which order, its timeline, and the
// decisions (approve / start / resolve / reject with a reason) and assignment to a store member.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Image,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import type {
  AdminCase,
  AdminCaseAction,
  AdminOrderDetail,
  MemberItem,
  MemberListResponse,
} from '@omni/shared-types';
import { api } from '../../api/client';
import { showConflict } from '../../components/conflict';
import { PageState } from '../../components/PageState';
import { shTime, yuan } from '../../components/format';
import { useApi } from '../../components/useApi';
import { showFormError } from '../stores/form-errors';
import { ACTIONS, ACTOR_TEXT, CASE_STATUS, CASE_TYPE_TEXT, actionsFor } from './labels';
import { SlaCountdown } from './sla-countdown';
import { useElapsed } from './sla';

/** Photos the customer attached, when the case carries any (`photos` or `images` as URLs). */
function photosOf(c: AdminCase): string[] {
  const x = c as unknown as { photos?: unknown; images?: unknown };
  const list = Array.isArray(x.photos) ? x.photos : Array.isArray(x.images) ? x.images : [];
  return list
    .map((p: unknown) =>
      typeof p === 'string'
        ? p
        : p && typeof p === 'object' && 'url' in p
          ? String((p as { url: unknown }).url)
          : '',
    )
    .filter(Boolean);
}

/** The note dialog of one decision; a reject needs a reason. */
export function ActionDialog(props: {
  action: AdminCaseAction | null;
  kase: AdminCase;
  onClose(): void;
  onDone(c: AdminCase): void;
  reload(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const [saving, setSaving] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const a = props.action ? ACTIONS[props.action] : null;
  const refund = props.action === 'resolve' && (props.kase.refundFen ?? 0) > 0;

  const submit = async () => {
    if (!props.action) return;
    setAlert(null);
    let v: { note?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const note = v.note?.trim() || undefined;
      const after = await api.post<AdminCase>(`/admin/aftersales/${props.kase.id}/${props.action}`, {
        note,
        version: props.kase.version,
      });
      message.success(`已${a?.text}`);
      props.onDone(after);
    } catch (err) {
      if (showConflict(err, props.reload)) {
        props.onClose();
        return;
      }
      setAlert(showFormError(form, err, { remap: (p) => (p === 'reason' ? 'note' : p) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={props.action !== null}
      title={a ? `${a.text}售后单 ${props.kase.caseNo}` : ''}
      okText={a?.text ?? '确定'}
      okButtonProps={{ danger: a?.danger }}
      confirmLoading={saving}
      onOk={submit}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 12 }} />}
      {refund && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`完成后将通过微信支付原路退款 ${yuan(props.kase.refundFen)}，退款到账后售后单才会结束。`}
        />
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          label={a?.needsReason ? '拒绝原因（顾客可见）' : '处理说明（可选，顾客可见）'}
          name="note"
          rules={[
            ...(a?.needsReason ? [{ required: true, whitespace: true, message: '请填写拒绝原因' }] : []),
            { max: 300, message: '最多 300 字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={300} showCount aria-label="处理说明" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AssignBox(props: { kase: AdminCase; onDone(c: AdminCase): void; reload(): void }) {
  const { message } = App.useApp();
  const c = props.kase;
  const closed = c.status === 'resolved' || c.status === 'rejected';
  const [pick, setPick] = useState<number>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const members = useApi(
    async (signal) => {
      const q = { storeId: c.storeId, disabled: 'false', pageSize: 200 };
      const [staff, managers] = await Promise.all([
        api.get<MemberListResponse>('/admin/members', { ...q, role: 'staff' }, signal),
        api.get<MemberListResponse>('/admin/members', { ...q, role: 'store_manager' }, signal),
      ]);
      return [...staff.items, ...managers.items];
    },
    [c.storeId],
  );
  const options = (members.data ?? []).map((m: MemberItem) => ({
    value: m.id,
    label: `${m.name}（${m.role === 'staff' ? '店员' : '店长'}）`,
  }));
  const assign = async () => {
    if (!pick) return;
    setSaving(true);
    setError(null);
    try {
      const after = await api.post<AdminCase>(`/admin/aftersales/${c.id}/assign`, {
        assigneeId: pick,
        version: c.version,
      });
      message.success('已指派');
      setPick(undefined);
      props.onDone(after);
    } catch (err) {
      if (!showConflict(err, props.reload)) setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>处理人：</Typography.Text>
        {c.assignee ? (
          <Tag color="blue">{c.assignee.name}</Tag>
        ) : (
          <Typography.Text type="secondary">未指派</Typography.Text>
        )}
        {c.assignedAt && <Typography.Text type="secondary">（{shTime(c.assignedAt)} 指派）</Typography.Text>}
      </Space>
      {!closed && (
        <Space wrap>
          <Select<number>
            aria-label="指派给"
            placeholder={members.error ? '店员列表加载失败' : '选择本店店员'}
            style={{ width: 240 }}
            loading={members.loading}
            value={pick}
            onChange={setPick}
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent={members.loading ? '加载中…' : '本店暂无在职店员'}
          />
          <Button onClick={assign} loading={saving} disabled={!pick}>
            {c.assignee ? '改派' : '指派'}
          </Button>
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}

function OrderBox({ orderId }: { orderId: number }) {
  const o = useApi(
    (signal) => api.get<AdminOrderDetail>(`/admin/orders/${orderId}`, undefined, signal),
    [orderId],
  );
  if (o.loading) return <Typography.Text type="secondary">订单加载中…</Typography.Text>;
  if (o.error || !o.data)
    return (
      <Typography.Text type="secondary">订单详情加载失败：{o.error?.message ?? '无数据'}</Typography.Text>
    );
  const d = o.data;
  return (
    <Descriptions
      size="small"
      column={2}
      items={[
        { key: 'status', label: '订单状态', children: d.statusText },
        { key: 'type', label: '方式', children: d.type === 'delivery' ? '配送' : '自提' },
        { key: 'total', label: '实付', children: yuan(d.totalFen) },
        { key: 'refunded', label: '已退款', children: yuan(d.refundedFen) },
        { key: 'paid', label: '支付时间', children: shTime(d.paidAt, true) },
        {
          key: 'contact',
          label: '收货人',
          children: d.address ? `${d.address.contactName} ${d.address.phone}` : '—',
        },
      ]}
    />
  );
}

export function CaseDrawer(props: { caseId: number | null; onClose(): void; onChanged(): void }) {
  const res = useApi(
    (signal) => api.get<AdminCase>(`/admin/aftersales/${props.caseId}`, undefined, signal),
    [props.caseId],
  );
  const [action, setAction] = useState<AdminCaseAction | null>(null);
  const elapsedS = Math.floor(useElapsed(res.data) / 1000);
  const c = res.data && res.data.id === props.caseId ? res.data : undefined;
  const done = (after: AdminCase) => {
    res.set(after);
    setAction(null);
    props.onChanged();
  };
  const photos = c ? photosOf(c) : [];

  return (
    <Drawer
      open={props.caseId !== null}
      onClose={props.onClose}
      size={760}
      destroyOnHidden
      title={c ? `售后单 ${c.caseNo}` : '售后单'}
      extra={
        c && (
          <Space>
            {actionsFor(c.status).map((a, i) => (
              <Button
                key={a}
                type={i === 0 ? 'primary' : 'default'}
                danger={ACTIONS[a].danger}
                onClick={() => setAction(a)}
              >
                {a === 'resolve' && (c.refundFen ?? 0) > 0
                  ? `完成并退款 ${yuan(c.refundFen)}`
                  : ACTIONS[a].text}
              </Button>
            ))}
          </Space>
        )
      }
    >
      <PageState loading={res.loading} error={res.error} onRetry={res.reload} empty={!c}>
        {c && (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions
              bordered
              size="small"
              column={2}
              items={[
                {
                  key: 'status',
                  label: '状态',
                  children: <Tag color={CASE_STATUS[c.status]?.color}>{CASE_STATUS[c.status]?.text}</Tag>,
                },
                { key: 'type', label: '类型', children: CASE_TYPE_TEXT[c.type] ?? c.type },
                {
                  key: 'order',
                  label: '订单',
                  children: <Link to={`/orders?id=${c.orderId}`}>{c.orderNo}</Link>,
                },
                { key: 'store', label: '门店', children: c.storeName },
                { key: 'refund', label: '退款金额', children: yuan(c.refundFen) },
                { key: 'created', label: '提交时间', children: shTime(c.createdAt, true) },
                { key: 'due', label: '处理时限', children: shTime(c.slaDueAt, true) },
                {
                  key: 'sla',
                  label: 'SLA',
                  children: <SlaCountdown remainingS={c.slaRemainingS} elapsedS={elapsedS} />,
                },
                { key: 'reason', label: '顾客描述', span: 2, children: c.reason },
              ]}
            />
            <div>
              <Typography.Title level={5}>售后商品</Typography.Title>
              <Table
                rowKey="productId"
                size="small"
                pagination={false}
                dataSource={c.lines}
                locale={{ emptyText: '未选择商品（整单）' }}
                columns={[
                  { title: '商品', dataIndex: 'name', render: (v: string, l) => v || `商品 #${l.productId}` },
                  { title: '数量', dataIndex: 'quantity', width: 80 },
                ]}
              />
            </div>
            {photos.length > 0 && (
              <div>
                <Typography.Title level={5}>顾客照片</Typography.Title>
                <Image.PreviewGroup>
                  <Space wrap>
                    {photos.map((src) => (
                      <Image
                        key={src}
                        src={src}
                        width={96}
                        height={96}
                        style={{ objectFit: 'cover' }}
                        alt="顾客照片"
                      />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              </div>
            )}
            <div>
              <Typography.Title level={5}>订单</Typography.Title>
              <OrderBox orderId={c.orderId} />
            </div>
            <div>
              <Typography.Title level={5}>指派</Typography.Title>
              <AssignBox kase={c} onDone={done} reload={res.reload} />
            </div>
            <div>
              <Typography.Title level={5}>进度</Typography.Title>
              <Timeline
                items={[...c.timeline].reverse().map((e, i) => ({
                  key: `${e.at}-${i}`,
                  color: e.status === 'rejected' ? 'red' : e.status === 'resolved' ? 'green' : 'blue',
                  title: shTime(e.at, true),
                  content: (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text strong>
                        {CASE_STATUS[e.status]?.text ?? e.status}
                        <Typography.Text type="secondary" style={{ marginLeft: 8, fontWeight: 'normal' }}>
                          {ACTOR_TEXT[e.actor] ?? e.actor}
                        </Typography.Text>
                      </Typography.Text>
                      {e.note && <Typography.Text>{e.note}</Typography.Text>}
                    </Space>
                  ),
                }))}
              />
            </div>
          </Space>
        )}
      </PageState>
      {c && (
        <ActionDialog
          action={action}
          kase={c}
          onClose={() => setAction(null)}
          onDone={done}
          reload={() => {
            setAction(null);
            res.reload();
            props.onChanged();
          }}
        />
      )}
    </Drawer>
  );
}
