// Editing one event's template: the WeChat template id, which field shows which of the event's
// values (key → variable rows), the page the card opens, when the mini-program asks for consent,
// and whether it is sent — with a live preview beside the form.
import { useState } from 'react';
import { Alert, App, Button, Col, Form, Input, Modal, Row, Select, Space, Switch } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  NOTIFY_ERROR_TEXT,
  NOTIFY_EVENTS,
  NOTIFY_SCENE_TEXT,
  NotifyScene,
  type FieldIssue,
  type NotifyTemplate,
  type UpdateNotifyTemplateBody,
} from '@omni/shared-types';
import { ApiError, api } from '../../api/client';
import { showConflict } from '../../components/conflict';
import { issuesOf, showFormError, untranslated } from '../stores/form-errors';
import { FIELD_RULE_TEXT, KEY_MESSAGE, fieldType, type FieldRow } from './field-rules';
import { TemplatePreview } from './template-preview';

export interface TemplateValues {
  templateId: string;
  fields: FieldRow[];
  page: string;
  scenes: NotifyScene[];
  enabled: boolean;
}

const TEMPLATE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const PAGE = /^[A-Za-z0-9_/-]+(\?[A-Za-z0-9_={}&%.-]*)?$/;
const TEMPLATE_ID_MESSAGE = '模板 ID 只能是 1–64 位字母、数字、下划线或连字符';
const PAGE_MESSAGE = '页面须为小程序内路径，如 pages/order-detail/index?id={orderId}';
const MAX_FIELDS = 20;

/** The PUT body of the form's values: rows → `{ key: variable }`, an empty template id → null. */
export function toBody(v: TemplateValues, version: number): UpdateNotifyTemplateBody {
  const id = v.templateId?.trim();
  return {
    templateId: id ? id : null,
    fields: Object.fromEntries(
      (v.fields ?? []).filter((r) => r?.key?.trim() && r.var).map((r) => [r.key!.trim(), r.var!]),
    ),
    page: v.page.trim(),
    scenes: v.scenes ?? [],
    enabled: v.enabled,
    version,
  };
}

/**
 * The API's issues on the form's paths: `fields.thing1` (a record key) → that row's key (a key rule)
 * or variable; NOTIFY_FIELD_UNKNOWN → the row it names, or the list.
 */
export function placeIssues(err: unknown, rows: FieldRow[]): unknown {
  if (!(err instanceof ApiError)) return err;
  let issues: FieldIssue[] = issuesOf(err);
  if (err.code === 'NOTIFY_FIELD_UNKNOWN') {
    const text = untranslated(err.message) ? NOTIFY_ERROR_TEXT.NOTIFY_FIELD_UNKNOWN : err.message;
    const d = (err.details ?? {}) as { field?: unknown; key?: unknown };
    const k = typeof d.field === 'string' ? d.field : typeof d.key === 'string' ? d.key : null;
    if (!issues.length) issues = [{ path: k ? `fields.${k}` : 'fields', message: text }];
  }
  const mapped = issues.map((f) => {
    const m = /^fields\.(.+)$/.exec(f.path);
    if (!m) return f;
    const i = rows.findIndex((r) => r?.key?.trim() === m[1]);
    if (i < 0) return { ...f, path: 'fields' };
    return { ...f, path: `fields.${i}.${/字段名|key/i.test(f.message) ? 'key' : 'var'}` };
  });
  return new ApiError(err.status, err.code, err.message, mapped);
}

const zhIssue = (f: FieldIssue): string | null => {
  if (!untranslated(f.message)) return null;
  if (f.path === 'templateId') return TEMPLATE_ID_MESSAGE;
  if (f.path === 'page') return PAGE_MESSAGE;
  if (f.path === 'scenes') return '询问时机最多 5 个';
  if (f.path === 'fields') return `一个模板最多 ${MAX_FIELDS} 个字段`;
  if (/^fields\.\d+\.key$/.test(f.path)) return KEY_MESSAGE;
  if (/^fields\.\d+\.var$/.test(f.path)) return '内容无效，请重新选择';
  return null;
};

