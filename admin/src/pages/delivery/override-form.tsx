// Add a blackout (a whole day without delivery, in this zone or every zone) or a one-day capacity
// change of one slot. Booked seats always stay valid; the BFF's answer says how many.
import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type {
  AdminSlotOverrideBody,
  AdminSlotOverrideResponse,
  AdminSlotTemplate,
  AdminZone,
  FieldIssue,
} from '@omni/shared-types';
import { api } from '../../api/client';
import { dayjs, shDate } from '../../components/format';
import { showFormError, untranslated } from '../stores/form-errors';
import { weekdayOfDate } from './slot-grid';

export interface OverrideFormValues {
  kind: 'blackout' | 'capacity';
  date: string | null;
  scope: 'zone' | 'all';
  reason: string;
  startLocal: string | null;
  capacity: number | null;
}

/** The template slots that run on `date` (active, that weekday or every day), by start. */
export function slotsOn(templates: readonly AdminSlotTemplate[], date: string | null): AdminSlotTemplate[] {
  if (!date) return [];
  const wd = weekdayOfDate(date);
  return templates
    .filter((t) => t.active && (t.weekday === null || t.weekday === wd))
    .sort((a, b) => a.startLocal.localeCompare(b.startLocal));
}

/** The API body of the form's values. */
export function overrideBody(v: OverrideFormValues, zoneId: number): AdminSlotOverrideBody {
  return v.kind === 'blackout'
    ? { kind: 'blackout', zoneId: v.scope === 'all' ? null : zoneId, date: v.date!, reason: v.reason.trim() }
    : { kind: 'capacity', zoneId, date: v.date!, startLocal: v.startLocal!, capacity: v.capacity ?? 0 };
}

const zhIssue = (f: FieldIssue): string | null => {
  if (!untranslated(f.message)) return null;
  if (f.path === 'date') return /today|later/.test(f.message) ? '不能选择已经过去的日期' : '日期无效';
  if (f.path === 'reason') return '请填写原因（最多 64 字）';
  if (f.path === 'capacity') return '容量须为 0–10000';
  return null;
};

export function OverrideDialog(props: {
  open: boolean;
  zone: AdminZone;
  templates: AdminSlotTemplate[];
  isAdmin: boolean;
  /** Prefilled from a grid cell: a capacity change of that slot. */
  preset: Partial<OverrideFormValues> | null;
  onClose(): void;
  onSaved(res: AdminSlotOverrideResponse): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<OverrideFormValues>();
  const [saving, setSaving] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const date = Form.useWatch('date', form) as string | null | undefined;
  const today = shDate();

  const submit = async () => {
    setAlert(null);
    let v: OverrideFormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const res = await api.post<AdminSlotOverrideResponse>(
        '/admin/slot-overrides',
        overrideBody({ ...form.getFieldsValue(true), ...v } as OverrideFormValues, props.zone.id),
      );
      message.success(res.message);
      props.onSaved(res);
    } catch (err) {
      setAlert(
        showFormError(form, err, {
          codes: { SLOT_NOT_FOUND: { path: 'startLocal' } },
          zh: zhIssue,
        }),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title="添加停运或容量调整"
      okText="保存"
      confirmLoading={saving}
      onOk={submit}
      onCancel={() => {
        setAlert(null);
        props.onClose();
      }}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 12 }} />}
      <Form<OverrideFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          kind: 'blackout',
          date: today,
          scope: 'zone',
          reason: '',
          startLocal: null,
          capacity: 0,
          ...props.preset,
        }}
      >
        <Form.Item name="kind" label="类型">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'blackout', label: '停运（全天）' },
              { value: 'capacity', label: '单日容量' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="日期"
          name="date"
          rules={[{ required: true, message: '请选择日期' }]}
          getValueProps={(v: string | null) => ({ value: v ? dayjs(v) : null })}
          normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
        >
          <DatePicker
            aria-label="日期"
            style={{ width: 200 }}
            disabledDate={(d) => d.format('YYYY-MM-DD') < today}
          />
        </Form.Item>
        {kind === 'capacity' ? (
          <>
            <Form.Item
              label="时段"
              name="startLocal"
              rules={[{ required: true, message: '请选择时段' }]}
              extra={date && !slotsOn(props.templates, date).length ? '该日没有时段' : undefined}
            >
              <Select
                aria-label="时段"
                style={{ width: 300 }}
                options={slotsOn(props.templates, date ?? null).map((t) => ({
                  value: t.startLocal,
                  label: `${t.startLocal}–${t.endLocal}（模板 ${t.capacity} 单）`,
                }))}
              />
            </Form.Item>
            <Form.Item
              label="当日容量"
              name="capacity"
              rules={[{ required: true, message: '请填写容量' }]}
              extra="0 表示当天关闭该时段；低于已预约数时显示约满，已预约的不会取消"
            >
              <InputNumber min={0} max={10000} precision={0} style={{ width: 200 }} />
            </Form.Item>
          </>
        ) : (
          <>
            {props.isAdmin && (
              <Form.Item name="scope" label="范围">
                <Radio.Group
                  options={[
                    { value: 'zone', label: `仅 ${props.zone.name}` },
                    { value: 'all', label: '全部配送区' },
                  ]}
                />
              </Form.Item>
            )}
            <Form.Item
              label="原因"
              name="reason"
              rules={[
                { required: true, whitespace: true, message: '请填写停运原因' },
                { max: 64, message: '最多 64 个字' },
              ]}
              extra="停运后当天不再接受新预约；已预约的保留有效"
            >
              <Input placeholder="如 道路封闭、恶劣天气" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
