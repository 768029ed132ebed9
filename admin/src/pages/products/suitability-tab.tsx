// 适用人群: who and when a product suits (skin types, seasons, occasions, gender), as the shopping
// assistant's recommender reads it. `GET/PUT /admin/products/:id/suitability`, versioned.
import { useState } from 'react';
import { Alert, App, Button, Form, Select, Typography } from 'antd';
import type { AdminSuitability, PutSuitabilityBody } from '@omni/shared-types';
import { SuitableForSchema } from '@omni/shared-types';
import { api } from '../../api/client';
import { showConflict } from '../../components/conflict';
import { applyApiError } from '../../components/errors';
import { PageState } from '../../components/PageState';
import { useApi } from '../../components/useApi';

type Suitable = PutSuitabilityBody['suitable'];
type Key = keyof Suitable;

const SHAPE = SuitableForSchema.shape;
const FIELDS: Array<{ key: Key; label: string; options: readonly string[] }> = [
  { key: 'skin', label: '肤质', options: SHAPE.skin.unwrap().element.options },
  { key: 'season', label: '季节', options: SHAPE.season.unwrap().element.options },
  { key: 'occasion', label: '场合', options: SHAPE.occasion.unwrap().element.options },
  { key: 'gender', label: '性别', options: SHAPE.gender.unwrap().element.options },
];

/** Only the chosen fields: an empty one means "does not apply" and is left out. */
export function suitableOf(v: Partial<Record<Key, string[] | undefined>>): Suitable {
  const out: Record<string, string[]> = {};
  for (const { key } of FIELDS) if (v[key]?.length) out[key] = v[key]!;
  return out as Suitable;
}

export function SuitabilityTab({ productId }: { productId: number }) {
  const { message } = App.useApp();
  const s = useApi(
    (signal) => api.get<AdminSuitability>(`/admin/products/${productId}/suitability`, undefined, signal),
    [productId],
  );
  const [form] = Form.useForm<Suitable>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (!s.data) return;
    setSaving(true);
    setError(null);
    try {
      const body: PutSuitabilityBody = {
        suitable: suitableOf(form.getFieldsValue()),
        ...(s.data.version > 0 ? { version: s.data.version } : {}),
      };
      const saved = await api.put<AdminSuitability>(`/admin/products/${productId}/suitability`, body);
      s.set(saved);
      message.success('适用人群已保存');
    } catch (err) {
      if (!showConflict(err, s.reload)) setError(applyApiError(form, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageState loading={s.loading} error={s.error} onRetry={s.reload} empty={!s.data}>
      {s.data && (
        <Form<Suitable> form={form} layout="vertical" initialValues={s.data.suitable} key={s.data.version}>
          <Typography.Paragraph type="secondary">
            导购助手按这些信息推荐商品；不适用的项留空（例如杯子不选肤质）。
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          {FIELDS.map((f) => (
            <Form.Item key={f.key} name={f.key} label={f.label}>
              <Select
                mode="multiple"
                allowClear
                placeholder="不适用"
                options={f.options.map((o) => ({ value: o, label: o }))}
              />
            </Form.Item>
          ))}
          <Button type="primary" loading={saving} onClick={save}>
            保存适用人群
          </Button>
        </Form>
      )}
    </PageState>
  );
}