export function TemplateDialog(props: {
  /** The template being edited; null: closed. */
  template: NotifyTemplate | null;
  onClose(): void;
  onSaved(t: NotifyTemplate): void;
  /** After a version conflict: fetch the fresh copy and reopen with it. */
  reload(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TemplateValues>();
  const [saving, setSaving] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const t = props.template;
  const info = t ? NOTIFY_EVENTS[t.event] : null;
  const rows = Form.useWatch('fields', form);
  const templateId = Form.useWatch('templateId', form);
  const enabled = Form.useWatch('enabled', form);
  const page = Form.useWatch('page', form);

  const submit = async () => {
    if (!t) return;
    setAlert(null);
    let v: TemplateValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const saved = await api.put<NotifyTemplate>(
        `/admin/notification-templates/${t.event}`,
        toBody(v, t.version),
      );
      message.success('通知模板已保存');
      props.onSaved(saved);
    } catch (err) {
      if (showConflict(err, props.reload)) return;
      setAlert(showFormError(form, placeIssues(err, v.fields ?? []), { zh: zhIssue }));
    } finally {
      setSaving(false);
    }
  };

  const varOptions = Object.entries(info?.vars ?? {}).map(([value, label]) => ({ value, label }));

  return (
    <Modal
      open={t !== null}
      title={t ? `编辑通知模板 · ${t.title}` : '编辑通知模板'}
      okText="保存"
      width={1040}
      confirmLoading={saving}
      onOk={submit}
      onCancel={props.onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 12 }} />}
      {t && info && (
        <Row gutter={24}>
          <Col xs={24} lg={14}>
            <Form<TemplateValues>
              form={form}
              layout="vertical"
              preserve={false}
              initialValues={{
                templateId: t.templateId ?? '',
                fields: Object.entries(t.fields).map(([key, variable]) => ({ key, var: variable })),
                page: t.page || info.page,
                scenes: t.scenes,
                enabled: t.enabled,
              }}
            >
              <Form.Item
                label="模板 ID"
                name="templateId"
                extra="微信公众平台 → 订阅消息 → 我的模板 中的模板 ID；清空则不发送这种通知"
                rules={[
                  {
                    validator: async (_, v: string | undefined) => {
                      const id = (v ?? '').trim();
                      if (id && !TEMPLATE_ID.test(id)) throw new Error(TEMPLATE_ID_MESSAGE);
                    },
                  },
                ]}
              >
                <Input allowClear placeholder="未配置" maxLength={64} />
              </Form.Item>
              <Form.List
                name="fields"
                rules={[
                  {
                    validator: async (_, list: FieldRow[] | undefined) => {
                      if ((list ?? []).length > MAX_FIELDS)
                        throw new Error(`一个模板最多 ${MAX_FIELDS} 个字段`);
                    },
                  },
                ]}
              >
                {(items, { add, remove }, { errors }) => (
                  <Form.Item label="字段" required={false}>
                    {items.map((item, i) => {
                      const type = fieldType(rows?.[i]?.key);
                      return (
                        <Space key={item.key} align="start" style={{ display: 'flex' }}>
                          <Form.Item
                            name={[item.name, 'key']}
                            style={{ width: 220, marginBottom: 12 }}
                            extra={type ? FIELD_RULE_TEXT[type] : '微信模板的关键词，如 thing1'}
                            rules={[
                              ({ getFieldValue }) => ({
                                validator: async (_, v: string | undefined) => {
                                  const k = (v ?? '').trim();
                                  if (!k) throw new Error('请填写字段名');
                                  if (!fieldType(k)) throw new Error(KEY_MESSAGE);
                                  const all = (getFieldValue('fields') ?? []) as FieldRow[];
                                  if (all.filter((r) => r?.key?.trim() === k).length > 1)
                                    throw new Error('字段名重复');
                                },
                              }),
                            ]}
                          >
                            <Input aria-label={`字段 ${i + 1} 关键词`} placeholder="如 thing1" />
                          </Form.Item>
                          <span style={{ lineHeight: '32px' }}>→</span>
                          <Form.Item
                            name={[item.name, 'var']}
                            style={{ width: 200, marginBottom: 12 }}
                            rules={[{ required: true, message: '请选择显示的内容' }]}
                          >
                            <Select
                              aria-label={`字段 ${i + 1} 内容`}
                              placeholder="显示的内容"
                              options={varOptions}
                            />
                          </Form.Item>
                          <Button
                            type="text"
                            aria-label={`删除字段 ${i + 1}`}
                            icon={<MinusCircleOutlined />}
                            onClick={() => remove(item.name)}
                          />
                        </Space>
                      );
                    })}
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => add({ key: '', var: undefined })}
                      disabled={items.length >= MAX_FIELDS}
                    >
                      添加字段
                    </Button>
                    <Form.ErrorList errors={errors} />
                  </Form.Item>
                )}
              </Form.List>
              <Form.Item
                label="跳转页面"
                name="page"
                extra={`默认 ${info.page}；{orderId}、{caseId}、{date} 由系统填入`}
                rules={[
                  { required: true, whitespace: true, message: '请填写跳转页面' },
                  {
                    validator: async (_, v: string | undefined) => {
                      const p = (v ?? '').trim();
                      if (p && (p.length > 200 || !PAGE.test(p))) throw new Error(PAGE_MESSAGE);
                    },
                  },
                ]}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item
                label="询问时机"
                name="scenes"
                extra="小程序在这些操作时请顾客订阅（每次最多询问 3 个模板）"
              >
                <Select
                  mode="multiple"
                  allowClear
                  placeholder="不主动询问"
                  options={NotifyScene.options.map((s) => ({ value: s, label: NOTIFY_SCENE_TEXT[s] }))}
                />
              </Form.Item>
              <Form.Item label="启用" name="enabled" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Form>
          </Col>
          <Col xs={24} lg={10}>
            <TemplatePreview
              event={t.event}
              rows={rows}
              templateId={templateId}
              enabled={enabled}
              page={page}
            />
          </Col>
        </Row>
      )}
    </Modal>
  );
}
