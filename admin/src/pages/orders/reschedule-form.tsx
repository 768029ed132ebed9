// 改约: moves a delivery order to another bookable slot of its zone in the next 7 days, with a
// required reason the customer is told in the 配送时段变更 message.
import { useMemo, useState } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import type {
  AdminOrderDetail,
  AdminOrderRescheduleBody,
  AdminSlotGridResponse,
  Order,
} from '@omni/shared-types';
import { ApiError, api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { PageState } from '../../components/PageState';
import { useApi } from '../../components/useApi';
import { dateLabelZh } from '../delivery/slot-grid';
import { rescheduleChoices } from './reschedule-slots';

interface Values {
  /** A slot id, or `date|startLocal` of a slot on a day not opened yet. */
  slotId?: number | string;
  reason?: string;
}

/** Slot answers shown as they are meant for the operator (others: the BFF's own message). */
const SLOT_ERROR_TEXT: Record<string, string> = {
  SLOT_FULL: '该时段已约满，请选择其他时段',
  SLOT_CUTOFF_PASSED: '该时段已截止预约，请选择其他时段',
  SLOT_NOT_FOUND: '该时段不存在，请重新选择',
  SLOT_ZONE_MISMATCH: '该时段不属于订单的配送区，请重新选择',
};

export interface RescheduleDialogProps {
  order: AdminOrderDetail;
  onClose(): void;
  onDone(order: Order): void;
}

export function RescheduleDialog({ order, onClose, onDone }: RescheduleDialogProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const currentSlotId = order.slot?.id ?? null;
  const gridRes = useApi(
    (signal) => api.get<AdminSlotGridResponse>('/admin/slots', { storeId: order.storeId, days: 7 }, signal),
    [order.storeId],
  );
  const picker = useMemo(
    () => (gridRes.data ? rescheduleChoices(gridRes.data, currentSlotId, new Date()) : null),
    [gridRes.data, currentSlotId],
  );

  const submit = async () => {
    setError(null);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const reason = (v.reason ?? '').trim();
      const [date, startLocal] = typeof v.slotId === 'string' ? v.slotId.split('|') : [];
      const body: AdminOrderRescheduleBody =
        typeof v.slotId === 'number' ? { slotId: v.slotId, reason } : { date, startLocal, reason };
      const res = await api.post<Order>(`/admin/orders/${order.id}/reschedule`, body);
      message.success('已改约，已通知顾客');
      onDone(res);
    } catch (err) {
      const slotText = err instanceof ApiError ? SLOT_ERROR_TEXT[err.code] : undefined;
      if (slotText) {
        setError(slotText);
        form.setFieldValue('slotId', undefined);
        gridRes.reload();
      } else {
        setError(applyApiError(form, err));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`改约 · ${order.orderNo}`}
      width={640}
      okText="确定"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ disabled: !picker || picker.zoneId === null }}
      destroyOnHidden
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="顾客会收到配送时段变更通知，原因会一并告知。"
        description={order.slot ? `当前时段：${dateLabelZh(order.slot.date)} ${order.slot.label}` : undefined}
      />
      <Form<Values> form={form} layout="vertical">
        <Form.Item
          name="slotId"
          label="新的配送时段（未来 7 天）"
          rules={[{ required: true, message: '请选择新的配送时段' }]}
        >
          <SlotPicker
            loading={gridRes.loading && !picker}
            error={gridRes.error}
            onRetry={gridRes.reload}
            picker={picker}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="改约原因"
          rules={[
            { required: true, whitespace: true, message: '请填写改约原因' },
            { max: 40, message: '改约原因最多 40 个字' },
          ]}
        >
          <Input maxLength={40} showCount placeholder="如：原时段骑手不足、顾客电话要求改时间" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

/** The radio list of slots, one row per day; a form control (`value` / `onChange` from Form.Item). */
function SlotPicker(props: {
  loading: boolean;
  error: Error | null;
  onRetry(): void;
  picker: ReturnType<typeof rescheduleChoices> | null;
  value?: number | string;
  onChange?(slotId: number | string): void;
}) {
  const { picker } = props;
  return (
    <PageState loading={props.loading} error={props.error} onRetry={props.onRetry}>
      {picker && picker.zoneId === null && (
        <Alert type="warning" showIcon title="原时段不在未来 7 天内，无法确定订单所在的配送区。" />
      )}
      {picker && picker.zoneId !== null && (
        <Radio.Group
          value={props.value}
          onChange={(e) => props.onChange?.(e.target.value as number | string)}
          style={{ display: 'block', maxHeight: 360, overflowY: 'auto' }}
        >
          {picker.days.map((d) => (
            <div
              key={d.date}
              role="group"
              aria-label={d.label}
              style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
            >
              <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
                {d.label}
                {d.storeClosed && (
                  <Tag style={{ marginInlineStart: 8 }} color="default">
                    门店休息
                  </Tag>
                )}
              </Typography.Text>
              {d.choices.length ? (
                <Space wrap size={[16, 4]}>
                  {d.choices.map((c) => (
                    <Radio key={c.key} value={c.slotId ?? c.key} disabled={c.disabled}>
                      {c.timeText}{' '}
                      <Typography.Text type={c.disabled ? 'secondary' : 'success'} style={{ fontSize: 12 }}>
                        {c.note}
                      </Typography.Text>
                    </Radio>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  当天没有配送时段
                </Typography.Text>
              )}
            </div>
          ))}
        </Radio.Group>
      )}
    </PageState>
  );
}
