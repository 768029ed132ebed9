// Create or edit one FAQ article: the question, the answer the bot gives (plain text), keywords and
// other ways customers ask it (tags), topic, and whether the bot uses it.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import {
  FAQ_CATEGORIES,
  type AdminFaq,
  type CreateFaqBody,
  type FaqCategory,
  type FieldIssue,
  type UpdateFaqBody,
} from '@omni/shared-types';
import { api } from '../../api/client';
import { showConflict } from '../../components/conflict';
import { showFormError, untranslated } from '../stores/form-errors';
import { CATEGORY_TEXT } from './labels';

export interface FaqValues {
  question: string;
  answer: string;
  keywords: string[];
  questions: string[];
  category: FaqCategory;
  active: boolean;
}

/** Chinese for the API's (English) schema messages, by field. */
export const faqIssueZh = (f: FieldIssue): string | null => {
  if (!untranslated(f.message)) return null;
  const top = f.path.split('.')[0];
  if (top === 'question') return '问题须为 2–200 字';
  if (top === 'answer') return '答案须为 1–2000 字';
  if (top === 'keywords') return '关键词每个 1–32 字，最多 30 个';
  if (top === 'questions') return '其他问法每条 2–200 字，最多 20 条';
  if (top === 'category') return '请选择分类';
  return null;
};

const clean = (xs: string[] | undefined) => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];

export function FaqDialog(props: {
  open: boolean;
  /** The article to edit; null to create one. */
  faq: AdminFaq | null;
  onClose(): void;
  onSaved(faq: AdminFaq): void;
  /** Reloads the article after a conflict (the dialog reopens with the fresh copy). */
  reload(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FaqValues>();
  const [saving, setSaving] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const f = props.faq;

  const submit = async () => {
    setAlert(null);
    let v: FaqValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const fields = {
      question: v.question.trim(),
      answer: v.answer.trim(),
      keywords: clean(v.keywords),
      questions: clean(v.questions),
      category: v.category,
      active: v.active,
    };
    setSaving(true);
    try {
      const saved = f
        ? await api.patch<AdminFaq>(`/admin/faq/${f.id}`, {
            ...fields,
            version: f.version,
          } satisfies UpdateFaqBody)
        : await api.post<AdminFaq>('/admin/faq', fields satisfies CreateFaqBody);
      message.success(f ? '常见问题已保存' : '常见问题已添加');
      props.onSaved(saved);
    } catch (err) {
      if (showConflict(err, props.reload)) return;
      setAlert(
        showFormError(form, err, {
          zh: faqIssueZh,
          // A list item's issue (`keywords.3`) shows on its list.
          remap: (p) => (/^(keywords|questions)\./.test(p) ? p.split('.')[0] : p),
        }),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={f ? '编辑常见问题' : '添加常见问题'}
      okText="保存"
      width={640}
      confirmLoading={saving}
      onOk={submit}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 12 }} />}
      <Form<FaqValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          question: f?.question ?? '',
          answer: f?.answer ?? '',
          keywords: f?.keywords ?? [],
          questions: f?.questions ?? [],
          category: f?.category ?? 'general',
          active: f?.active ?? true,
        }}
      >
        <Form.Item
          label="问题"
          name="question"
          rules={[
            { required: true, whitespace: true, message: '请填写问题' },
            { min: 2, max: 200, message: '问题须为 2–200 字' },
          ]}
        >
          <Input aria-label="问题" placeholder="如：多久可以退货？" maxLength={200} />
        </Form.Item>
        <Form.Item
          label="答案"
          name="answer"
          rules={[
            { required: true, whitespace: true, message: '请填写答案' },
            { max: 2000, message: '答案最多 2000 字' },
          ]}
          extra="机器人原样回复给顾客的文字"
        >
          <Input.TextArea aria-label="答案" rows={5} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          label="关键词"
          name="keywords"
          rules={[{ type: 'array', max: 30, message: '最多 30 个关键词' }]}
          extra="输入后回车添加"
        >
          <Select
            mode="tags"
            aria-label="关键词"
            open={false}
            suffixIcon={null}
            placeholder="如：退货、七天"
          />
        </Form.Item>
        <Form.Item
          label="其他问法"
          name="questions"
          rules={[{ type: 'array', max: 20, message: '最多 20 条' }]}
          extra="顾客可能的其他说法，帮助机器人识别"
        >
          <Select
            mode="tags"
            aria-label="其他问法"
            open={false}
            suffixIcon={null}
            placeholder="如：买了不想要了怎么办"
          />
        </Form.Item>
        <Form.Item label="分类" name="category" rules={[{ required: true, message: '请选择分类' }]}>
          <Select<FaqCategory>
            aria-label="分类"
            options={FAQ_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_TEXT[c] }))}
          />
        </Form.Item>
        <Form.Item label="启用" name="active" valuePropName="checked" extra="停用后机器人不再使用这条回答">
          <Switch aria-label="启用" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
