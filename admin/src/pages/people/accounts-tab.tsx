// 后台账号 (admins only): the back-office accounts — create one, change its role/store, disable or
// re-enable it, reset its password. The last enabled admin can't be disabled or demoted (LAST_ADMIN).
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  BACKOFFICE_PASSWORD_MIN_LENGTH,
  type AdminAccount,
  type AdminAccountCreate,
  type AdminAccountList,
  type AdminAccountPatch,
  type BackofficeRole,
  type FieldIssue,
} from '@omni/shared-types';
import { ApiError, api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { showConflict } from '../../components/conflict';
import { PageState } from '../../components/PageState';
import { shTime } from '../../components/format';
import { useStores } from '../../components/useStores';
import { useTable } from '../../components/useTable';
import { showFormError, untranslated } from '../stores/form-errors';

const ROLE: Record<BackofficeRole, { text: string; color: string }> = {
  admin: { text: '品牌管理员', color: 'magenta' },
  store_manager: { text: '店长', color: 'gold' },
};

const zhIssue = (f: FieldIssue): string | null => {
  if (!untranslated(f.message)) return null;
  if (f.path === 'password') return `密码至少 ${BACKOFFICE_PASSWORD_MIN_LENGTH} 位`;
  if (f.path === 'username') return '用户名须为 2–64 个字符';
  if (f.path === 'storeId') return '请选择门店';
  return null;
};

/** The API names the account's store `store` in its issues. */
const remap = (path: string) => (path === 'store' ? 'storeId' : path);

/** The coded errors that belong to one field of the account form. */
const CODES = {
  USERNAME_TAKEN: { path: 'username' },
  STORE_NOT_FOUND: { path: 'storeId', message: '门店不存在' },
  LAST_ADMIN: { path: 'role' },
};

interface AccountValues {
  username: string;
  password?: string;
  role: BackofficeRole;
  storeId?: number | null;
}

/** Create (account null) or edit role/store of an account. */
export function AccountDialog(props: {
  open: boolean;
  account: AdminAccount | null;
  onClose(): void;
  onSaved(): void;
  reload(): void;
}) {
  const { message } = App.useApp();
  const stores = useStores();
  const [form] = Form.useForm<AccountValues>();
  const [saving, setSaving] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const role = Form.useWatch('role', form);
  const a = props.account;

  const submit = async () => {
    setAlert(null);
    let v: AccountValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      if (a) {
        const patch: AdminAccountPatch = {
          role: v.role,
          storeId: v.role === 'admin' ? null : (v.storeId ?? null),
          version: a.version,
        };
        await api.patch<AdminAccount>(`/admin/users/${a.id}`, patch);
        message.success('账号已保存，该账号需重新登录');
      } else {
        const body: AdminAccountCreate = {
          username: v.username.trim(),
          password: v.password ?? '',
          role: v.role,
          ...(v.role === 'store_manager' && v.storeId ? { storeId: v.storeId } : {}),
        };
        await api.post<AdminAccount>('/admin/users', body);
        message.success(`账号 ${body.username} 已创建`);
      }
      props.onSaved();
    } catch (err) {
      if (showConflict(err, props.reload)) return;
      setAlert(showFormError(form, err, { codes: CODES, zh: zhIssue, remap }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={a ? `编辑账号 · ${a.username}` : '新建后台账号'}
      okText="保存"
      confirmLoading={saving}
      onOk={submit}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 12 }} />}
      <Form<AccountValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          username: a?.username ?? '',
          role: a?.role ?? 'store_manager',
          storeId: a?.storeId,
        }}
      >
        <Form.Item
          label="用户名"
          name="username"
          rules={[
            { required: true, whitespace: true, message: '请填写用户名' },
            { min: 2, max: 64, message: '用户名须为 2–64 个字符' },
          ]}
        >
          <Input aria-label="用户名" disabled={!!a} autoComplete="off" />
        </Form.Item>
        {!a && (
          <Form.Item
            label="初始密码"
            name="password"
            rules={[
              { required: true, message: '请填写初始密码' },
              {
                min: BACKOFFICE_PASSWORD_MIN_LENGTH,
                message: `密码至少 ${BACKOFFICE_PASSWORD_MIN_LENGTH} 位`,
              },
            ]}
          >
            <Input.Password aria-label="初始密码" autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select<BackofficeRole>
            aria-label="角色"
            options={(['admin', 'store_manager'] as const).map((r) => ({ value: r, label: ROLE[r].text }))}
          />
        </Form.Item>
        {role === 'store_manager' && (
          <Form.Item label="门店" name="storeId" rules={[{ required: true, message: '请选择门店' }]}>
            <Select<number>
              aria-label="门店"
              placeholder="店长管理的门店"
              loading={stores.loading}
              showSearch={{ optionFilterProp: 'label' }}
              options={(stores.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function PasswordDialog(props: { account: AdminAccount | null; onClose(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const [saving, setSaving] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const submit = async () => {
    setAlert(null);
    let v: { password: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await api.post(`/admin/users/${props.account!.id}/password`, { password: v.password });
      message.success('密码已重置，该账号的登录已失效');
      props.onClose();
    } catch (err) {
      setAlert(showFormError(form, err, { zh: zhIssue }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={props.account !== null}
      title={`重置密码 · ${props.account?.username ?? ''}`}
      okText="重置"
      confirmLoading={saving}
      onOk={submit}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          label="新密码"
          name="password"
          rules={[
            { required: true, message: '请填写新密码' },
            { min: BACKOFFICE_PASSWORD_MIN_LENGTH, message: `密码至少 ${BACKOFFICE_PASSWORD_MIN_LENGTH} 位` },
          ]}
        >
          <Input.Password aria-label="新密码" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_, value) => {
                if (value && value !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
              },
            }),
          ]}
        >
          <Input.Password aria-label="确认新密码" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AccountsTab() {
  const { user } = useAuth();
  const { message, modal } = App.useApp();
  const stores = useStores();
  const [q, setQ] = useState<string>();
  const [role, setRole] = useState<BackofficeRole>();
  const [editing, setEditing] = useState<AdminAccount | null | undefined>(undefined);
  const [resetting, setResetting] = useState<AdminAccount | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const t = useTable<AdminAccount, object>(
    (query, signal) =>
      api.get<AdminAccountList>(
        '/admin/users',
        { page: query.page, pageSize: Math.min(query.pageSize, 100), q, role },
        signal,
      ),
    { q, role },
  );
  const storeName = (id?: number) => stores.data?.find((s) => s.id === id)?.name ?? (id ? `#${id}` : '—');

  const setDisabled = async (a: AdminAccount, disabled: boolean) => {
    setBusy(a.id);
    try {
      await api.patch<AdminAccount>(`/admin/users/${a.id}`, { disabled, version: a.version });
      message.success(disabled ? `已停用 ${a.username}` : `已启用 ${a.username}`);
      t.reload();
    } catch (err) {
      if (showConflict(err, t.reload)) return;
      if (err instanceof ApiError && err.code === 'LAST_ADMIN')
        modal.error({ title: '不能停用该账号', content: err.message });
      else message.error((err as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            aria-label="搜索账号"
            placeholder="用户名"
            style={{ width: 200 }}
            onSearch={(v) => setQ(v.trim() || undefined)}
          />
          <Select<BackofficeRole>
            aria-label="账号角色"
            allowClear
            placeholder="全部角色"
            style={{ width: 140 }}
            value={role}
            onChange={setRole}
            options={(['admin', 'store_manager'] as const).map((r) => ({ value: r, label: ROLE[r].text }))}
          />
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          新建账号
        </Button>
      </Space>
      <PageState loading={t.loading} error={t.error} onRetry={t.reload} empty={false}>
        <Table<AdminAccount>
          rowKey="id"
          size="middle"
          loading={t.loading}
          dataSource={t.rows}
          pagination={{ ...t.pagination, pageSizeOptions: [10, 20, 50, 100] }}
          locale={{ emptyText: '暂无账号' }}
          columns={[
            {
              title: '用户名',
              dataIndex: 'username',
              render: (v: string, a) => (
                <Space>
                  {v}
                  {a.id === user?.id && <Tag>我</Tag>}
                </Space>
              ),
            },
            {
              title: '角色',
              dataIndex: 'role',
              width: 110,
              render: (v: BackofficeRole) => <Tag color={ROLE[v].color}>{ROLE[v].text}</Tag>,
            },
            {
              title: '门店',
              dataIndex: 'storeId',
              render: (v: number | undefined, a) => (a.role === 'admin' ? '全部门店' : storeName(v)),
            },
            {
              title: '动态验证码',
              dataIndex: 'totpEnabled',
              width: 100,
              render: (v: boolean) => (v ? <Tag color="green">已启用</Tag> : <Tag>未启用</Tag>),
            },
            {
              title: '状态',
              dataIndex: 'disabled',
              width: 80,
              render: (v: boolean) => (v ? <Tag>已停用</Tag> : <Tag color="green">启用中</Tag>),
            },
            {
              title: '最近登录',
              dataIndex: 'lastLoginAt',
              width: 130,
              render: (v: string | null) => shTime(v),
            },
            {
              title: '操作',
              width: 210,
              render: (_: unknown, a: AdminAccount) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(a)}>
                    编辑
                  </Button>
                  <Button type="link" size="small" onClick={() => setResetting(a)}>
                    重置密码
                  </Button>
                  {a.id === user?.id ? (
                    <Typography.Text type="secondary" style={{ padding: '0 7px' }}>
                      —
                    </Typography.Text>
                  ) : (
                    <Popconfirm
                      title={a.disabled ? `启用 ${a.username}？` : `停用 ${a.username}？`}
                      description={a.disabled ? undefined : '停用后该账号立即退出登录，且不能再登录。'}
                      okText={a.disabled ? '启用' : '停用'}
                      okButtonProps={{ danger: !a.disabled }}
                      cancelText="取消"
                      onConfirm={() => setDisabled(a, !a.disabled)}
                    >
                      <Button type="link" size="small" danger={!a.disabled} loading={busy === a.id}>
                        {a.disabled ? '启用' : '停用'}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </PageState>
      <AccountDialog
        open={editing !== undefined}
        account={editing ?? null}
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
      <PasswordDialog account={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
