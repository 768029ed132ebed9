// 商品关系: how products relate for the bot's recommendations (搭配 / 替代 / 升级): listed by
// product and kind, created with two product pickers, weight and reason edited, deleted.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { ArrowRightOutlined, PlusOutlined } from '@ant-design/icons';
import type {
  AdminProductRelation,
  CreateProductRelationBody,
  FieldIssue,
  ProductEdgeKind,
  ProductRelationListResponse,
  UpdateProductRelationBody,
} from '@omni/shared-types';
import { api } from '../../api/client';
import { showConflict } from '../../components/conflict';
import { PageState } from '../../components/PageState';
import { shTime } from '../../components/format';
import { useTable } from '../../components/useTable';
import { showFormError, untranslated } from '../stores/form-errors';
import { EDITABLE_KINDS, KIND_TEXT } from './labels';
import { ProductSelect } from './product-select';

interface RelationValues {
  fromProductId?: number;
  toProductId?: number;
  kind: ProductEdgeKind;
  weight: number;
  reason?: string;
}

const zhIssue = (f: FieldIssue): string | null => {
  if (!untranslated(f.message)) return null;
  if (f.path === 'toProductId') return '请选择另一个商品';
  if (f.path === 'fromProductId') return '请选择商品';
  if (f.path === 'weight') return '权重须为 0.05–1';
  if (f.path === 'reason') return '推荐理由最多 60 字';
  return null;
};

