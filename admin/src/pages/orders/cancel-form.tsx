// 取消订单: a reason is required; a paid order's money goes back in full through the refund queue.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import type { AdminOrderCancelBody, AdminOrderDetail, Order } from '@omni/shared-types';
import { api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { yuan } from '../../components/format';

export interface CancelDialogProps {
  order: AdminOrderDetail;
  onClose(): void;
  onDone(order: Order): void;
}

export function CancelDialog({ order, onClose, onDone }: CancelDialogProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const paid = order.payment.status === 'paid';

  const submit = async () => {
    setError(null);
    let reason: string;
    try {
      reason = ((await form.validateFields()).reason ?? '').trim();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const body: AdminOrderCancelBody = { reason };
      const res = await api.post<Order>(`/admin/orders/${order.id}/cancel`, body);
      message.success(paid ? '订单已取消，已发起全额退款' : '订单已取消');
      onDone(res);
    } catch (err) {
      setError(applyApiError(form, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`取消订单 · ${order.orderNo}`}
      okText="确认取消订单"
      okButtonProps={{ danger: true }}
      cancelText="返回"
      confirmLoading={saving}
      destroyOnHidden
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          paid
            ? `取消后将原路退回实付 ${yuan(order.payment.amountFen - order.payment.refundedFen - order.payment.refundingFen)}，库存释放，顾客会收到通知。`
            : '取消后订单关闭，库存释放，顾客会收到通知。'
        }
      />
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="取消原因"
          rules={[
            { required: true, whitespace: true, message: '请填写取消原因' },
            { max: 80, message: '取消原因最多 80 个字' },
          ]}
        >
          <Input.TextArea rows={2} maxLength={80} showCount placeholder="如：门店缺货、顾客电话要求取消" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
