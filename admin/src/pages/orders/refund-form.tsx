// 退款: the whole order or chosen lines and quantities, with or without the delivery fee; the
// amount is previewed as the BFF will compute it and shown on the confirm button before sending.
import { useMemo, useState } from 'react';
import { Alert, App, Checkbox, Form, Input, InputNumber, Modal, Radio, Table, Typography } from 'antd';
import type { AdminOrderDetail, AdminOrderRefundResponse } from '@omni/shared-types';
import { api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { yuan } from '../../components/format';
import {
  feeRemainingFen,
  refundBody,
  refundPreview,
  refundableLines,
  type RefundSelection,
} from './refund-preview';

interface Values {
  reason?: string;
  mode: RefundSelection['mode'];
  includeFee: boolean;
  quantities: Record<number, number | null>;
}

export interface RefundDialogProps {
  order: AdminOrderDetail;
  open: boolean;
  onClose(): void;
  onDone(res: AdminOrderRefundResponse): void;
}

export function RefundDialog({ order, open, onClose, onDone }: RefundDialogProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [linesError, setLinesError] = useState<string | null>(null);
  const lines = useMemo(() => refundableLines(order), [order]);
  const feeLeft = feeRemainingFen(order);
  const mode = Form.useWatch('mode', form) ?? 'all';
  const includeFee = Form.useWatch('includeFee', form) ?? true;
  const quantities = Form.useWatch('quantities', form);
  const sel: RefundSelection = { mode, includeFee, quantities: quantities ?? {} };
  const preview = refundPreview(order, sel);

  const submit = async () => {
    setError(null);
    setLinesError(null);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const s: RefundSelection = { mode: v.mode, includeFee: v.includeFee, quantities: v.quantities ?? {} };
    const p = refundPreview(order, s);
    if (s.mode === 'lines' && p.lines.length === 0) {
      setLinesError('请至少选择一件要退的商品');
      return;
    }
    if (p.totalFen <= 0) {
      setError('没有可退的金额：商品和配送费都已退过');
      return;
    }
    setSaving(true);
    try {
      const res = await api.post<AdminOrderRefundResponse>(
        `/admin/orders/${order.id}/refund`,
        refundBody(v.reason ?? '', s, p),
      );
      message.success(`已发起退款 ${yuan(res.refund.amountFen)}，退款单号 ${res.refund.refundNo}`);
      onDone(res);
    } catch (err) {
      setError(applyApiError(form, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`退款 · ${order.orderNo}`}
      width={640}
      destroyOnHidden
      okText={preview.totalFen > 0 ? `确认退款 ${yuan(preview.totalFen)}` : '确认退款'}
      okButtonProps={{ danger: true, disabled: preview.totalFen <= 0 }}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ mode: 'all', includeFee: true, quantities: {} }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.mode) form.setFieldValue('includeFee', changed.mode === 'all');
          if (changed.quantities) setLinesError(null);
        }}
      >
        <Form.Item name="mode" label="退款范围">
          <Radio.Group
            options={[
              { value: 'all', label: '整单退款（未退部分）' },
              { value: 'lines', label: '部分商品' },
            ]}
          />
        </Form.Item>
        {mode === 'lines' && (
          <Form.Item
            label="选择商品和数量"
            validateStatus={linesError ? 'error' : undefined}
            help={linesError ?? undefined}
            style={{ marginBottom: 12 }}
          >
            <Table
              size="small"
              rowKey="productId"
              pagination={false}
              dataSource={lines}
              columns={[
                { title: '商品', dataIndex: 'name' },
                { title: '单价', dataIndex: 'priceFen', width: 90, render: (f: number) => yuan(f) },
                {
                  title: '已购 / 已退',
                  width: 100,
                  render: (_, l) => `${l.quantity} / ${l.refundedQty}`,
                },
                {
                  title: '退款数量',
                  width: 120,
                  render: (_, l) => (
                    <Form.Item name={['quantities', l.productId]} noStyle>
                      <InputNumber
                        aria-label={`${l.name} 退款数量`}
                        min={0}
                        max={l.remaining}
                        precision={0}
                        disabled={l.remaining === 0}
                        size="small"
                        style={{ width: 90 }}
                      />
                    </Form.Item>
                  ),
                },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item name="includeFee" valuePropName="checked">
          <Checkbox disabled={feeLeft === 0}>
            同时退配送费（{feeLeft > 0 ? yuan(feeLeft) : '无可退配送费'}）
          </Checkbox>
        </Form.Item>
        <Form.Item
          name="reason"
          label="退款原因"
          rules={[
            { required: true, whitespace: true, message: '请填写退款原因' },
            { max: 80, message: '退款原因最多 80 个字' },
          ]}
        >
          <Input.TextArea rows={2} maxLength={80} showCount placeholder="如：商品缺货、顾客取消、质量问题" />
        </Form.Item>
      </Form>
      <div
        data-testid="refund-preview"
        style={{ background: '#fafafa', borderRadius: 6, padding: '8px 12px', marginBottom: error ? 12 : 0 }}
      >
        <Typography.Text>
          退款金额{' '}
          <Typography.Text strong type="danger">
            {yuan(preview.totalFen)}
          </Typography.Text>
        </Typography.Text>
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
          {preview.lines.map((l) => `${l.name}×${l.quantity}`).join('、') || '未选商品'}
          {preview.feeFen > 0 ? ` + 配送费 ${yuan(preview.feeFen)}` : ''}
          ，原路退回微信支付
        </Typography.Text>
      </div>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
