// The fields of a delivery zone beside its polygon: code, name, fee and free threshold (yuan on
// screen, fen on the wire), cut-off, active.
import { Col, Form, Input, InputNumber, Row, Switch, type FormInstance } from 'antd';
import type { AdminZone, AdminZoneCreateBody, FieldIssue } from '@omni/shared-types';
import { untranslated } from '../stores/form-errors';

export interface ZoneFormValues {
  code: string;
  name: string;
  feeYuan: number | null;
  freeYuan: number | null;
  cutoffMin: number | null;
  active: boolean;
}

/** Yuan (2 decimals) → integer fen, rounding away float noise (12.3 → 1230). */
export const toFen = (yuan: number): number => Math.round(yuan * 100);

/** The form's values of a zone, or of a new one with `code` suggested. */
export function zoneValues(z: AdminZone | null, code = ''): ZoneFormValues {
  return {
    code: z?.code ?? code,
    name: z?.name ?? '',
    feeYuan: z ? z.feeFen / 100 : 6,
    freeYuan: z ? (z.freeThresholdFen === null ? null : z.freeThresholdFen / 100) : 99,
    cutoffMin: z?.cutoffMin ?? 60,
    active: z?.active ?? true,
  };
}

/** The API fields of the form (without polygon and store). */
export function zoneFields(v: ZoneFormValues): Omit<AdminZoneCreateBody, 'polygon' | 'storeId'> {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    feeFen: toFen(v.feeYuan ?? 0),
    freeThresholdFen: v.freeYuan === null || v.freeYuan === undefined ? null : toFen(v.freeYuan),
    cutoffMin: v.cutoffMin ?? 0,
    active: v.active,
  };
}

/** API field → form field, and the English schema messages in Chinese. */
export const zoneErrorTable = {
  codes: { ZONE_CODE_TAKEN: { path: 'code', message: '该配送区编码已被使用' } },
  remap: (p: string) => (p === 'feeFen' ? 'feeYuan' : p === 'freeThresholdFen' ? 'freeYuan' : p),
  zh: (f: FieldIssue): string | null => {
    if (!untranslated(f.message)) return null;
    if (f.path === 'code') return '编码只能包含字母、数字、- 和 _（2–32 位）';
    if (f.path === 'feeYuan' || f.path === 'freeYuan') return '金额须为 0–100 万元';
    if (f.path === 'cutoffMin') return '截单时间须为 0–1440 分钟';
    if (f.path === 'name') return '请填写名称（最多 64 字）';
    return null;
  },
};

export function ZoneFields(props: {
  form: FormInstance<ZoneFormValues>;
  initialValues: ZoneFormValues;
  disabled?: boolean;
}) {
  return (
    <Form<ZoneFormValues>
      form={props.form}
      initialValues={props.initialValues}
      layout="vertical"
      disabled={props.disabled}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            label="名称"
            name="name"
            rules={[
              { required: true, whitespace: true, message: '请填写配送区名称' },
              { max: 64, message: '最多 64 个字' },
            ]}
          >
            <Input placeholder="如 静安寺配送区" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="编码"
            name="code"
            rules={[
              { required: true, message: '请填写编码' },
              { pattern: /^[A-Za-z0-9_-]{2,32}$/, message: '编码只能包含字母、数字、- 和 _（2–32 位）' },
            ]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="配送费（元）"
            name="feeYuan"
            rules={[{ required: true, message: '请填写配送费' }]}
          >
            <InputNumber
              min={0}
              max={1_000_000}
              precision={2}
              step={1}
              style={{ width: '100%' }}
              prefix="¥"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="满额免运费（元）"
            name="freeYuan"
            tooltip="订单商品金额达到此数时免配送费；留空表示不免运费"
          >
            <InputNumber
              min={0}
              max={1_000_000}
              precision={2}
              step={10}
              style={{ width: '100%' }}
              prefix="¥"
              placeholder="不免运费"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="截单（分钟）"
            name="cutoffMin"
            tooltip="时段开始前多少分钟停止预约（时段模板可单独设置）"
            rules={[{ required: true, message: '请填写截单时间' }]}
          >
            <InputNumber min={0} max={1440} precision={0} style={{ width: '100%' }} suffix="分钟" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="启用" name="active" valuePropName="checked">
            <Switch aria-label="启用配送区" />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
