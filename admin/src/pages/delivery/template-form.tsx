// Create/edit a slot template of a zone: weekday (or every day), start–end, seats, own cut-off.
import { useEffect, useState } from 'react';
import { Alert, App, Form, InputNumber, Modal, Select, Space, Switch, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AdminSlotTemplate, AdminZone, FieldIssue } from '@omni/shared-types';
import { api } from '../../api/client';
import { showConflict } from '../../components/conflict';
import { dayjs } from '../../components/format';
import { showFormError, untranslated } from '../stores/form-errors';
import { weekdayZh } from './slot-grid';

export interface TemplateFormValues {
  /** -1 = every day (the API's null), else 0 = Sunday … 6 = Saturday. */
  weekday: number;
  startLocal: string | null;
  endLocal: string | null;
  capacity: number | null;
  cutoffMin: number | null;
  active: boolean;
}

export const WEEKDAY_OPTIONS = [
  { value: -1, label: '每天' },
  ...[1, 2, 3, 4, 5, 6, 0].map((d) => ({ value: d, label: weekdayZh(d) })),
];

/** The template's times as sent: an end of 00:00 means midnight (24:00). */
export const endOf = (end: string | null): string | null => (end === '00:00' ? '24:00' : end);

/** What's wrong with the times, or null. */
export function timesProblem(v: Pick<TemplateFormValues, 'startLocal' | 'endLocal'>): string | null {
  const end = endOf(v.endLocal);
  if (!v.startLocal || !end) return null;
  return v.startLocal < end ? null : '结束时间须晚于开始时间';
}

const hm = (v: string | null | undefined): Dayjs | null => {
  if (!v || v === '24:00') return v === '24:00' ? dayjs().hour(0).minute(0).second(0) : null;
  const [h, m] = v.split(':').map(Number);
  return dayjs().hour(h).minute(m).second(0).millisecond(0);
};

const zhIssue = (f: FieldIssue): string | null => {
  if (!untranslated(f.message)) return null;
  if (f.path === 'endLocal') return '结束时间须晚于开始时间';
  if (f.path === 'startLocal') return '时间须为 HH:MM';
  if (f.path === 'capacity') return '容量须为 0–10000';
  if (f.path === 'cutoffMin') return '截单须为 0–1440 分钟';
  return null;
};

export function TemplateDialog(props: {
  open: boolean;
  zone: AdminZone;
  /** The template to edit; null to add one. */
  template: AdminSlotTemplate | null;
  onClose(): void;
  onSaved(): void;
  reload(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TemplateFormValues>();
  const [saving, setSaving] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const t = props.template;

  useEffect(() => {
    if (!props.open) return;
    setAlert(null);
  }, [props.open]);

  const submit = async () => {
    setAlert(null);
    let v: TemplateFormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body = {
      weekday: v.weekday === -1 ? null : v.weekday,
      startLocal: v.startLocal!,
      endLocal: endOf(v.endLocal)!,
      capacity: v.capacity ?? 0,
      cutoffMin: v.cutoffMin ?? null,
      active: v.active,
    };
    setSaving(true);
    try {
      if (t) await api.patch(`/admin/slot-templates/${t.id}`, { ...body, version: t.version });
      else await api.post('/admin/slot-templates', { ...body, zoneId: props.zone.id });
      message.success(t ? '时段已保存' : '时段已添加');
      props.onSaved();
    } catch (err) {
      if (showConflict(err, props.reload)) return;
      setAlert(
        showFormError(form, err, {
          codes: { SLOT_TEMPLATE_OVERLAP: { path: 'startLocal' } },
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
      title={t ? '编辑时段' : '添加时段'}
      okText="保存"
      confirmLoading={saving}
      onOk={submit}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 12 }} />}
      <Form<TemplateFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          weekday: t ? (t.weekday ?? -1) : -1,
          startLocal: t?.startLocal ?? null,
          endLocal: t ? (t.endLocal === '24:00' ? '00:00' : t.endLocal) : null,
          capacity: t?.capacity ?? 8,
          cutoffMin: t?.cutoffMin ?? null,
          active: t?.active ?? true,
        }}
      >
        <Form.Item label="星期" name="weekday" rules={[{ required: true }]}>
          <Select options={WEEKDAY_OPTIONS} aria-label="星期" />
        </Form.Item>
        <Space align="start">
          {(['startLocal', 'endLocal'] as const).map((name) => (
            <Form.Item
              key={name}
              label={name === 'startLocal' ? '开始' : '结束'}
              name={name}
              dependencies={name === 'endLocal' ? ['startLocal'] : []}
              getValueProps={(v: string | null) => ({ value: hm(v) })}
              normalize={(d: Dayjs | null) => (d ? d.format('HH:mm') : null)}
              rules={[
                { required: true, message: name === 'startLocal' ? '请选择开始时间' : '请选择结束时间' },
                ({ getFieldsValue }) => ({
                  validator: async () => {
                    if (name !== 'endLocal') return;
                    const p = timesProblem(getFieldsValue(['startLocal', 'endLocal']) as TemplateFormValues);
                    if (p) throw new Error(p);
                  },
                }),
              ]}
            >
              <TimePicker
                aria-label={name === 'startLocal' ? '开始时间' : '结束时间'}
                format="HH:mm"
                minuteStep={5}
                needConfirm={false}
                style={{ width: 130 }}
              />
            </Form.Item>
          ))}
        </Space>
        <Space align="start">
          <Form.Item label="容量（单）" name="capacity" rules={[{ required: true, message: '请填写容量' }]}>
            <InputNumber min={0} max={10000} precision={0} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item label="截单（分钟）" name="cutoffMin" tooltip="留空则跟随配送区设置">
            <InputNumber
              min={0}
              max={1440}
              precision={0}
              style={{ width: 180 }}
              placeholder={`跟随配送区（${props.zone.cutoffMin}）`}
            />
          </Form.Item>
          <Form.Item label="启用" name="active" valuePropName="checked">
            <Switch aria-label="启用时段" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
