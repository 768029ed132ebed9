// Creating an invite: role, store (an admin picks it; a store manager's is its own), the name the
// member will carry, and how long it is valid; then the code, big and copyable, with its expiry and
// a QR code of the mini-program page that binds it (shown once: only the code's hash is stored).
import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { toDataURL } from 'qrcode';
import {
  INVITE_DEFAULT_TTL_H,
  type CreateInviteBody,
  type CreateInviteResponse,
  type FieldIssue,
  type InviteRole,
} from '@omni/shared-types';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { shTime } from '../../components/format';
import { useStores } from '../../components/useStores';
import { showFormError, untranslated } from '../stores/form-errors';
import { INVITE_ROLES, ROLE_TEXT } from './labels';

interface Values {
  role: InviteRole;
  storeId?: number;
  name: string;
  ttlH: number | null;
}

const zhIssue = (f: FieldIssue): string | null => {
  if (!untranslated(f.message)) return null;
  if (f.path === 'name') return '请填写 1–32 字的姓名';
  if (f.path === 'storeId') return '请选择门店';
  if (f.path === 'ttlH') return '有效期须为 1–720 小时';
  return null;
};

/** The code as it is read out: two groups of four (`ABCD-EFGH`). */
export const spacedCode = (code: string): string => code.replace(/^(.{4})(.+)$/, '$1 $2');

/** The invite just created: its code, expiry and a QR code of the bind page's path. */
export function InviteResult(props: {
  invite: CreateInviteResponse | null;
  storeName?: string;
  onClose(): void;
}) {
  const inv = props.invite;
  const [qr, setQr] = useState<string | null>(null);
  const [qrError, setQrError] = useState(false);
  useEffect(() => {
    setQr(null);
    setQrError(false);
    if (!inv) return;
    let live = true;
    toDataURL(inv.scene, { width: 220, margin: 1, errorCorrectionLevel: 'M' }).then(
      (url) => live && setQr(url),
      () => live && setQrError(true),
    );
    return () => {
      live = false;
    };
  }, [inv]);
  return (
    <Modal
      open={inv !== null}
      title="邀请已创建"
      onCancel={props.onClose}
      onOk={props.onClose}
      okText="完成"
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {inv && (
        <Space orientation="vertical" align="center" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {ROLE_TEXT[inv.role]} · {inv.name}
            {props.storeName ? ` · ${props.storeName}` : ''}
          </Typography.Text>
          <Typography.Text
            copyable={{ text: inv.code, tooltips: ['复制邀请码', '已复制'] }}
            style={{ fontSize: 36, fontWeight: 600, letterSpacing: 4, fontFamily: 'monospace' }}
            aria-label="邀请码"
          >
            {spacedCode(inv.code)}
          </Typography.Text>
          <Typography.Text>
            有效期至 <b>{shTime(inv.expiresAt, true)}</b>
          </Typography.Text>
          {qr ? (
            <img src={qr} width={220} height={220} alt="小程序邀请二维码" />
          ) : qrError ? (
            <Typography.Text type="danger">二维码生成失败，请使用邀请码</Typography.Text>
          ) : (
            <div style={{ width: 220, height: 220 }} />
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: inv.scene }}>
            小程序路径：{inv.scene}
          </Typography.Text>
          <Alert
            type="warning"
            showIcon
            title="邀请码只显示这一次，请现在复制或截图发给对方。对方用微信扫码，或在小程序“我的 → 员工/骑手绑定”输入邀请码即可绑定。"
          />
        </Space>
      )}
    </Modal>
  );
}

/** The create form; on success hands the new invite to `onCreated`. */
export function InviteCreate(props: {
  open: boolean;
  onClose(): void;
  onCreated(inv: CreateInviteResponse): void;
}) {
  const auth = useAuth();
  const stores = useStores();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const role = Form.useWatch('role', form);
  const roles = auth.isAdmin ? INVITE_ROLES : INVITE_ROLES.filter((r) => r !== 'store_manager');

  useEffect(() => {
    if (props.open) setAlert(null);
  }, [props.open]);

  const submit = async () => {
    setAlert(null);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body: CreateInviteBody = {
      role: v.role,
      name: v.name.trim(),
      ...(auth.isAdmin && v.storeId ? { storeId: v.storeId } : {}),
      ...(v.ttlH ? { ttlH: v.ttlH } : {}),
    };
    setSaving(true);
    try {
      const inv = await api.post<CreateInviteResponse>('/admin/invites', body);
      message.success('邀请已创建');
      props.onCreated(inv);
    } catch (err) {
      setAlert(
        showFormError(form, err, {
          codes: { STORE_NOT_FOUND: { path: 'storeId', message: '门店不存在' } },
          zh: zhIssue,
        }),
      );
    } finally {
      setSaving(false);
    }
  };

  const myStore = stores.data?.find((s) => s.id === auth.user?.storeId);
  return (
    <Modal
      open={props.open}
      title="创建邀请"
      okText="创建"
      confirmLoading={saving}
      onOk={submit}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          role: 'courier',
          storeId: auth.isAdmin ? (auth.storeId ?? undefined) : undefined,
          name: '',
          ttlH: INVITE_DEFAULT_TTL_H,
        }}
      >
        <Form.Item label="身份" name="role" rules={[{ required: true, message: '请选择身份' }]}>
          <Select aria-label="身份" options={roles.map((r) => ({ value: r, label: ROLE_TEXT[r] }))} />
        </Form.Item>
        {auth.isAdmin ? (
          <Form.Item
            label="门店"
            name="storeId"
            dependencies={['role']}
            extra={role === 'courier' ? '骑手可不选，默认分配到第一家开通配送的门店' : undefined}
            rules={[
              ({ getFieldValue }) => ({
                required: getFieldValue('role') !== 'courier',
                message: '请选择门店',
              }),
            ]}
          >
            <Select<number>
              aria-label="门店"
              allowClear
              placeholder="选择门店"
              loading={stores.loading}
              showSearch={{ optionFilterProp: 'label' }}
              options={(stores.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        ) : (
          <Form.Item label="门店">
            <Typography.Text>{myStore?.name ?? `门店 #${auth.user?.storeId}`}</Typography.Text>
          </Form.Item>
        )}
        <Form.Item
          label="姓名"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请填写姓名' },
            { max: 32, message: '最多 32 字' },
          ]}
          extra="绑定后显示在成员列表和派单中"
        >
          <Input aria-label="姓名" maxLength={32} placeholder="如：王小明" />
        </Form.Item>
        <Form.Item
          label="有效期（小时）"
          name="ttlH"
          rules={[{ type: 'number', min: 1, max: 720, message: '有效期须为 1–720 小时' }]}
        >
          <InputNumber aria-label="有效期" min={1} max={720} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
