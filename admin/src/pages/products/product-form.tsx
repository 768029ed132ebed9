// The product form of the drawer: what the consumer sees (name, price in yuan, images, attributes,
// tags) and what delivery needs (volume, per-order limit). Checked here with the API's own rules;
// the API's answer goes next to the fields, a stale version opens "已被他人修改".
import { useRef, useState } from 'react';
import { Alert, App, Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { AdminProduct, Category } from '@omni/shared-types';
import { api } from '../../api/client';
import { showConflict } from '../../components/conflict';
import { ImagesInput } from './images-input';
import {
  RULES,
  applyProductError,
  bodyOf,
  patchOf,
  valuesOf,
  type ProductFormValues,
} from './product-form-logic';

export interface ProductFormProps {
  /** The product edited, or null for a new one. */
  product: AdminProduct | null;
  categories: Category[];
  onSaved(p: AdminProduct, created: boolean): void;
  /** Loads the product afresh (after a version conflict). */
  onReload(): void;
  onCancel(): void;
}

const TAG_MAX = 16;

export function ProductForm({ product, categories, onSaved, onReload, onCancel }: ProductFormProps) {
  const [form] = Form.useForm<ProductFormValues>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const top = useRef<HTMLDivElement>(null);
  /** Brings the first field with an error (or the message above the form) into view. */
  const reveal = () => {
    const first = form.getFieldsError().find((f) => f.errors.length);
    if (first) form.scrollToField(first.name, { block: 'center' });
    else top.current?.scrollIntoView?.({ block: 'nearest' });
  };

  const submit = async () => {
    let v: ProductFormValues;
    try {
      v = await form.validateFields();
    } catch {
      reveal();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = product
        ? await api.patch<AdminProduct>(`/admin/products/${product.id}`, patchOf(v, product.version))
        : await api.post<AdminProduct>('/admin/products', { ...bodyOf(v), status: 'active' });
      message.success(product ? '商品已保存' : '商品已创建');
      onSaved(saved, !product);
    } catch (err) {
      if (!showConflict(err, onReload)) {
        setError(applyProductError(form, err));
        setTimeout(reveal, 0);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<ProductFormValues>
      form={form}
      layout="vertical"
      initialValues={valuesOf(product)}
      onValuesChange={() => error && setError(null)}
      requiredMark
    >
      <div ref={top} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="sku"
            label="SKU"
            required
            rules={RULES.sku}
            extra="字母、数字、- 和 _，导入时按 SKU 匹配"
          >
            <Input maxLength={32} placeholder="例如 CAKE-001" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="categoryId" label="分类" required rules={RULES.categoryId}>
            <Select
              placeholder="选择分类"
              showSearch={{ optionFilterProp: 'label' }}
              options={categories.map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label="商品名称" required rules={RULES.name}>
        <Input maxLength={100} showCount />
      </Form.Item>
      <Form.Item name="subtitle" label="副标题" rules={[{ max: 200, message: '副标题最多 200 个字符' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="priceYuan" label="售价（元）" required rules={RULES.price(true)}>
            <InputNumber<number> min={0} step={0.1} precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="originalPriceYuan" label="划线价（元）" rules={RULES.price(false)}>
            <InputNumber<number> min={0} step={0.1} precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="unit" label="单位" required rules={RULES.unit}>
            <Input maxLength={8} placeholder="件 / 瓶 / 盒" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="volumeL"
            label="体积（升）"
            required
            rules={RULES.volumeL}
            extra="用于配送车辆装载计算"
          >
            <InputNumber<number> min={0.01} max={1000} step={0.1} suffix="升" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="maxPerOrder" label="每单限购" required rules={RULES.maxPerOrder}>
            <InputNumber<number> min={1} max={999} precision={0} suffix="件" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="images" label="图片" extra="JPG、PNG 或 WebP，每张不超过 2 MB；第一张为主图">
        <ImagesInput />
      </Form.Item>
      <Form.Item label="属性">
        <Form.List name="attributes">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item
                    name={[f.name, 'name']}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: async (_, v: string | undefined) => {
                          const value = getFieldValue(['attributes', f.name, 'value']) as string | undefined;
                          if (!v?.trim() && value?.trim()) throw new Error('请填写属性名');
                        },
                      }),
                      { max: 32, message: '属性名最多 32 个字符' },
                    ]}
                  >
                    <Input
                      aria-label={`属性名 ${f.name + 1}`}
                      placeholder="属性名，如 保质期"
                      style={{ width: 180 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'value']}
                    rules={[{ max: 500, message: '属性值最多 500 个字符' }]}
                  >
                    <Input
                      aria-label={`属性值 ${f.name + 1}`}
                      placeholder="属性值，如 冷藏 3 天"
                      style={{ width: 300 }}
                    />
                  </Form.Item>
                  <MinusCircleOutlined aria-label="删除属性" onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', value: '' })}
                disabled={fields.length >= 50}
              >
                添加属性
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item
        name="tags"
        label="标签"
        rules={[
          {
            validator: async (_, v: string[] | undefined) => {
              if ((v?.length ?? 0) > 20) throw new Error('最多 20 个标签');
              if (v?.some((t) => t.trim().length > TAG_MAX))
                throw new Error(`每个标签最多 ${TAG_MAX} 个字符`);
            },
          },
        ]}
      >
        <Select
          mode="tags"
          tokenSeparators={[',', '，']}
          placeholder="输入后回车添加，如 新品、低糖"
          open={false}
        />
      </Form.Item>
      <Form.Item name="description" label="描述" rules={[{ max: 5000, message: '描述最多 5000 个字符' }]}>
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
      <Space>
        <Button onClick={onCancel}>取消</Button>
        <Button type="primary" loading={saving} onClick={submit}>
          保存
        </Button>
      </Space>
    </Form>
  );
}