function RelationDialog(props: {
  open: boolean;
  relation: AdminProductRelation | null;
  onClose(): void;
  onSaved(): void;
  reload(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RelationValues>();
  const [saving, setSaving] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const r = props.relation;

  const submit = async () => {
    setAlert(null);
    let v: RelationValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const reason = v.reason?.trim() || null;
    setSaving(true);
    try {
      if (r) {
        const body: UpdateProductRelationBody = { weight: v.weight, reason, version: r.version };
        await api.patch<AdminProductRelation>(`/admin/product-relations/${r.id}`, body);
      } else {
        const body: CreateProductRelationBody = {
          fromProductId: v.fromProductId!,
          toProductId: v.toProductId!,
          kind: v.kind,
          weight: v.weight,
          reason,
        };
        await api.post<AdminProductRelation>('/admin/product-relations', body);
      }
      message.success(r ? '商品关系已保存' : '商品关系已添加');
      props.onSaved();
    } catch (err) {
      if (showConflict(err, props.reload)) return;
      setAlert(
        showFormError(form, err, {
          codes: { RELATION_EXISTS: { path: 'toProductId' }, RELATION_SELF: { path: 'toProductId' } },
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
      title={r ? '编辑商品关系' : '添加商品关系'}
      okText="保存"
      confirmLoading={saving}
      onOk={submit}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 12 }} />}
      {r && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="商品和关系类型不能修改；如需更改请删除后重新添加。"
        />
      )}
      <Form<RelationValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          fromProductId: r?.fromProductId,
          toProductId: r?.toProductId,
          kind: r?.kind ?? 'complement',
          weight: r?.weight ?? 1,
          reason: r?.reason ?? '',
        }}
      >
        <Form.Item
          label="商品（顾客已有或正在看的）"
          name="fromProductId"
          rules={[{ required: true, message: '请选择商品' }]}
        >
          <ProductSelect
            aria-label="商品"
            disabled={!!r}
            initial={r ? { value: r.fromProductId, label: `${r.fromName}（${r.fromSku}）` } : undefined}
          />
        </Form.Item>
        <Form.Item label="关系" name="kind" rules={[{ required: true, message: '请选择关系' }]}>
          <Select<ProductEdgeKind>
            aria-label="关系"
            disabled={!!r}
            options={(r && !EDITABLE_KINDS.includes(r.kind)
              ? [...EDITABLE_KINDS, r.kind]
              : EDITABLE_KINDS
            ).map((k) => ({ value: k, label: `${KIND_TEXT[k].text}（${KIND_TEXT[k].hint}）` }))}
          />
        </Form.Item>
        <Form.Item
          label="推荐的商品"
          name="toProductId"
          dependencies={['fromProductId']}
          rules={[
            { required: true, message: '请选择推荐的商品' },
            ({ getFieldValue }) => ({
              validator: async (_, v?: number) => {
                if (v && v === getFieldValue('fromProductId')) throw new Error('不能和自己建立关系');
              },
            }),
          ]}
        >
          <ProductSelect
            aria-label="推荐的商品"
            disabled={!!r}
            initial={r ? { value: r.toProductId, label: `${r.toName}（${r.toSku}）` } : undefined}
          />
        </Form.Item>
        <Form.Item
          label="权重"
          name="weight"
          rules={[{ required: true, type: 'number', min: 0.05, max: 1, message: '权重须为 0.05–1' }]}
          extra="越大越优先推荐"
        >
          <InputNumber
            aria-label="权重"
            min={0.05}
            max={1}
            step={0.05}
            precision={2}
            style={{ width: 140 }}
          />
        </Form.Item>
        <Form.Item
          label="推荐理由"
          name="reason"
          rules={[{ max: 60, message: '最多 60 字' }]}
          extra="留空则自动生成"
        >
          <Input aria-label="推荐理由" maxLength={60} placeholder="如：洁面后搭配使用，保湿更持久" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RelationsTab() {
  const { message } = App.useApp();
  const [productId, setProductId] = useState<number>();
  const [kind, setKind] = useState<ProductEdgeKind>();
  const [editing, setEditing] = useState<AdminProductRelation | null | undefined>(undefined);
  const [busy, setBusy] = useState<number | null>(null);
  const t = useTable<AdminProductRelation, object>(
    (query, signal) =>
      api.get<ProductRelationListResponse>(
        '/admin/product-relations',
        { page: query.page, pageSize: query.pageSize, productId, kind },
        signal,
      ),
    { productId, kind },
  );

  const remove = async (r: AdminProductRelation) => {
    setBusy(r.id);
    try {
      await api.del(`/admin/product-relations/${r.id}?version=${r.version}`);
      message.success('已删除');
      t.reload();
    } catch (err) {
      if (!showConflict(err, t.reload)) message.error((err as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <div style={{ width: 260 }}>
            <ProductSelect
              aria-label="按商品筛选"
              placeholder="按商品筛选（名称或 SKU）"
              value={productId}
              onChange={setProductId}
            />
          </div>
          <Select<ProductEdgeKind>
            aria-label="关系类型"
            allowClear
            placeholder="全部关系"
            style={{ width: 130 }}
            value={kind}
            onChange={setKind}
            options={(Object.keys(KIND_TEXT) as ProductEdgeKind[]).map((k) => ({
              value: k,
              label: KIND_TEXT[k].text,
            }))}
          />
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          添加商品关系
        </Button>
      </Space>
      <PageState loading={t.loading} error={t.error} onRetry={t.reload} empty={false}>
        <Table<AdminProductRelation>
          rowKey="id"
          size="middle"
          loading={t.loading}
          dataSource={t.rows}
          pagination={t.pagination}
          locale={{ emptyText: '暂无商品关系' }}
          columns={[
            {
              title: '商品',
              render: (_: unknown, r: AdminProductRelation) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text>{r.fromName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.fromSku}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: '关系',
              dataIndex: 'kind',
              width: 110,
              render: (k: ProductEdgeKind) => (
                <Tooltip title={KIND_TEXT[k]?.hint}>
                  <Space size={4}>
                    <Tag color={KIND_TEXT[k]?.color}>{KIND_TEXT[k]?.text ?? k}</Tag>
                    <ArrowRightOutlined style={{ color: '#999' }} />
                  </Space>
                </Tooltip>
              ),
            },
            {
              title: '推荐的商品',
              render: (_: unknown, r: AdminProductRelation) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text>{r.toName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.toSku}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '权重', dataIndex: 'weight', width: 70, render: (v: number) => v.toFixed(2) },
            {
              title: '推荐理由',
              dataIndex: 'reason',
              ellipsis: true,
              render: (v: string | null) => v ?? <Typography.Text type="secondary">自动生成</Typography.Text>,
            },
            { title: '更新时间', dataIndex: 'updatedAt', width: 110, render: (v: string) => shTime(v) },
            {
              title: '操作',
              width: 110,
              render: (_: unknown, r: AdminProductRelation) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(r)}>
                    编辑
                  </Button>
                  <Popconfirm
                    title="删除这条商品关系？"
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => remove(r)}
                  >
                    <Button type="link" size="small" danger loading={busy === r.id}>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </PageState>
      <RelationDialog
        key={editing ? `${editing.id}-${editing.version}` : 'new'}
        open={editing !== undefined}
        relation={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          t.reload();
        }}
        reload={() => {
          setEditing(undefined);
          t.reload();
        }}
      />
    </>
  );
}
